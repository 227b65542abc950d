namespace PaperModel.Formats.DailyPage;

/// <summary>What one line of a copied Daily Papers page is.</summary>
internal enum LineKind
{
    /// <summary>Empty or whitespace only.</summary>
    Blank,

    /// <summary>Text: part of a title, an abstract or an organization/submitter line.</summary>
    Text,

    /// <summary>A Markdown heading holding a title (<c>### [Title](url)</c>).</summary>
    Title,

    /// <summary>A date (<c>Jul 30</c>, <c>Feb 27, 2025</c>), possibly with a comment count glued to it.</summary>
    Date,

    /// <summary>A line that looks like a date but is not one (<c>Jul 32</c>).</summary>
    BadDate,

    /// <summary>A bare count: upvotes, comments or stars depending on what precedes it (<c>-</c> is zero).</summary>
    Count,

    /// <summary>An author count (<c>3 authors</c>).</summary>
    Authors,

    /// <summary>An organization shown on a card (a link to a Hugging Face organization).</summary>
    Organization,

    /// <summary>The <c>·</c> separator between the author/organization and the date of a card.</summary>
    Separator,

    /// <summary><c>Submitted by</c>, with or without the name on the same line.</summary>
    SubmittedBy,

    /// <summary><c>GitHub</c>, with or without the star count on the same line.</summary>
    GitHub,

    /// <summary>A link target on its own line, or an <c>arxiv:ID</c> line.</summary>
    Url,

    /// <summary>The label <c>AI-generated summary</c> that follows an AI summary on a paper page.</summary>
    AiSummaryLabel,

    /// <summary>The start of a link whose text follows on the next lines (<c>[</c>).</summary>
    LinkOpen,

    /// <summary>The end of a link whose text was on the previous lines (<c>](url)</c>, <c>][33]</c>).</summary>
    LinkClose,

    /// <summary>Page furniture: header, menus, buttons, footers, images.</summary>
    Ignored,
}
