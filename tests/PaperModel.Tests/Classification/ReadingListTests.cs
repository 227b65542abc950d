using PaperModel.Classification;
using PaperModel.Testing;
using Xunit.Abstractions;

namespace PaperModel.Tests.Classification;

/// <summary>
/// The default taxonomy on the titles (no abstracts) of real papers from curated reading lists
/// (<c>tests/data/reading-lists.tsv</c>): per-topic precision, recall and F1 of the four headline topics, against
/// floors that guard the vocabulary from regressions.
/// </summary>
public class ReadingListTests(ITestOutputHelper output)
{
    [Fact]
    public void Titles_from_reading_lists_get_their_lists_headline_topics()
    {
        var papers = ReadPapers();
        papers.Should().HaveCountGreaterThan(1300);
        var f1 = HeadlineScores.Measure(papers, p => p.Labels, (p, topic) => DefaultTopics.Classifier.Classify(p.Title).Contains(topic), output).Values;
        f1.Should().OnlyContain(v => v >= 0.90);
        f1.Average().Should().BeGreaterThanOrEqualTo(0.91);
    }

    [Fact]
    public void Generated_and_runtime_matchers_agree_on_every_title()
    {
        var runtime = new Classifier(SeedLabelTests.LoadDefault());

        foreach (var (title, _) in ReadPapers())
        {
            var generated = DefaultTopics.Classifier.Classify(title).Topics.Select(t => $"{t.Topic.Id} {t.Score:R}");
            generated.Should().Equal(runtime.Classify(title).Topics.Select(t => $"{t.Topic.Id} {t.Score:R}"), title);
        }
    }

    private static List<(string Title, HashSet<string> Labels)> ReadPapers()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "data", "reading-lists.tsv"));
        lines[0].Split('\t').Should().Equal("title", "labels", "source");
        return lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            return (cells[0], cells[1].Split(',').Where(l => l != "none").ToHashSet(StringComparer.Ordinal));
        }).ToList();
    }
}
