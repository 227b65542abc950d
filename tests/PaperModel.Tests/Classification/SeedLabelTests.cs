using PaperModel.Classification;
using PaperModel.Formats;
using PaperModel.Testing;
using Xunit.Abstractions;

namespace PaperModel.Tests.Classification;

/// <summary>
/// The default taxonomy on the real Daily Papers page against the hand labels in <c>samples/seed-labels.tsv</c>:
/// every <c>must</c> headline topic is assigned and no headline topic outside <c>must</c>/<c>may</c> is.
/// </summary>
public class SeedLabelTests(ITestOutputHelper output)
{
    /// <summary>The four headline topics of the default taxonomy.</summary>
    internal static readonly string[] Headline = ["peft", "moe", "scaling-laws", "alignment"];

    [Fact]
    public void Default_taxonomy_agrees_with_the_seed_labels_on_the_real_page()
    {
        var labels = ReadLabels();
        var result = PaperReader.ReadFile(RepoPaths.DailyPapersPage);
        result.Problems.Should().BeEmpty();
        var papers = result.Papers.ToDictionary(p => p.Title, StringComparer.Ordinal);
        labels.Select(l => l.Title).Should().BeSubsetOf(papers.Keys, "every labelled title is on the page");
        labels.Should().HaveCount(50);

        var classifier = new Classifier(LoadDefault());
        var errors = new List<string>();
        var counts = Headline.ToDictionary(h => h, _ => (Tp: 0, Fp: 0, Fn: 0));
        foreach (var label in labels)
        {
            var assigned = classifier.Classify(papers[label.Title]);
            foreach (var topic in Headline)
            {
                var got = assigned.Contains(topic);
                var (tp, fp, fn) = counts[topic];
                if (got && label.Must.Contains(topic))
                {
                    tp++;
                }
                else if (got && !label.May.Contains(topic))
                {
                    fp++;
                    errors.Add($"#{label.Number} {label.Title}: '{topic}' assigned but not labelled must/may ({Evidence(assigned, topic)})");
                }
                else if (!got && label.Must.Contains(topic))
                {
                    fn++;
                    errors.Add($"#{label.Number} {label.Title}: '{topic}' labelled must but not assigned");
                }

                counts[topic] = (tp, fp, fn);
            }
        }

        foreach (var topic in Headline)
        {
            var (tp, fp, fn) = counts[topic];
            var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
            output.WriteLine($"{topic,-13} precision {precision:F2}  recall {recall:F2}  (tp {tp}, fp {fp}, fn {fn})");
        }

        errors.Should().BeEmpty();
        counts.Values.Sum(c => c.Tp).Should().Be(labels.Sum(l => l.Must.Count(Headline.Contains)));
    }

    internal static Taxonomy LoadDefault() =>
        Taxonomy.LoadFile(RepoPaths.DefaultTaxonomy);

    private static string Evidence(PaperClassification result, string topic) =>
        string.Join(", ", result.Find(topic)!.Evidence.Select(e => $"{e.Field}: {e.Phrase}"));

    private static List<Label> ReadLabels()
    {
        var lines = File.ReadAllLines(RepoPaths.SeedLabels);
        lines[0].Split('\t').Should().Equal("n", "must", "may", "other", "title");
        return lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            return new Label(int.Parse(cells[0]), Split(cells[1]), Split(cells[2]), cells[4]);
        }).ToList();

        static HashSet<string> Split(string cell) => [.. cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private sealed record Label(int Number, HashSet<string> Must, HashSet<string> May, string Title);
}
