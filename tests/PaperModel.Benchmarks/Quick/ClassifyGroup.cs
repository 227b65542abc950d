using PaperModel.Classification;
using PaperModel.Testing;

namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// Classification of title and abstract on the sample texts (repeated to a few MB): the generated <see cref="DefaultTopics"/>
/// classifier and a classifier of the same file loaded at run time, against the baselines of
/// <see cref="ClassifyBaselines"/>; and what classifying a paper that gets no topic allocates.
/// </summary>
public sealed class ClassifyGroup : IQuickGroup
{
    /// <inheritdoc/>
    public string Name => "classify";

    /// <inheritdoc/>
    public int Order => 10;

    /// <inheritdoc/>
    public void Run(QuickContext context)
    {
        var inputs = ClassifyInputs.Load();
        var taxonomy = Taxonomy.LoadFile(RepoPaths.DefaultTaxonomy);
        var runtime = new Classifier(taxonomy);
        var baselines = new ClassifyBaselines(taxonomy);
        if (baselines.AlternationPattern != DefaultTaxonomyAlternation.Pattern)
        {
            Console.WriteLine("note: DefaultTaxonomyAlternation is out of date with the taxonomy; run the benchmarks with --write-alternation.");
        }

        var papers = inputs.Papers;
        var mchars = inputs.Chars / 1e6;
        var small = inputs.Slice(100_000);
        var smallMchars = small.Chars / 1e6;
        long Generated() => ClassifyBaselines.Classify(DefaultTopics.Classifier, papers);
        long RunTime() => ClassifyBaselines.Classify(runtime, papers);

        context.Compare("generated vs (a) Regex alternation, Compiled", Generated, mchars, () => baselines.Alternation(small.Papers), smallMchars, "M chars");
        context.Compare("generated vs (b) Regex alternation, [GeneratedRegex]", Generated, mchars, () => ClassifyBaselines.GeneratedAlternation(small.Papers), smallMchars, "M chars");
        context.Compare("generated vs (c) SearchValues<string> scan", Generated, mchars, () => baselines.SearchValuesScan(papers), mchars, "M chars", 3);
        context.Compare("generated vs (d) four one-line regexes", Generated, mchars, () => baselines.HeadlineRegexes(papers), mchars, "M chars", 1);
        context.Compare("generated vs (e) naive words + FrozenDictionary", Generated, mchars, () => baselines.NaiveWords(papers), mchars, "M chars", 1.5);
        context.Compare("generated vs (f) read every char (floor)", Generated, mchars, () => ClassifyBaselines.ReadEveryChar(papers), mchars, "M chars", 0.3);
        context.Compare("run-time loaded vs generated", RunTime, mchars, Generated, mchars, "M chars");
        var tables = Classifier.BuildTables(taxonomy);
        context.Compare("profile: matcher alone (no scoring) vs (f) floor", () => ClassifyBaselines.ScanOnly(tables, papers), mchars, () => ClassifyBaselines.ReadEveryChar(papers), mchars, "M chars");
        context.Compare("profile: classify vs matcher alone", Generated, mchars, () => ClassifyBaselines.ScanOnly(tables, papers), mchars, "M chars");
        context.Compare("run-time loaded vs (c) SearchValues<string> scan", RunTime, mchars, () => baselines.SearchValuesScan(papers), mchars, "M chars", 3);

        // TeX and Markdown markup is taken out of a copy of the field before matching, so only a paper without markup
        // can allocate nothing.
        var none = inputs.Distinct.Where(p => runtime.Classify(p).Topics.Count == 0).ToList();
        var plain = none.FirstOrDefault(static p => (p.Title + p.Abstract).IndexOfAny(['$', '\\', '*', '_', '`', '^', '{']) < 0)
            ?? throw new InvalidOperationException("The allocation check needs a sample paper without markup that gets no topic.");
        context.Measure("bytes allocated classifying a no-topic paper (generated)", AllocatedPerCall(() => DefaultTopics.Classifier.Classify(plain)), "B", 0);
        context.Measure("bytes allocated classifying a no-topic paper (run time)", AllocatedPerCall(() => runtime.Classify(plain)), "B", 0);
        if (none.FirstOrDefault(p => p != plain && (p.Title + p.Abstract).Contains('$', StringComparison.Ordinal)) is { } marked)
        {
            context.Measure("bytes allocated, a no-topic paper with TeX markup (a copy)", AllocatedPerCall(() => runtime.Classify(marked)), "B");
        }
    }

    private static double AllocatedPerCall(Func<PaperClassification> classify)
    {
        const int Calls = 1_000;
        classify();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            classify();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;
    }
}
