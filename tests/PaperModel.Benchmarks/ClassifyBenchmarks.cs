using BenchmarkDotNet.Attributes;
using PaperModel.Classification;

namespace PaperModel.Benchmarks;

/// <summary>
/// Classifying the title and abstract of the sample papers (repeated to about a million characters): the generated
/// <see cref="DefaultTopics"/> classifier, a classifier built at run time from the same file, and the baselines of
/// <see cref="ClassifyBaselines"/>, all on the same papers. The quick mode runs the same comparisons as ratios.
/// </summary>
[MemoryDiagnoser]
public class ClassifyBenchmarks
{
    private Paper[] _papers = [];
    private Classifier _runtime = null!;
    private ClassifyBaselines _baselines = null!;

    /// <summary>Reads the samples and builds the run-time classifier and the baselines.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _papers = ClassifyInputs.Load(1_000_000).Papers;
        var taxonomy = Taxonomy.LoadFile(Testing.RepoPaths.DefaultTaxonomy);
        _runtime = new Classifier(taxonomy);
        _baselines = new ClassifyBaselines(taxonomy);
    }

    /// <summary>The generated <see cref="DefaultTopics.Classifier"/>.</summary>
    [Benchmark(Baseline = true)]
    public long Generated() => ClassifyBaselines.Classify(DefaultTopics.Classifier, _papers);

    /// <summary>A classifier built at run time from <c>default.taxonomy.json</c>.</summary>
    [Benchmark]
    public long RunTime() => ClassifyBaselines.Classify(_runtime, _papers);

    /// <summary>(a) One compiled <c>Regex</c> alternation of every phrase variant.</summary>
    [Benchmark]
    public long RegexAlternation() => _baselines.Alternation(_papers);

    /// <summary>(b) The same alternation as <c>[GeneratedRegex]</c>.</summary>
    [Benchmark]
    public long GeneratedRegexAlternation() => ClassifyBaselines.GeneratedAlternation(_papers);

    /// <summary>(c) A <c>SearchValues&lt;string&gt;</c> scan for every phrase variant.</summary>
    [Benchmark]
    public long SearchValuesScan() => _baselines.SearchValuesScan(_papers);

    /// <summary>(d) Four one-line regexes, one per headline topic.</summary>
    [Benchmark]
    public long FourRegexes() => _baselines.HeadlineRegexes(_papers);

    /// <summary>(e) Naive words and a frozen dictionary.</summary>
    [Benchmark]
    public long NaiveWords() => _baselines.NaiveWords(_papers);

    /// <summary>(f) Read every char.</summary>
    [Benchmark]
    public long ReadEveryChar() => ClassifyBaselines.ReadEveryChar(_papers);
}
