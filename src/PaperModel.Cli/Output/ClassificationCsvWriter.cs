using System.Globalization;
using PaperModel.Classification;

namespace PaperModel.Cli.Output;

/// <summary>
/// CSV (RFC 4180, header row): one row per paper and assigned topic, ancestors included; a paper without topics gets
/// one row with empty topic cells. Evidence is <c>field:phrase@start+length</c> items joined by <c>; </c>.
/// </summary>
internal sealed class ClassificationCsvWriter : PaperWriter
{
    private bool _headerWritten;

    public ClassificationCsvWriter(TextWriter output)
        : base(output)
    {
    }

    public override void Write(Paper paper, IReadOnlyList<TopicAssignment>? topics = null)
    {
        topics ??= [];
        if (!_headerWritten)
        {
            Output.Write("id,title,topic,path,score,evidence\r\n");
            _headerWritten = true;
        }

        if (topics.Count == 0)
        {
            Row(paper.Id, paper.Title, string.Empty, string.Empty, string.Empty, string.Empty);
        }

        foreach (var topic in topics)
        {
            var evidence = string.Join("; ", topic.Evidence.Select(e =>
                string.Create(CultureInfo.InvariantCulture, $"{FieldName(e.Field)}:{e.Phrase}@{e.Start}+{e.Length}")));
            Row(paper.Id, paper.Title, topic.Topic.Id, topic.Topic.Path, Score(topic.Score), evidence);
        }
    }

    private void Row(params string[] cells) => Output.Write(string.Join(",", cells.Select(Quote)) + "\r\n");

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
