using PaperModel.Classification;
using PaperModel.Common.Matching;
using PaperModel.Testing;

namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// Where the time of classifying goes (<c>--quick classify-stages</c>): each stage of <see cref="Classifier.Classify(Paper)"/>
/// run alone over the texts of the classify group (taking the markup out, reading the sentence roles of the abstract,
/// the matcher) and the rest (scoring and evidence), as throughput and as a share of the whole. Times are the CPU time
/// of the running thread where the system tells it (Linux), so the shares hold on a machine that other work shares.
/// </summary>
public sealed class ClassifyStagesGroup : IQuickGroup
{
    private const int Rounds = 7;

    /// <inheritdoc/>
    public string Name => "classify-stages";

    /// <inheritdoc/>
    public int Order => 11;

    /// <inheritdoc/>
    public void Run(QuickContext context)
    {
        var inputs = ClassifyInputs.Load();
        var papers = inputs.Papers;
        var classifier = new Classifier(Taxonomy.LoadFile(RepoPaths.DefaultTaxonomy));
        var tables = Classifier.BuildTables(classifier.Taxonomy);
        var mchars = inputs.Chars / 1e6;
        var markup = new MarkupText();
        var roles = new SentenceRoles();
        var tokens = new ScanBuffer<TokenHit>();
        var occurrences = new ScanBuffer<Occurrence>();

        var whole = QuickContext.MedianCpuSeconds(() => ClassifyBaselines.Classify(classifier, papers), Rounds);
        var stages = new (string Name, double Seconds)[]
        {
            ("taking markup out (title and abstract)", QuickContext.MedianCpuSeconds(Markup, Rounds)),
            ("sentence roles of the abstract", QuickContext.MedianCpuSeconds(Roles, Rounds)),
            ("matcher (title and abstract)", QuickContext.MedianCpuSeconds(Scan, Rounds)),
        };
        context.Measure("classify, whole", mchars / whole, "M chars/s");
        foreach (var (name, seconds) in stages)
        {
            context.Measure($"{name}, {100 * seconds / whole:F0}% of whole", mchars / seconds, "M chars/s");
        }

        var rest = whole - stages.Sum(static s => s.Seconds);
        context.Measure($"the rest (scoring, evidence), {100 * rest / whole:F0}% of whole", mchars / rest, "M chars/s");

        long Markup()
        {
            long length = 0;
            foreach (var paper in papers)
            {
                markup.Reset(paper.Title);
                length += markup.Text.Length;
                markup.Reset(paper.Abstract);
                length += markup.Text.Length;
            }

            return length;
        }

        long Roles()
        {
            long reason = 0;
            foreach (var paper in papers)
            {
                roles.Reset(paper.Abstract);
                reason += (long)roles.ReasonAt(0);
            }

            return reason;
        }

        long Scan()
        {
            long found = 0;
            foreach (var paper in papers)
            {
                occurrences.Clear();
                markup.Reset(paper.Title);
                PhraseScanner.Scan(markup.Text, tables, tokens, occurrences);
                markup.Reset(paper.Abstract);
                PhraseScanner.Scan(markup.Text, tables, tokens, occurrences);
                found += occurrences.Count;
            }

            return found;
        }
    }
}
