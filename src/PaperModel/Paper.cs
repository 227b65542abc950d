using System.Diagnostics.CodeAnalysis;

namespace PaperModel;

/// <summary>
/// A research paper as read from one or more sources. Immutable; equality compares every field, lists element by element.
/// </summary>
/// <remarks>
/// Titles and abstracts keep the author's text (LaTeX stays as written) with whitespace normalised: runs of spaces,
/// tabs and line breaks become one space and the ends are trimmed. No member that is not nullable is ever
/// <see langword="null"/>, whatever built the paper: setting <see cref="Id"/> or <see cref="Title"/> to null, or
/// giving a list with a null element, throws; setting <see cref="Abstract"/> or a list to null leaves it empty.
/// </remarks>
public sealed record Paper
{
    /// <summary>Creates a paper.</summary>
    /// <param name="id">The arXiv id without version where known (<c>2310.12345</c>), else a stable id of the source.</param>
    /// <param name="title">The title.</param>
    [SetsRequiredMembers]
    public Paper(string id, string title)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Title = title ?? throw new ArgumentNullException(nameof(title));
    }

    /// <summary>Creates an empty paper; set <see cref="Id"/> and <see cref="Title"/>.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public Paper()
    {
    }

    /// <summary>The arXiv id without version where known (<c>2310.12345</c>), else a stable id given by the source.</summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public required string Id { get; init => field = value ?? throw new ArgumentNullException(nameof(Id), "A paper's id cannot be null."); }

    /// <summary>The arXiv id, with the version the source describes when it names one.</summary>
    public ArxivId? ArxivId { get; init; }

    /// <summary>The title, whitespace-normalised.</summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public required string Title { get; init => field = value ?? throw new ArgumentNullException(nameof(Title), "A paper's title cannot be null."); }

    /// <summary>The abstract, whitespace-normalised; empty when the source has none.</summary>
    public string Abstract { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>The authors in order.</summary>
    public IReadOnlyList<Author> Authors { get; init => field = NoNullElements(value, nameof(Authors)); } = [];

    /// <summary>When the first version was published.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the paper (its latest version or metadata) was last updated.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The day a listing such as Hugging Face Daily Papers featured the paper.</summary>
    public DateTimeOffset? ListedOn { get; init; }

    /// <summary>The arXiv categories, primary first (<c>cs.CL</c>, <c>cs.LG</c>).</summary>
    public IReadOnlyList<string> Categories { get; init => field = NoNullElements(value, nameof(Categories)); } = [];

    /// <summary>The primary arXiv category, if known.</summary>
    public string? PrimaryCategory { get; init; }

    /// <summary>Links to the abstract page, PDF, code and so on.</summary>
    public IReadOnlyList<PaperLink> Links { get; init => field = NoNullElements(value, nameof(Links)); } = [];

    /// <summary>The versions submitted to arXiv, oldest first, when the source lists them.</summary>
    public IReadOnlyList<PaperVersion> Versions { get; init => field = NoNullElements(value, nameof(Versions)); } = [];

    /// <summary>Upvotes on Hugging Face, where the source has them.</summary>
    public int? Upvotes { get; init; }

    /// <summary>Number of comments on Hugging Face, where the source has them.</summary>
    public int? CommentCount { get; init; }

    /// <summary>The author's comment on arXiv (<c>37 pages, 15 figures</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>The journal reference.</summary>
    public string? JournalReference { get; init; }

    /// <summary>The DOI (<c>10.1103/PhysRevD.76.013009</c>).</summary>
    public string? Doi { get; init; }

    /// <summary>Report numbers, as given.</summary>
    public string? ReportNumber { get; init; }

    /// <summary>The licence URL.</summary>
    public string? License { get; init; }

    /// <summary>Who submitted the paper (to arXiv or to Hugging Face Daily Papers).</summary>
    public string? Submitter { get; init; }

    /// <summary>The organization shown on Hugging Face.</summary>
    public string? Organization { get; init; }

    /// <summary>Keywords given by the source (Hugging Face <c>ai_keywords</c>).</summary>
    public IReadOnlyList<string> Keywords { get; init => field = NoNullElements(value, nameof(Keywords)); } = [];

    /// <summary>A machine-written summary given by the source (Hugging Face <c>ai_summary</c>).</summary>
    public string? AiSummary { get; init; }

    /// <summary>
    /// Why the paper is in the arXiv announcement it was read from (an arXiv RSS or Atom feed of <c>rss.arxiv.org</c>),
    /// or <see langword="null"/> when it was not read from one.
    /// </summary>
    public ArxivAnnounceType? AnnounceType { get; init; }

    /// <summary>The sources this paper was read from.</summary>
    public PaperSource Source { get; init; }

    // A null list is empty; a null element is an error of whoever built the list.
    private static IReadOnlyList<T> NoNullElements<T>(IReadOnlyList<T>? list, string member)
        where T : class
    {
        if (list is null)
        {
            return [];
        }

        if (list is Formats.ArxivLinks.Deferred)
        {
            // The links of an arXiv id, made when first read: never null, and not to be made here.
            return list;
        }

        foreach (var element in list)
        {
            if (element is null)
            {
                throw new ArgumentException($"{member} of a paper cannot hold null.", member);
            }
        }

        return list;
    }

    /// <inheritdoc/>
    public bool Equals(Paper? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Nullable.Equals(ArxivId, other.ArxivId)
                && Title == other.Title
                && Abstract == other.Abstract
                && Authors.SequenceEqual(other.Authors)
                && Nullable.Equals(Published, other.Published)
                && Nullable.Equals(Updated, other.Updated)
                && Nullable.Equals(ListedOn, other.ListedOn)
                && Categories.SequenceEqual(other.Categories, StringComparer.Ordinal)
                && PrimaryCategory == other.PrimaryCategory
                && Links.SequenceEqual(other.Links)
                && Versions.SequenceEqual(other.Versions)
                && Upvotes == other.Upvotes
                && CommentCount == other.CommentCount
                && Comment == other.Comment
                && JournalReference == other.JournalReference
                && Doi == other.Doi
                && ReportNumber == other.ReportNumber
                && License == other.License
                && Submitter == other.Submitter
                && Organization == other.Organization
                && Keywords.SequenceEqual(other.Keywords, StringComparer.Ordinal)
                && AiSummary == other.AiSummary
                && AnnounceType == other.AnnounceType
                && Source == other.Source));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(Id);
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Title);
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Abstract);
            hash = (hash * 397) ^ Authors.Count;
            return (hash * 397) ^ (int)Source;
        }
    }
}
