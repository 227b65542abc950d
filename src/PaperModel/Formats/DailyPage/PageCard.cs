using System.Text;

namespace PaperModel.Formats.DailyPage;

/// <summary>A run of text lines of a copied page: a title, an abstract, or a name. Not thread-safe.</summary>
internal sealed class PageParagraph
{
    private readonly StringBuilder _text = new();

    public PageParagraph(string text, int line, int column, string? url)
    {
        _text.Append(text);
        Line = line;
        Column = column;
        EndLine = line;
        Url = url;
        LineCount = 1;
        LastLineLength = text.Length;
    }

    public int Line { get; }

    public int Column { get; }

    public int EndLine { get; private set; }

    public int LineCount { get; private set; }

    public int LastLineLength { get; private set; }

    public int Length => _text.Length;

    public string? Url { get; set; }

    /// <summary>Whether the last line ended with a wrap marker, so the next line continues it.</summary>
    public bool Continues { get; set; }

    /// <summary>Whether the paragraph is the text of a link (<c>[text](url)</c>).</summary>
    public bool InLink { get; set; }

    public string Text => InputText.NormalizeWhitespace(_text.ToString());

    public void Append(string text, int line)
    {
        _text.Append(' ').Append(text);
        EndLine = line;
        LineCount++;
        LastLineLength = text.Length;
    }

    public override string ToString() => Text;
}

/// <summary>What has been read of one paper card of a page. Not thread-safe.</summary>
internal sealed class PageCard
{
    public PageParagraph? Title { get; private set; }

    public PageParagraph? Abstract { get; private set; }

    public int AbstractEndLine => Abstract?.EndLine ?? 0;

    public int FirstDetailLine { get; private set; }

    public ArxivId? ArxivId { get; set; }

    public int? Upvotes { get; set; }

    public int? CommentCount { get; set; }

    public string? Submitter { get; set; }

    public string? Organization { get; set; }

    public DateTimeOffset? Published { get; set; }

    public Uri? CodeUrl { get; set; }

    public bool HasCardDate { get; set; }

    public string? AiSummary { get; private set; }

    /// <summary>The date of the listing section the card is in, set when the card is complete.</summary>
    public DateTimeOffset? ListedOn { get; set; }

    /// <summary>The card's record number, set when the card is complete.</summary>
    public long Record { get; set; }

    public void SetTitle(PageParagraph title)
    {
        Title = title;
        if (title.Url is not null && DailyPageUrls.TryArxivId(title.Url, out var id))
        {
            ArxivId ??= id;
        }
    }

    public void SetAbstract(PageParagraph text)
    {
        Abstract = text;
        if (text.Url is not null && DailyPageUrls.TryArxivId(text.Url, out var id))
        {
            ArxivId ??= id;
        }
    }

    public void MoveAbstractToSummary()
    {
        if (Abstract is not null)
        {
            AiSummary = Abstract.Text;
            Abstract = null;
        }
    }

    public void NoteDetail(int line)
    {
        if (FirstDetailLine == 0)
        {
            FirstDetailLine = line;
        }
    }
}
