using BenchmarkDotNet.Attributes;

namespace PaperModel.Benchmarks;

/// <summary>The source generator on synthetic taxonomies: a clean run, and the re-run after an unrelated C# edit.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private GeneratorRun _run = null!;

    /// <summary>The number of topics.</summary>
    [Params(10, 100, 1_000, 5_000)]
    public int Topics { get; set; }

    /// <summary>Builds the taxonomy file and warms a driver.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _run = new GeneratorRun(SyntheticTaxonomy.Json(Topics));
        _run.Generate();
    }

    /// <summary>Generate from scratch.</summary>
    [Benchmark(Baseline = true)]
    public long Generate() => _run.Generate();

    /// <summary>Re-run after an unrelated edit (everything cached).</summary>
    [Benchmark]
    public long RerunAfterUnrelatedEdit() => _run.RerunAfterUnrelatedEdit();
}
