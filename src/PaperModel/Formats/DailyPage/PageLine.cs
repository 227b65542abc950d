namespace PaperModel.Formats.DailyPage;

/// <summary>One classified piece of a line. A line gives one piece, or two when link text and its end share the line.</summary>
internal sealed class PageLine
{
    public PageLine(LineKind kind, string text, int column)
    {
        Kind = kind;
        Text = text;
        Column = column;
    }

    public LineKind Kind { get; }

    /// <summary>The text (for <see cref="LineKind.Text"/>, <see cref="LineKind.Title"/>, names), with wrap markers removed.</summary>
    public string Text { get; }

    /// <summary>The 1-based column where the piece starts.</summary>
    public int Column { get; }

    /// <summary>A count (upvotes, comments, authors, stars), when the line has one.</summary>
    public int? Count { get; init; }

    /// <summary>A comment count glued to a date line.</summary>
    public int? Comments { get; init; }

    /// <summary>Month, day and year (0 when the line shows none) of a date line.</summary>
    public (int Month, int Day, int Year) Date { get; init; }

    /// <summary>A URL or id the line links to.</summary>
    public string? Url { get; init; }

    /// <summary>Whether the text ends with a line-wrap marker (<c>\</c>), so the next line continues it.</summary>
    public bool Continues { get; init; }
}
