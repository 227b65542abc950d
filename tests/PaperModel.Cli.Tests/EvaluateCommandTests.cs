using System.Text.Json;
using PaperModel.Classification;
using PaperModel.Testing;

namespace PaperModel.Cli.Tests;

public sealed class EvaluateCommandTests
{
    public static TheoryData<string, bool> LabelledSets => new()
    {
        { RepoPaths.EvalDev, false },
        { RepoPaths.EvalDev, true },
        { RepoPaths.ReadingLists, false },
    };

    [Theory]
    [MemberData(nameof(LabelledSets))]
    public void Json_report_counts_every_labelled_paper_and_explains_each_mistake(string labels, bool titlesOnly)
    {
        var args = new List<string> { "evaluate", "--labels", labels, "--as", "json" };
        if (titlesOnly)
        {
            args.Add("--titles-only");
        }

        var run = CliRun.InProcess(null, [.. args]);

        run.Stderr.Should().BeEmpty();
        run.ExitCode.Should().Be(0);
        var expected = Expected(labels, titlesOnly);
        using var report = JsonDocument.Parse(run.Stdout);
        var root = report.RootElement;
        root.GetProperty("papers").GetInt32().Should().Be(expected.Papers);
        var topics = root.GetProperty("topics").EnumerateArray().ToList();
        topics.Select(t => t.GetProperty("id").GetString()).Should().Equal("alignment", "moe", "peft", "scaling-laws");
        foreach (var topic in topics)
        {
            var id = topic.GetProperty("id").GetString()!;
            var (tp, fp, fn) = expected.Counts[id];
            topic.GetProperty("truePositives").GetInt32().Should().Be(tp, id);
            topic.GetProperty("falsePositives").GetInt32().Should().Be(fp, id);
            topic.GetProperty("misses").GetInt32().Should().Be(fn, id);
            var precision = (double)tp / (tp + fp);
            var recall = (double)tp / (tp + fn);
            topic.GetProperty("f1").GetDouble().Should().BeApproximately(2 * precision * recall / (precision + recall), 1e-4, id);
        }

        root.GetProperty("macroF1").GetDouble().Should().BeApproximately(topics.Average(t => t.GetProperty("f1").GetDouble()), 1e-4);
        var mistakes = root.GetProperty("mistakes").EnumerateArray().ToList();
        mistakes.Should().HaveCount(expected.Counts.Values.Sum(c => c.Fp + c.Fn));
        foreach (var mistake in mistakes.Where(m => m.GetProperty("kind").GetString() == "falsePositive"))
        {
            var topic = mistake.GetProperty("topic").GetString();
            var assigned = mistake.GetProperty("assigned").EnumerateArray().Single(a => a.GetProperty("id").GetString() == topic);
            var evidence = assigned.GetProperty("evidence").EnumerateArray().ToList();
            evidence.Should().NotBeEmpty("a false positive shows why it was assigned");
            evidence.Should().OnlyContain(e => e.GetProperty("reason").GetString()!.Length > 0 && e.GetProperty("text").GetString()!.Length > 0);
            mistake.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).Should().NotContain(topic);
        }
    }

    [Fact]
    public void Table_and_markdown_show_the_figures_and_the_mistakes()
    {
        var table = CliRun.InProcess(null, "evaluate", "--labels", RepoPaths.EvalDev, "--topic", "moe");
        var markdown = CliRun.InProcess(null, "evaluate", "--labels", RepoPaths.EvalDev, "--topic", "moe", "--as", "markdown");

        table.ExitCode.Should().Be(0);
        table.StdoutLines[0].Should().MatchRegex("^TOPIC +PRECISION +RECALL +F1 +TP +FP +FN$");
        table.StdoutLines[1].Should().MatchRegex(@"^moe +0\.\d{3} +0\.\d{3} +0\.\d{3} +\d+ +\d+ +\d+$");
        table.StdoutLines[2].Should().MatchRegex(@"^macro +0\.\d{3}$");
        table.StdoutLines.Should().Contain(l => l.StartsWith("MISS moe: ", StringComparison.Ordinal) && l.Contains("eval-dev.tsv(", StringComparison.Ordinal));
        markdown.ExitCode.Should().Be(0);
        markdown.StdoutLines.Should().Contain("| topic | precision | recall | F1 | TP | FP | FN |").And.Contain("## Misses");
    }

    [Fact]
    public void Labels_are_joined_to_the_listing_papers_by_title()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var labels = Path.Combine(dir.FullName, "labels.jsonl");
            File.WriteAllLines(labels,
            [
                """{"labels": ["moe"], "title": "FlexOlmo: Open Language Models for Flexible Data Use"}""",
                """{"labels": ["none"], "title": "A title that is on no page"}""",
                """{"labels": "moe"}""",
            ]);

            var run = CliRun.InProcess(null, "evaluate", RepoPaths.DailyPapersPage, "--labels", labels, "--as", "json");

            run.ExitCode.Should().Be(1);
            run.StderrLines.Should().Equal(
                $"{labels}(3,1): error PM1901: expected an object with a 'labels' array of topic ids.",
                $"{labels}(2,1): error PM1901: no paper in the listings has the id '{labels}:2' or the title 'A title that is on no page'.");
            using var report = JsonDocument.Parse(run.Stdout);
            report.RootElement.GetProperty("papers").GetInt32().Should().Be(1);
            report.RootElement.GetProperty("topics").EnumerateArray().Single().GetProperty("id").GetString().Should().Be("moe");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_labels_file_without_the_columns_is_a_located_error()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var labels = Path.Combine(dir.FullName, "labels.tsv");
            File.WriteAllText(labels, "topic\ttitle\npeft\tLoRA\n");

            var run = CliRun.InProcess(null, "evaluate", "--labels", labels);

            run.ExitCode.Should().Be(1);
            run.StderrLines.Should().Equal($"{labels}(1,1): error PM1901: the header must name a 'labels' and a 'title' column (tab-separated), not 'topic\ttitle'.");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>What the default classifier gets right and wrong, counted here directly from the file.</summary>
    private static (int Papers, Dictionary<string, (int Tp, int Fp, int Fn)> Counts) Expected(string path, bool titlesOnly)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        int title = Array.IndexOf(header, "title"), labels = Array.IndexOf(header, "labels"), @abstract = Array.IndexOf(header, "abstract");
        // The default taxonomy loaded from its file: the same results as the generated default classifier (tested elsewhere).
        var classifier = new Classifier(Taxonomy.LoadFile(RepoPaths.DefaultTaxonomy));
        var counts = new Dictionary<string, (int Tp, int Fp, int Fn)>();
        var papers = 0;
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            papers++;
            var cells = line.Split('\t');
            var result = classifier.Classify(cells[title], titlesOnly || @abstract < 0 ? null : cells[@abstract]);
            foreach (var topic in new[] { "alignment", "moe", "peft", "scaling-laws" })
            {
                var (tp, fp, fn) = counts.GetValueOrDefault(topic);
                bool got = result.Contains(topic), want = cells[labels].Split(',').Contains(topic);
                counts[topic] = (tp + (got && want ? 1 : 0), fp + (got && !want ? 1 : 0), fn + (!got && want ? 1 : 0));
            }
        }

        return (papers, counts);
    }
}
