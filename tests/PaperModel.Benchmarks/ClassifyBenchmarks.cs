using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using PaperModel.Classification;

namespace PaperModel.Benchmarks;

/// <summary>
/// Classifying the 50 papers of the sample page (title and abstract): the generated classifier of the built-in
/// taxonomy, a classifier built from the same file at run time, and a four-regex baseline that only answers "which of
/// the four headline topics" (no scores, no evidence, no other topics).
/// </summary>
[MemoryDiagnoser]
public partial class ClassifyBenchmarks
{
    private IReadOnlyList<Paper> _papers = [];
    private Classifier _runtime = null!;

    /// <summary>Reads the page and builds the run-time classifier.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _papers = SamplePapers.Load();
        _runtime = new Classifier(Taxonomy.LoadFile(Testing.RepoPaths.DefaultTaxonomy));
    }

    /// <summary>Four source-generated regular expressions, one per headline topic.</summary>
    [Benchmark(Baseline = true)]
    public int RegexBaseline()
    {
        var assigned = 0;
        foreach (var paper in _papers)
        {
            var text = paper.Title + "\n" + paper.Abstract;
            assigned += (Peft().IsMatch(text) ? 1 : 0) + (Moe().IsMatch(text) ? 1 : 0)
                + (ScalingLaws().IsMatch(text) ? 1 : 0) + (Alignment().IsMatch(text) ? 1 : 0);
        }

        return assigned;
    }

    /// <summary>The generated <see cref="DefaultTopics.Classifier"/>.</summary>
    [Benchmark]
    public int Generated() => Classify(DefaultTopics.Classifier);

    /// <summary>A classifier built at run time from <c>default.taxonomy.json</c>.</summary>
    [Benchmark]
    public int RunTime() => Classify(_runtime);

    private int Classify(Classifier classifier)
    {
        var assigned = 0;
        foreach (var paper in _papers)
        {
            assigned += classifier.Classify(paper).Topics.Count;
        }

        return assigned;
    }

    [GeneratedRegex(@"\b(LoRA|QLoRA|adapters?|prompt[- ]tuning|prefix[- ]tuning|parameter[- ]efficient)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Peft();

    [GeneratedRegex(@"\b(mixture[- ]of[- ]experts?|MoE|sparse experts?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Moe();

    [GeneratedRegex(@"\b(scaling laws?|compute[- ]optimal)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScalingLaws();

    [GeneratedRegex(@"\b(alignment|RLHF|DPO|preference optimization|reward models?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Alignment();
}
