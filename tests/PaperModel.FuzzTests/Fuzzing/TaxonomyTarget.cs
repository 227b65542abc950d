using PaperModel.Classification;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>
/// The taxonomy reader (<see cref="Taxonomy.TryLoad"/>) and the classifier built from what it accepts. Each case loads
/// its input whole and through a stream returning 1-17 bytes per read, then classifies real papers with the result.
/// </summary>
internal sealed class TaxonomyTarget : FuzzTarget
{
    /// <summary>Allocation allowed per byte of a taxonomy file while loading it (plus <see cref="ReaderTarget.AllocationSlack"/>).</summary>
    public const int LoadAllocationPerInputByte = 64;

    /// <summary>
    /// Allocation allowed for one classification once the classifier is warm, whatever the taxonomy: the result and
    /// its evidence, never a copy of a phrase.
    /// </summary>
    public const long ClassifyAllocation = 256 * 1024;

    private static readonly Lazy<Paper[]> Papers = new(() =>
        [.. PaperReader.ReadFile(RepoPaths.DailyPapersPage, PaperFormats.HuggingFaceDailyText, new PaperReadOptions { ReferenceDate = ReaderTarget.ReferenceDate }).Papers.Take(4)]);

    private readonly byte[][] _seeds;

    public TaxonomyTarget()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "PaperModel.Generators.Tests", "Taxonomies");
        _seeds = [File.ReadAllBytes(RepoPaths.DefaultTaxonomy), .. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }

    public override string Name => "taxonomy";

    public override IReadOnlyList<byte[]> Seeds => _seeds;

    public override IReadOnlyList<string> Tokens { get; } =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "0", "-1", "1e999", "0.5", "2", "\n", "\"id\":", "\"name\":", "\"topics\":[",
        "\"children\":[", "\"keywords\":[", "\"acronyms\":[\"LoRA\"]", "\"aliases\":[\"x\"]", "\"vetoes\":[{\"text\":\"x\",\"kind\":\"bogus\"}]",
        "\"threshold\":2", "\"weight\":-1", "{\"text\":\"\",\"weight\":1}", "\"memberName\":\"class\"", "\"id\":\"Bad Id\"", "\"categories\":[1]",
        "\"\\ud800\"", "\"\\u0000\"", "\"lora\"", "{\"id\":\"a\",\"name\":\"A\"}", "\"$schema\":\"x\"", "\"namespace\":\"1x\"", "\"className\":\"\"",
        "\"mixture of * experts\"", " * ", "*",
    ];

    public override void Run(byte[] input, long caseNumber, Action<FindingKind, string> report)
    {
        var random = new Random(unchecked((int)caseNumber ^ 0x1B873593));
        Outcome? whole;
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            whole = Load(new MemoryStream(input, writable: false));
        }
        catch (Exception ex)
        {
            report(FindingKind.Escape, "load whole: " + Describe(ex));
            return;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > (LoadAllocationPerInputByte * (long)input.Length) + ReaderTarget.AllocationSlack)
        {
            report(FindingKind.Memory, $"{allocated:N0} bytes allocated to load {input.Length:N0} bytes");
        }

        try
        {
            var trickled = Load(new TrickleStream(input, random.Next()));
            if (trickled.Rendered != whole.Rendered)
            {
                report(FindingKind.ReadSizeDependent, $"whole: {whole.Rendered}; 1-17 bytes per read: {trickled.Rendered}");
            }
        }
        catch (Exception ex)
        {
            report(FindingKind.Escape, "load 1-17 bytes per read: " + Describe(ex));
        }

        if (whole.Problems.FirstOrDefault(static p => p.Line < 1 || p.Column < 1) is { } unlocated)
        {
            report(FindingKind.Unlocated, unlocated.ToString());
        }

        if (whole.Taxonomy is { } taxonomy)
        {
            Classify(taxonomy, report);
        }
    }

    private static void Classify(Taxonomy taxonomy, Action<FindingKind, string> report)
    {
        try
        {
            var classifier = new Classifier(taxonomy);
            foreach (var paper in Papers.Value)
            {
                classifier.Classify(paper);
                var before = GC.GetAllocatedBytesForCurrentThread();
                classifier.Classify(paper);
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated > ClassifyAllocation)
                {
                    report(FindingKind.Memory, $"one warm Classify call allocated {allocated:N0} bytes");
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            report(FindingKind.Escape, "classify: " + Describe(ex));
        }
    }

    private static Outcome Load(Stream stream)
    {
        var loaded = Taxonomy.TryLoad(stream, "case.taxonomy.json", out var taxonomy, out var problems);
        var rendered = (loaded ? $"{taxonomy} ({taxonomy!.Topics.Count} topics)" : "not loaded") + " | " + string.Join(" | ", problems);
        return new Outcome(taxonomy, problems, rendered);
    }

    private sealed record Outcome(Taxonomy? Taxonomy, IReadOnlyList<ParseProblem> Problems, string Rendered);
}
