using System.Diagnostics;
using PaperModel.Testing;

namespace PaperModel.Cli.Tests;

/// <summary>
/// The real <c>papers</c> process under the conditions of a shell pipeline: interrupted with Ctrl-C, its output pipe
/// closed by the reader (<c>| head</c>), unreadable or hostile input. It ends quietly with a documented exit code and
/// never gives a .NET exception message as its only explanation.
/// </summary>
public sealed class StressTests
{
    [Fact]
    public async Task Ctrl_C_ends_the_command_quietly_with_exit_code_130()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No SIGINT to send from a test on Windows.
        }

        // Reading standard input that never ends: only the interrupt can stop it.
        using var process = CliRun.Start("read", "-");
        var stderr = process.StandardError.ReadToEndAsync();
        WaitUntilRunning(process);

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        process.WaitForExit(30_000).Should().BeTrue("Ctrl-C ends the command");
        process.ExitCode.Should().Be(130);
        (await stderr).Should().BeEmpty();
    }

    [Fact]
    public async Task A_closed_output_pipe_ends_the_command_quietly_with_exit_code_141()
    {
        // Far more output than a pipe holds, so that papers is still writing when its reader goes.
        var input = Path.Combine(Path.GetTempPath(), $"papers-stress-{Guid.NewGuid():N}.txt");
        File.WriteAllText(input, string.Concat(Enumerable.Repeat(File.ReadAllText(RepoPaths.DailyPapersPage), 40)));
        try
        {
            using var process = CliRun.Start("read", input, "--as", "jsonl");
            var stderr = process.StandardError.ReadToEndAsync();
            var head = new char[100];
            process.StandardOutput.ReadBlock(head, 0, head.Length).Should().Be(100);
            process.StandardOutput.Close();

            process.WaitForExit(60_000).Should().BeTrue("papers stops once nobody reads its output");
            process.ExitCode.Should().Be(141);
            (await stderr).Should().BeEmpty();
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_is_explained_not_just_a_NET_message()
    {
        var run = CliRun.Process(null, "convert", RepoPaths.DailyPapersPage, "-o", Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "out.jsonl"));

        run.ExitCode.Should().Be(1);
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("papers: error: cannot write ");
    }

    [Fact]
    public void Hostile_input_gives_located_problems_never_an_exception_message()
    {
        // Every kind of input of issue 12 at once: invalid UTF-8, a lone surrogate, an out-of-range version, a BOM, NUL.
        byte[] input =
        [
            0xEF, 0xBB, 0xBF, .. "{\"id\":\"0704.0001\",\"title\":\"A\",\"versions\":[{\"version\":\"v99999\"}]}\n"u8,
            .. "{\"id\":\"0704.0002\",\"title\":\"\\ud800\"}\n"u8, .. "{\"id\":\"0704.0003\",\"title\":\""u8, 0xC3, 0x28, .. "\"}\n\0\0\n"u8,
        ];

        var path = Path.Combine(Path.GetTempPath(), $"papers-hostile-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, input);
        try
        {
            var run = CliRun.Process(null, "convert", path, "--format", "arxiv-metadata-jsonl");

            run.ExitCode.Should().Be(1);
            run.StderrLines.Should().NotBeEmpty().And.OnlyContain(l => l.StartsWith(path + "(", StringComparison.Ordinal) && l.Contains(": error PM10", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The runtime installs its Ctrl-C handler while starting; the command is running once it has read from stdin.
    private static void WaitUntilRunning(Process process)
    {
        process.StandardInput.Write("Jul 30\n\n");
        process.StandardInput.Flush();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited && process.TotalProcessorTime < TimeSpan.FromMilliseconds(300))
        {
            Thread.Sleep(100);
        }

        Thread.Sleep(1000);
    }
}
