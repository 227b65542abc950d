using System.Globalization;
using PaperModel.FuzzTests.Fuzzing;

namespace PaperModel.FuzzTests;

/// <summary>
/// Long fuzzing campaigns from the command line (docs/reliability.md):
/// <code>
/// dotnet run -c Release --project tests/PaperModel.FuzzTests -- campaign [--target all|NAME] [--cases 100000] [--first 0] [--timeout 30] [--minutes M] [--jobs CORES] [--out DIR]
/// dotnet run -c Release --project tests/PaperModel.FuzzTests -- replay NAME FILE [CASE]
/// dotnet run -c Release --project tests/PaperModel.FuzzTests -- seeds NAME DIR (writes the seed corpus of a target)
/// dotnet run -c Release --project tests/PaperModel.FuzzTests -- afl NAME      (under afl-fuzz, see fuzz.sh)
/// </code>
/// Targets: every format name, <c>taxonomy</c> and <c>generator</c>.
/// </summary>
public static class Program
{
    // The targets' names, known without making the targets.
    private static readonly string[] TargetNames =
        [FormatNames.DailyText, FormatNames.HuggingFaceApi, FormatNames.ArxivAtom, FormatNames.ArxivOai, FormatNames.ArxivMetadata, FormatNames.PaperJsonLines,
        FormatNames.ArxivRss, FormatNames.DailyHtml, "taxonomy", "generator"];

    /// <summary>Runs a campaign, a replay or the coverage-guided entry point.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 when nothing was found, 1 when something was, 2 for a usage error.</returns>
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage();
        }

        var options = Options(args.Skip(1));
        switch (args[0])
        {
            case "campaign":
                return RunCampaign(options);
            case "replay" when args.Length is 3 or 4 && Target(args[1]) is { } target:
                var findings = new List<string>();
                var caseNumber = args.Length == 4 ? long.Parse(args[3], CultureInfo.InvariantCulture) : 0;
                target.Run(File.ReadAllBytes(args[2]), caseNumber, (kind, detail) => findings.Add($"{kind}: {detail}"));
                findings.ForEach(Console.WriteLine);
                Console.WriteLine(findings.Count == 0 ? "nothing found" : $"{findings.Count} findings");
                return findings.Count == 0 ? 0 : 1;
            case "seeds" when args.Length == 3 && Target(args[1]) is { } seedTarget:
                Directory.CreateDirectory(args[2]);
                for (var i = 0; i < seedTarget.Seeds.Count; i++)
                {
                    File.WriteAllBytes(Path.Combine(args[2], $"seed-{i}"), seedTarget.Seeds[i]);
                }

                return 0;
            case "afl" when args.Length == 2 && TargetNames.Contains(args[1]):
                // Any violated invariant becomes a crash, which is what afl-fuzz records. Instrumented code traces into
                // AFL's shared memory, which exists only once Run has started: the target (whose seeds are read with
                // the library) is made inside it.
                FuzzTarget? aflTarget = null;
                SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
                {
                    aflTarget ??= Target(args[1])!;
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    aflTarget.Run(copy.ToArray(), 0, static (kind, detail) => throw new InvariantViolatedException($"{kind}: {detail}"));
                });
                return 0;
            default:
                return Usage();
        }
    }

    private static int RunCampaign(Dictionary<string, string> options)
    {
        var cases = long.Parse(options.GetValueOrDefault("cases", "100000"), CultureInfo.InvariantCulture);
        var first = long.Parse(options.GetValueOrDefault("first", "0"), CultureInfo.InvariantCulture);
        var timeout = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("timeout", "30"), CultureInfo.InvariantCulture));
        var name = options.GetValueOrDefault("target", "all");
        var jobs = int.Parse(options.GetValueOrDefault("jobs", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        TimeSpan? budget = options.TryGetValue("minutes", out var minutes) ? TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture)) : null;
        var targets = name == "all" ? AllTargets().Where(static t => t.Name != "generator").ToList() : [Target(name) ?? throw new ArgumentException($"Unknown target '{name}'.")];
        var found = false;
        foreach (var target in targets)
        {
            var result = Campaign.Run(
                target,
                first,
                cases,
                timeout,
                reproducers: options.GetValueOrDefault("out"),
                progress: n => Console.Error.WriteLine($"{target.Name}: {n} cases"),
                budget: budget,
                jobs: jobs);
            Console.WriteLine(result.Summary());
            found |= result.CountsByKind.Count > 0;
        }

        return found ? 1 : 0;
    }

    private static IEnumerable<FuzzTarget> AllTargets() => [.. ReaderTarget.All, new TaxonomyTarget(), new GeneratorTarget()];

    private static FuzzTarget? Target(string name) => AllTargets().FirstOrDefault(t => t.Name == name);

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg.Substring(2);
            }
            else if (key is not null)
            {
                options[key] = arg;
                key = null;
            }
        }

        return options;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: campaign [--target all|NAME] [--cases N] [--first N] [--timeout SECONDS] [--minutes M] [--jobs N] [--out DIR] | replay NAME FILE [CASE] | seeds NAME DIR | afl NAME");
        Console.Error.WriteLine("targets: " + string.Join(", ", AllTargets().Select(static t => t.Name)));
        return 2;
    }
}

/// <summary>Thrown under afl-fuzz when an input violates an invariant, so that the fuzzer records it as a crash.</summary>
/// <param name="message">Which invariant and what was seen.</param>
public sealed class InvariantViolatedException(string message) : Exception(message);
