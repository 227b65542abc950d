using System.Diagnostics;
using System.Text;

namespace PaperModel.PackageTests.Infrastructure;

/// <summary>The outcome of one finished process: its command line, exit code and interleaved stdout/stderr.</summary>
/// <param name="CommandLine">The command as run, for messages.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output and standard error, in the order they arrived.</param>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    /// <summary>Fails the test with the whole output unless the process exited with 0.</summary>
    /// <returns>This result.</returns>
    public ProcessResult ShouldSucceed()
    {
        if (ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"`{CommandLine}` exited with {ExitCode}:\n{Output}");
        }

        return this;
    }

    /// <summary>The output lines, trimmed of line-ending characters.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n').Select(static l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs processes with a time limit, capturing their output; a process still running at the limit is killed with its children.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs a process to completion.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">The arguments, passed without shell quoting.</param>
    /// <param name="workingDirectory">The working directory.</param>
    /// <param name="environment">Variables to set (a <see langword="null"/> value removes the variable).</param>
    /// <param name="timeout">The time limit.</param>
    /// <returns>The result.</returns>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var commandLine = string.Join(' ', info.ArgumentList.Prepend(fileName).Select(static a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`{commandLine}` did not finish within {timeout}:\n{Snapshot(output)}");
        }

        // The parameterless wait also drains the redirected output.
        process.WaitForExit();
        return new ProcessResult(commandLine, process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
