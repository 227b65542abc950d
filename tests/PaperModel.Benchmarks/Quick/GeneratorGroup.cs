namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// The source generator on synthetic taxonomies of 10, 100, 1,000 and 5,000 topics: the time to generate from scratch
/// (the median of a few runs, each with a new driver), the generated source per topic, an unrelated C# edit that
/// must re-run no step, and the compilation of a consumer with the code generated for 2,000 topics.
/// </summary>
public sealed class GeneratorGroup : IQuickGroup
{
    /// <inheritdoc/>
    public string Name => "generator";

    /// <inheritdoc/>
    public int Order => 40;

    /// <inheritdoc/>
    public void Run(QuickContext context)
    {
        foreach (var topics in new[] { 10, 100, 1_000, 5_000 })
        {
            var run = new GeneratorRun(SyntheticTaxonomy.Json(topics));
            var seconds = QuickContext.MedianSeconds(run.Generate, topics >= 5_000 ? 3 : 5);
            context.Measure($"generate {topics:N0} topics", seconds * 1000, "ms", topics == 1_000 ? 200 : null);
            context.Measure($"generated source per topic ({topics:N0} topics)", run.Generate() / 1024.0 / topics, "KB");
            context.Measure($"steps re-run after an unrelated C# edit ({topics:N0} topics)", run.RerunAfterUnrelatedEdit(), "steps", 0);
        }

        var big = new GeneratorRun(SyntheticTaxonomy.Json(2_000));
        big.CompileSeconds();
        context.Measure("compile a consumer with 2,000 generated topics (Roslyn emit)", big.CompileSeconds() * 1000, "ms", 5_000);
    }
}
