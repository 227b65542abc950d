using PaperModel.Classification;
using PaperModel.Common.Matching;
using PaperModel.Testing;

namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// Where the time of classifying goes (<c>--quick classify-stages</c>): each stage of <see cref="Classifier.Classify(Paper)"/>
/// run alone over the texts of the classify group (taking the markup out, reading the sentence roles of an abstract
/// with occurrences as far as they need, the matcher) and the rest (scoring and evidence), as throughput and as a share
/// of the whole. Times are the CPU time of the running thread where the system tells it (Linux), so the shares hold on a
/// machine that other work shares.
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

        var offsets = OccurrenceOffsets();
        var whole = QuickContext.MedianCpuSeconds(() => ClassifyBaselines.Classify(classifier, papers), Rounds);
        var stages = new (string Name, double Seconds)[]
        {
            ("taking markup out (title and abstract)", QuickContext.MedianCpuSeconds(Markup, Rounds)),
            ("sentence roles of the abstract (as far as its occurrences need)", QuickContext.MedianCpuSeconds(Roles, Rounds)),
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
            for (var p = 0; p < papers.Length; p++)
            {
                if (offsets[p].Length > 0)
                {
                    roles.Reset(papers[p].Abstract, offsets[p]);
                    reason += (long)roles.ReasonAt(offsets[p][0]);
                }
            }

            return reason;
        }

        // Per paper, the offsets in the original abstract of its occurrences: the classifier reads the roles of an
        // abstract with occurrences only, and only as far as they need.
        int[][] OccurrenceOffsets()
        {
            var all = new int[papers.Length][];
            for (var p = 0; p < papers.Length; p++)
            {
                occurrences.Clear();
                markup.Reset(papers[p].Abstract);
                PhraseScanner.Scan(markup.Text, tables, tokens, occurrences);
                all[p] = [.. occurrences.Items.ToArray().Select(o => markup.ToOriginal(o.Start, o.Length).Start)];
            }

            return all;
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
