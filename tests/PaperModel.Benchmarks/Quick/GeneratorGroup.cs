namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// The source generator on synthetic taxonomies of 10, 100, 1,000 and 5,000 topics: the time to generate from scratch
/// (the median of a few runs, each with a new driver), the generated source per topic, and an unrelated C# edit that
/// must re-run no step.
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
    }
}
