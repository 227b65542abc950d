namespace PaperModel;

/// <summary>Where a <see cref="Paper"/> came from. A paper merged from several sources carries each of their flags.</summary>
[Flags]
public enum PaperSource
{
    /// <summary>Unknown or built in code.</summary>
    None = 0,

    /// <summary>The Hugging Face Daily Papers web page: text copied from it, or the page (or a paper's page) saved as HTML.</summary>
    HuggingFaceDailyPage = 1,

    /// <summary>The Hugging Face papers API (<c>/api/daily_papers</c>, <c>/api/papers/{id}</c>).</summary>
    HuggingFaceApi = 2,

    /// <summary>The arXiv API Atom feed.</summary>
    ArxivAtom = 4,

    /// <summary>The arXiv bulk metadata snapshot (JSON Lines).</summary>
    ArxivMetadata = 8,

    /// <summary>An arXiv OAI-PMH response (<c>ListRecords</c>, <c>GetRecord</c>; <c>arXivRaw</c>, <c>arXiv</c> or <c>oai_dc</c> metadata).</summary>
    ArxivOai = 16,

    /// <summary>An arXiv announcement feed (<c>rss.arxiv.org</c>, RSS 2.0 or Atom).</summary>
    ArxivRss = 32,
}
