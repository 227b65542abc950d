using System.Globalization;
using PaperModel.Classification;

namespace PaperModel.Cli.Output;

/// <summary>
/// An aligned table for a terminal: id, date (listing date, else published), upvotes and title, one paper per line,
/// long ids and titles cut with an ellipsis to fit the width (nothing is cut without a width: output that is not a
/// terminal keeps every character); a count of papers at the end.
/// </summary>
internal sealed class TablePaperWriter : PaperWriter
{
    private const int IdWidth = 30;
    private const int IdTailKept = 8;
    private const int DateWidth = 10;
    private const int VotesWidth = 5;
    private const int MinTitleWidth = 20;
    private const string Gap = "  ";

    private readonly int? _titleWidth;
    private readonly bool _cutIds;
    private int _count;

    public TablePaperWriter(TextWriter output, int? width)
        : base(output)
    {
        _cutIds = width is not null;
        _titleWidth = width is { } w ? Math.Max(MinTitleWidth, w - IdWidth - DateWidth - VotesWidth - (3 * Gap.Length) - 1) : null;
    }

    public override void Write(Paper paper, IReadOnlyList<TopicAssignment>? topics = null)
    {
        if (_count++ == 0)
        {
            WriteRow("ID", "DATE", "VOTES", "TITLE");
        }

        var date = paper.ListedOn ?? paper.Published;
        WriteRow(
            _cutIds ? CutMiddle(paper.Id, IdWidth) : paper.Id,
            date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
            paper.Upvotes?.ToString(CultureInfo.InvariantCulture) ?? "-",
            CutEnd(paper.Title, _titleWidth));
    }

    public override void Complete()
    {
        Output.WriteLine(_count == 1 ? "1 paper" : _count.ToString(CultureInfo.InvariantCulture) + " papers");
        base.Complete();
    }

    private void WriteRow(string id, string date, string votes, string title) =>
        Output.WriteLine(string.Concat(id.PadRight(IdWidth), Gap, date.PadRight(DateWidth), Gap, votes.PadLeft(VotesWidth), Gap, title).TrimEnd());

    // Ids end in what tells them apart (a version, a hash), so long ids keep their end: "hf-daily:scalearn-simp…3f2a9c1d".
    private static string CutMiddle(string text, int width) =>
        text.Length <= width ? text : string.Concat(text.AsSpan(0, width - IdTailKept - 1), "…", text.AsSpan(text.Length - IdTailKept));
}
