using System.Globalization;
using PaperModel.Classification;

namespace PaperModel.Cli.Output;

/// <summary>
/// An aligned table for a terminal: the title and the most specific assigned topics with their scores
/// (<c>peft/lora 0.90</c>), both cut to the width (nothing is cut without one); a count at the end.
/// </summary>
internal sealed class ClassificationTableWriter : PaperWriter
{
    private const int MinColumn = 20;
    private const string Gap = "  ";

    // Without a width nothing is cut: titles keep this column unless they are longer.
    private const int UncutTitleWidth = 72;

    private readonly int _titleWidth;
    private readonly int? _cutTitlesAt;
    private readonly int? _topicsWidth;
    private int _count;
    private int _withTopics;

    public ClassificationTableWriter(TextWriter output, int? width)
        : base(output)
    {
        if (width is not { } w)
        {
            _titleWidth = UncutTitleWidth;
            return;
        }

        var usable = Math.Max(2 * MinColumn, w - Gap.Length - 1);
        _titleWidth = Math.Max(MinColumn, usable * 11 / 20);
        _cutTitlesAt = _titleWidth;
        _topicsWidth = Math.Max(MinColumn, usable - _titleWidth);
    }

    public override void Write(Paper paper, IReadOnlyList<TopicAssignment>? topics = null)
    {
        topics ??= [];
        if (_count++ == 0)
        {
            WriteRow("TITLE", "TOPICS");
        }

        if (topics.Count > 0)
        {
            _withTopics++;
        }

        var described = string.Join(", ", MostSpecific(topics).Select(t => t.Topic.Path + " " + Score(t.Score)));
        WriteRow(CutEnd(paper.Title, _cutTitlesAt), CutEnd(described.Length == 0 ? "-" : described, _topicsWidth));
    }

    public override void Complete()
    {
        var papers = _count == 1 ? "1 paper" : _count.ToString(CultureInfo.InvariantCulture) + " papers";
        Output.WriteLine($"{papers}, {_withTopics.ToString(CultureInfo.InvariantCulture)} with topics");
        base.Complete();
    }

    private void WriteRow(string title, string topics) =>
        Output.WriteLine(string.Concat(title.PadRight(_titleWidth), Gap, topics).TrimEnd());
}
