using System.Text.Json;
using PaperModel.Serialization;
using PaperModel.Testing;

namespace PaperModel.Cli.Tests;

public sealed class ClassifyCommandTests
{
    private static readonly string[] Headline = ["peft", "moe", "scaling-laws", "alignment"];

    [Fact]
    public void Jsonl_is_the_paper_json_plus_topics_with_ancestors_and_evidence_offsets()
    {
        var run = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--as", "jsonl");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        run.StdoutLines.Should().HaveCount(50);
        foreach (var line in run.StdoutLines)
        {
            var paper = PaperJson.Deserialize(line);
            using var document = JsonDocument.Parse(line);
            var topics = document.RootElement.GetProperty("topics").EnumerateArray().ToList();
            var ids = topics.Select(t => t.GetProperty("id").GetString()).ToList();
            foreach (var topic in topics)
            {
                var path = topic.GetProperty("path").GetString()!;
                topic.GetProperty("name").GetString().Should().NotBeNullOrEmpty();
                topic.GetProperty("score").GetDouble().Should().BeInRange(0, 1);
                path.Split('/').Should().OnlyContain(id => ids.Contains(id), "ancestors are included");
                foreach (var evidence in topic.GetProperty("evidence").EnumerateArray())
                {
                    var field = evidence.GetProperty("field").GetString();
                    var text = field == "title" ? paper.Title : paper.Abstract;
                    field.Should().BeOneOf("title", "abstract");
                    evidence.GetProperty("reason").GetString().Should().BeOneOf(
                        field == "title" ? ["title", "title head"] : ["contribution sentence", "background sentence", "other sentence", "aside sentence", "comparison"]);
                    var matched = text.Substring(evidence.GetProperty("start").GetInt32(), evidence.GetProperty("length").GetInt32());
                    matched.Should().NotBeEmpty();
                    char.IsLetterOrDigit(matched[0]).Should().BeTrue();
                }
            }
        }
    }

    [Fact]
    public void Topic_filter_keeps_only_papers_in_those_topics()
    {
        var run = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--as", "jsonl", "--topic", "moe", "--topic", "scaling-laws");

        run.ExitCode.Should().Be(0);
        var titles = run.StdoutLines.Select(l => PaperJson.Deserialize(l).Title).ToList();
        titles.Should().Contain("A Survey on Mixture of Experts")
            .And.Contain("The Journey Matters: Average Parameter Count over Pre-training Unifies Sparse and Dense Scaling Laws")
            .And.NotContain("IncreLoRA: Incremental Parameter Allocation Method for Parameter-Efficient Fine-tuning");
        foreach (var line in run.StdoutLines)
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("id").GetString())
                .Should().IntersectWith(["moe", "scaling-laws"]);
        }
    }

    [Fact]
    public void Unknown_topic_ids_are_a_usage_error()
    {
        var run = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--topic", "mixture-of-experts");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("unknown topic id 'mixture-of-experts'").And.Contain("papers topics");
    }

    [Fact]
    public void Min_score_drops_weaker_topics()
    {
        var all = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--as", "jsonl");
        var strong = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--as", "jsonl", "--min-score", "0.9");

        Scores(strong).Should().OnlyContain(s => s >= 0.9);
        Scores(strong).Count.Should().BeLessThan(Scores(all).Count);
        CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--min-score", "1.5").ExitCode.Should().Be(2);

        static List<double> Scores(CliRun run) => run.StdoutLines
            .SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("score").GetDouble()).ToList())
            .ToList();
    }

    [Fact]
    public void Table_csv_markdown_and_json_describe_the_same_assignments()
    {
        var table = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage);
        var csv = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--as", "csv");
        var markdown = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--as", "markdown");
        var json = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--as", "json");

        table.StdoutLines[0].Should().StartWith("TITLE").And.Contain("TOPICS");
        table.StdoutLines[^1].Should().MatchRegex(@"^50 papers, \d+ with topics$");
        table.StdoutLines.Should().Contain(l => l.StartsWith("A Survey on Mixture of Experts") && l.Contains("moe 0.98"));

        csv.StdoutLines[0].Should().Be("id,title,topic,path,score,evidence");
        csv.Stdout.Should().Contain(",IncreLoRA: Incremental Parameter Allocation Method for Parameter-Efficient Fine-tuning,lora,peft/lora,0.96,title:LoRA@5+4; ");
        csv.Stdout.Should().Contain(",\"A Pretrainer's Guide to Training Data: Measuring the Effects of Data Age, Domain Coverage, Quality, & Toxicity\",");
        markdown.StdoutLines.Take(2).Should().Equal("| Paper | Topics | Evidence |", "| --- | --- | --- |");
        markdown.StdoutLines.Should().HaveCount(52);

        using var document = JsonDocument.Parse(json.Stdout);
        var headlineCount = document.RootElement.EnumerateArray()
            .Sum(p => p.GetProperty("topics").EnumerateArray().Count(t => Headline.Contains(t.GetProperty("id").GetString())));
        var csvHeadlineRows = csv.StdoutLines.Skip(1).Count(l => Headline.Any(h => l.Contains("," + h + "," + h + ",", StringComparison.Ordinal)));
        csvHeadlineRows.Should().Be(headlineCount);
    }

    [Fact]
    public void Topics_prints_the_default_tree_and_a_broken_taxonomy_reports_positioned_problems()
    {
        var tree = CliRun.InProcess(null, "topics");
        tree.ExitCode.Should().Be(0);
        tree.StdoutLines[0].Should().StartWith("PaperModel default");
        tree.StdoutLines.Should().Contain(l => l.StartsWith("peft ")).And.Contain(l => l.StartsWith("  lora "));

        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.taxonomy.json");
        File.WriteAllText(broken, "{ \"name\": \"x\", \"version\": \"1\", \"topics\": [ { \"id\": \"Bad Id\", \"name\": \"B\" } ] }");
        try
        {
            var run = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--taxonomy", broken);
            run.ExitCode.Should().Be(1);
            run.Stdout.Should().BeEmpty();
            run.StderrLines.Should().ContainSingle().Which.Should().MatchRegex(@"\(1,\d+\): error PM00\d\d: ");
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
