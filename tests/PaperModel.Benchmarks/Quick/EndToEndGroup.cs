using System.Diagnostics;
using System.Globalization;
using PaperModel.Testing;

namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// Whole processes on generated arXiv metadata JSON Lines: <c>papers classify --as jsonl</c> against the bare
/// <see cref="System.Text.Json.Utf8JsonReader"/> walk and against the program a user would write without the library
/// (both in <c>tests/benchmarks/Baselines</c>); MB/s and peak memory, which must stay flat in the input size.
/// </summary>
public sealed class EndToEndGroup : IQuickGroup
{
    private const int Rounds = 3;

    /// <inheritdoc/>
    public string Name => "end-to-end";

    /// <inheritdoc/>
    public int Order => 30;

    /// <inheritdoc/>
    public void Run(QuickContext context)
    {
        var (papers, build) = Tool();
        context.Note($"papers: {build}");
        var baselines = Built("tests/benchmarks/Baselines/bin/Release/net10.0/PaperModel.Baselines.dll");
        var small = GeneratedMetadata.WriteTemporaryFile(50);
        var large = GeneratedMetadata.WriteTemporaryFile(200);
        try
        {
            var megabytes = new FileInfo(large).Length / 1e6;
            var classify = Median(papers, "classify", large, "--as", "jsonl");
            var walk = Median(baselines, "walk", large);
            var naive = Median(baselines, "naive", large);
            context.CompareRates("papers classify --as jsonl vs bare Utf8JsonReader walk", megabytes / classify.Seconds, megabytes / walk.Seconds, "MB", 0.5);
            context.CompareRates("papers classify --as jsonl vs naive DTO + 4 regexes + DTO out", megabytes / classify.Seconds, megabytes / naive.Seconds, "MB", 4);
            context.Measure("papers classify --as jsonl: peak memory, 200 MiB input", classify.PeakMegabytes, "MiB", 200);
            var smallRun = Median(papers, "classify", small, "--as", "jsonl");
            context.Measure("papers classify --as jsonl: peak memory, 50 MiB input", smallRun.PeakMegabytes, "MiB", 200);
            context.Measure("peak memory growth, 4x the input", classify.PeakMegabytes / smallRun.PeakMegabytes, "x", 1.25);
        }
        finally
        {
            File.Delete(small);
            File.Delete(large);
        }
    }

    /// <summary>
    /// The <c>papers</c> tool to measure: what users install on Linux x64 (the native executable, from <c>dotnet publish
    /// src/PaperModel.Cli -c Release -r linux-x64</c>) when it is there and not older than the Release build, else the
    /// Release build (JIT only); and which one it is.
    /// </summary>
    internal static (string Program, string Build) Tool()
    {
        var build = Built("src/PaperModel.Cli/bin/Release/net10.0/papers.dll");
        var published = Path.Combine(RepoPaths.Root, "src/PaperModel.Cli/bin/Release/net10.0/linux-x64/publish/papers");
        return File.Exists(published) && File.GetLastWriteTimeUtc(published) >= File.GetLastWriteTimeUtc(build)
            ? (published, "native linux-x64 build, as installed (src/PaperModel.Cli/bin/Release/net10.0/linux-x64/publish)")
            : (build, "JIT-only Release build (publish with -r linux-x64 to measure the native tool users install)");
    }

    /// <summary>A built assembly of the repository (<c>bin/Release</c>), or an error saying to build it.</summary>
    internal static string Built(string relative)
    {
        var path = Path.Combine(RepoPaths.Root, relative);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{relative} is not built; build the solution in Release first.");
    }

    /// <summary>
    /// The median wall time and the median CPU time (user and system) of a few runs of a program (an assembly is run with
    /// <c>dotnet</c>, a native executable directly), and the largest peak resident set among them (from
    /// <c>/usr/bin/time -f "%U %S %M"</c>).
    /// </summary>
    internal static (double Seconds, double CpuSeconds, double PeakMegabytes) Median(string program, params string[] args)
    {
        var seconds = new double[Rounds];
        var cpu = new double[Rounds];
        double peak = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var start = new ProcessStartInfo("/usr/bin/time")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string[] command = program.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", program] : [program];
            foreach (var arg in (string[])["-f", "%U %S %M", .. command, .. args])
            {
                start.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/time did not start.");
            var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            drain.GetAwaiter().GetResult();
            seconds[i] = watch.Elapsed.TotalSeconds;
            var times = error.TrimEnd().Split('\n')[^1].Split(' ');
            cpu[i] = double.Parse(times[0], CultureInfo.InvariantCulture) + double.Parse(times[1], CultureInfo.InvariantCulture);
            peak = Math.Max(peak, double.Parse(times[2], CultureInfo.InvariantCulture) / 1024);
        }

        Array.Sort(seconds);
        Array.Sort(cpu);
        return (seconds[Rounds / 2], cpu[Rounds / 2], peak);
    }
}
