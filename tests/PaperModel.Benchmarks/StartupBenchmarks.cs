using BenchmarkDotNet.Attributes;
using PaperModel.Classification;

namespace PaperModel.Benchmarks;

/// <summary>
/// What a classifier costs before its first paper: for a taxonomy loaded at run time, parsing every phrase and
/// building the tables and hash lookup; for the generated taxonomy, creating the generated matcher (its literal
/// arrays) and decoding its tables. The taxonomy itself is built once in both.
/// </summary>
[MemoryDiagnoser]
public class StartupBenchmarks
{
    private Taxonomy _loaded = null!;

    /// <summary>Loads the taxonomy file once.</summary>
    [GlobalSetup]
    public void Setup() => _loaded = Taxonomy.LoadFile(Testing.RepoPaths.DefaultTaxonomy);

    /// <summary><c>new Classifier(taxonomy)</c> for the taxonomy loaded from its file.</summary>
    [Benchmark(Baseline = true)]
    public Classifier RunTime() => new(_loaded);

    /// <summary><c>new Classifier(matcher)</c> with the generated matcher, as <c>DefaultTopics.Classifier</c> does on first use.</summary>
    [Benchmark]
    public Classifier Generated() => new(SamplePapers.CreateGeneratedMatcher());
}
