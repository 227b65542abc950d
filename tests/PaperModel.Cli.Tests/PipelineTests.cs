using System.Text;
using PaperModel.Formats;
using PaperModel.Serialization;
using PaperModel.Testing;

namespace PaperModel.Cli.Tests;

/// <summary>
/// The commands read, classify and write in parallel stages: the output must still be in input order, problems must
/// still be reported in order with their positions, and the bytes written to a UTF-8 stream must be those of the text.
/// </summary>
public sealed class PipelineTests
{
    // 1,200 lines (many batches), a broken line every 97th, ids that give the input order back.
    private static readonly string Input = BuildInput(out BrokenLines);

    private static readonly int[] BrokenLines;

    [Theory]
    [InlineData("convert")]
    [InlineData("read", "--as", "jsonl")]
    [InlineData("classify", "--as", "jsonl")]
    public void Papers_come_out_in_input_order_and_problems_in_order_at_their_lines(params string[] command)
    {
        var run = CliRun.InProcess(Input, [.. command, "-", "--format", "arxiv-metadata-jsonl"]);

        run.ExitCode.Should().Be(1, "some lines are broken");
        var ids = run.StdoutLines.Select(static l => PaperJson.Deserialize(l).Id).ToList();
        ids.Should().Equal(ExpectedIds());
        run.StderrLines.Should().HaveCount(BrokenLines.Length);
        run.StderrLines.Select(static l => l[..l.IndexOf(',', StringComparison.Ordinal)])
            .Should().Equal(BrokenLines.Select(static n => $"<stdin>({n}"));
        run.StderrLines.Should().OnlyContain(static l => l.Contains("error PM1070", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_assigns_what_the_classifier_assigns_one_paper_at_a_time()
    {
        var run = CliRun.InProcess(null, "classify", RepoPaths.DailyPapersPage, "--year", "2025", "--as", "jsonl");

        var papers = PaperReader.ReadFile(RepoPaths.DailyPapersPage, options: new PaperReadOptions { Year = 2025 }).Papers;
        var expected = papers.Select(p => string.Join(",", Classification.DefaultTopics.Classifier.Classify(p).Topics.Select(t => t.Topic.Id)));
        var actual = run.StdoutLines.Select(static l =>
        {
            using var document = System.Text.Json.JsonDocument.Parse(l);
            return string.Join(",", document.RootElement.GetProperty("topics").EnumerateArray().Select(static t => t.GetProperty("id").GetString()));
        });
        actual.Should().Equal(expected);
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("read", "--as", "json")]
    [InlineData("classify", "--as", "jsonl")]
    [InlineData("classify", "--as", "json")]
    public void A_utf8_output_stream_gets_the_bytes_of_the_text_output(params string[] command)
    {
        string[] args = [.. command, RepoPaths.DailyPapersPage, RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl"), "--year", "2025"];
        var text = new StringWriter();
        PapersCommand.Run(args, new MemoryStream(), text, new StringWriter()).Should().Be(0);

        using var bytes = new MemoryStream();
        using (var stream = new StreamWriter(bytes, new UTF8Encoding(false), 1024, leaveOpen: true))
        {
            stream.Write("before\n");
            PapersCommand.Run(args, new MemoryStream(), stream, new StringWriter()).Should().Be(0);
        }

        Encoding.UTF8.GetString(bytes.ToArray()).Should().Be("before\n" + text, "text written before the JSON stays first");
        text.ToString().Should().Contain("\"title\"");
    }

    private static IEnumerable<string> ExpectedIds() =>
        Enumerable.Range(1, 1_200).Where(static n => !BrokenLines.Contains(n)).Select(Id);

    private static string Id(int line) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"2401.{line:00000}");

    private static string BuildInput(out int[] broken)
    {
        var sample = File.ReadAllLines(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl")).Where(static l => l.Length > 0).ToArray();
        var builder = new StringBuilder();
        var brokenLines = new List<int>();
        for (var line = 1; line <= 1_200; line++)
        {
            if (line % 97 == 0)
            {
                builder.Append("{\"id\": \"").Append(Id(line)).Append("\", \"title\": \n");
                brokenLines.Add(line);
                continue;
            }

            var record = sample[line % sample.Length];
            var idStart = record.IndexOf("\"id\":\"", StringComparison.Ordinal) + 6;
            var idEnd = record.IndexOf('"', idStart);
            builder.Append(record, 0, idStart).Append(Id(line)).Append(record, idEnd, record.Length - idEnd).Append('\n');
        }

        broken = [.. brokenLines];
        return builder.ToString();
    }
}
