using PaperModel.Testing;
using Xunit.Abstractions;

namespace PaperModel.Tests.Classification;

/// <summary>
/// The default taxonomy on the development part of an independently labelled set of conference papers
/// (<c>../shared/data/eval-dev.tsv</c>: each paper labelled with the headline topics by its own authors' keywords,
/// with title and abstract): per-topic F1 floors, with abstracts and from titles alone, just under what the
/// taxonomy and scoring reach, so a change that loses papers fails here.
/// </summary>
public class EvalDevTests(ITestOutputHelper output)
{
    public static TheoryData<bool, double, double, double, double, double> Floors => new()
    {
        // with abstracts: alignment, moe, peft, scaling-laws, macro
        { true, 0.95, 0.94, 0.95, 0.94, 0.95 },

        // titles only
        { false, 0.90, 0.88, 0.89, 0.83, 0.88 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void Default_taxonomy_keeps_its_per_topic_floors(bool withAbstracts, double alignment, double moe, double peft, double scaling, double macro)
    {
        var papers = ReadPapers();
        papers.Should().HaveCount(359);

        var f1 = HeadlineScores.Measure(
            papers,
            p => p.Labels,
            (p, topic) => PaperModel.Classification.DefaultTopics.Classifier.Classify(p.Title, withAbstracts ? p.Abstract : null).Contains(topic),
            output);

        f1["alignment"].Should().BeGreaterThanOrEqualTo(alignment);
        f1["moe"].Should().BeGreaterThanOrEqualTo(moe);
        f1["peft"].Should().BeGreaterThanOrEqualTo(peft);
        f1["scaling-laws"].Should().BeGreaterThanOrEqualTo(scaling);
        f1.Values.Average().Should().BeGreaterThanOrEqualTo(macro);
    }

    private static List<(string Title, string Abstract, HashSet<string> Labels)> ReadPapers()
    {
        var lines = File.ReadAllLines(RepoPaths.EvalDev);
        lines[0].Split('\t').Should().Equal("labels", "title", "abstract", "venue");
        return lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            return (cells[1], cells[2], cells[0].Split(',').Where(l => l != "none").ToHashSet(StringComparer.Ordinal));
        }).ToList();
    }
}
