using System.Globalization;
using PaperModel.Classification;

namespace PaperModel.Cli.Output;

/// <summary>
/// An aligned table for a terminal: the title and the most specific assigned topics with their scores and the text
/// that matched first (<c>peft/lora 0.90 "low-rank adaptation"</c>), both cut to the width (nothing is cut without
/// one); a count at the end. With colour, the matched text is highlighted.
/// </summary>
internal sealed class ClassificationTableWriter : PaperWriter
{
    private const int MinColumn = 20;
    private const string Gap = "  ";

    /// <summary>Bold yellow on, and reset (ANSI SGR).</summary>
    private const string Highlight = "\u001b[1;33m";
    private const string Reset = "\u001b[0m";

    // Without a width nothing is cut: titles keep this column unless they are longer.
    private const int UncutTitleWidth = 72;

    private readonly int _titleWidth;
    private readonly int? _cutTitlesAt;
    private readonly int? _topicsWidth;
    private readonly bool _color;
    private int _count;
    private int _withTopics;

    public ClassificationTableWriter(TextWriter output, int? width, bool color)
        : base(output)
    {
        _color = color;
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

        var described = new List<(string Text, bool Matched)>();
        foreach (var topic in MostSpecific(topics))
        {
            described.Add(((described.Count > 0 ? ", " : string.Empty) + topic.Topic.Path + " " + Score(topic.Score), false));
            if (topic.Evidence.Count > 0)
            {
                described.Add((" \"", false));
                described.Add((topic.Evidence[0].MatchedText(paper), true));
                described.Add(("\"", false));
            }
        }

        WriteRow(CutEnd(paper.Title, _cutTitlesAt), described.Count == 0 ? "-" : Render(described));
    }

    /// <summary>The pieces cut to the topics column, the matched ones highlighted when colour is on.</summary>
    private string Render(List<(string Text, bool Matched)> pieces)
    {
        var plain = CutEnd(string.Concat(pieces.Select(static p => p.Text)), _topicsWidth);
        if (!_color)
        {
            return plain;
        }

        var rendered = new System.Text.StringBuilder();
        var position = 0;
        foreach (var (text, matched) in pieces)
        {
            if (position >= plain.Length)
            {
                break;
            }

            var shown = plain.Substring(position, Math.Min(text.Length, plain.Length - position));
            rendered.Append(matched ? Highlight + shown + Reset : shown);
            position += shown.Length;
        }

        return rendered.ToString();
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
