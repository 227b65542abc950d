using BenchmarkDotNet.Attributes;
using PaperModel.Classification;

namespace PaperModel.Benchmarks;

/// <summary>
/// What a classifier costs before its first paper: building the phrase tables of a taxonomy (what
/// <c>DefaultTopics.Classifier</c> does on first use), and loading the taxonomy file as well (what a classifier for a file
/// chosen at run time costs).
/// </summary>
[MemoryDiagnoser]
public class StartupBenchmarks
{
    private string _json = string.Empty;

    /// <summary>Reads the taxonomy file once.</summary>
    [GlobalSetup]
    public void Setup() => _json = File.ReadAllText(Testing.RepoPaths.DefaultTaxonomy);

    /// <summary><c>new Classifier(DefaultTopics.Taxonomy)</c>: parse every phrase and build the tables.</summary>
    [Benchmark(Baseline = true)]
    public Classifier BuildTables() => new(DefaultTopics.Taxonomy);

    /// <summary><c>new Classifier(Taxonomy.Parse(json))</c>: read and validate the file, then build the tables.</summary>
    [Benchmark]
    public Classifier LoadAndBuildTables() => new(Taxonomy.Parse(_json));
}
