namespace PaperModel;

/// <summary>
/// Why a paper is in an arXiv announcement (the <c>arxiv:announce_type</c> of the arXiv RSS and Atom feeds at
/// <c>rss.arxiv.org</c>): a new submission, a cross-list from another category, or a new version.
/// </summary>
public enum ArxivAnnounceType
{
    /// <summary>A new submission whose primary category is one of the feed's (<c>new</c>).</summary>
    New = 1,

    /// <summary>A new submission cross-listed into one of the feed's categories from another (<c>cross</c>).</summary>
    Cross = 2,

    /// <summary>A new version of a paper whose primary category is one of the feed's (<c>replace</c>).</summary>
    Replace = 3,

    /// <summary>A new version of a paper cross-listed into one of the feed's categories (<c>replace-cross</c>).</summary>
    ReplaceCross = 4,
}
