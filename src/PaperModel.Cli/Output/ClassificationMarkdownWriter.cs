using PaperModel.Classification;

namespace PaperModel.Cli.Output;

/// <summary>
/// A Markdown table: the paper (title and id), its most specific topics with scores, and the distinct phrases that
/// matched. Pipes and line breaks in text are escaped so every paper stays one row.
/// </summary>
internal sealed class ClassificationMarkdownWriter : PaperWriter
{
    private bool _headerWritten;

    public ClassificationMarkdownWriter(TextWriter output)
        : base(output)
    {
    }

    public override void Write(Paper paper, IReadOnlyList<TopicAssignment>? topics = null)
    {
        topics ??= [];
        if (!_headerWritten)
        {
            Output.WriteLine("| Paper | Topics | Evidence |");
            Output.WriteLine("| --- | --- | --- |");
            _headerWritten = true;
        }

        var specific = MostSpecific(topics).ToList();
        var described = string.Join(", ", specific.Select(t => $"`{t.Topic.Path}` {Score(t.Score)}"));
        var phrases = string.Join(", ", specific
            .SelectMany(t => t.Evidence)
            .Where(e => e.Field != EvidenceField.Category)
            .Select(e => e.Phrase)
            .Distinct(StringComparer.Ordinal));
        Output.WriteLine($"| **{Escape(paper.Title)}** ({Escape(paper.Id)}) | {(described.Length == 0 ? "-" : described)} | {Escape(phrases)} |");
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
