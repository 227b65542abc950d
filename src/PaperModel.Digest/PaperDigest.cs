using PaperModel.Classification;

namespace PaperModel.Digest;

/// <summary>
/// A topic digest: papers grouped into one section per topic, ranked, ready to be rendered by a
/// <see cref="DigestRenderer"/>. Immutable; build one with <see cref="Create"/>.
/// </summary>
public sealed class PaperDigest
{
    /// <summary>The heading used when <see cref="DigestOptions.Title"/> is not set.</summary>
    public const string DefaultTitle = "Papers on your topics";

    internal PaperDigest(string title, IReadOnlyList<DigestSection> sections, IReadOnlyList<DigestPaper> papers)
    {
        Title = title;
        Sections = sections;
        Papers = papers;
    }

    /// <summary>The heading.</summary>
    public string Title { get; }

    /// <summary>The sections, one per topic that has papers.</summary>
    public IReadOnlyList<DigestSection> Sections { get; }

    /// <summary>Every paper of the digest once, in the order it first appears in <see cref="Sections"/>.</summary>
    public IReadOnlyList<DigestPaper> Papers { get; }

    /// <summary>Whether the digest lists no paper.</summary>
    public bool IsEmpty => Papers.Count == 0;

    /// <summary>The earliest and latest paper dates (listing date, else published), or <see langword="null"/> when no paper has one.</summary>
    public (DateTimeOffset First, DateTimeOffset Last)? DateRange
    {
        get
        {
            var dates = Papers.Select(static p => p.Date).OfType<DateTimeOffset>().ToList();
            return dates.Count == 0 ? null : (dates.Min(), dates.Max());
        }
    }

    /// <summary>
    /// Classifies <paramref name="papers"/> and builds the digest. Records of the same paper (a paper listed on two
    /// days, two versions) are merged first (<see cref="PaperMerger"/>), so each paper appears once per section.
    /// </summary>
    /// <param name="papers">The papers; all are held in memory.</param>
    /// <param name="classifier">The classifier whose taxonomy the topic ids of <paramref name="options"/> belong to.</param>
    /// <param name="options">What to include; <see langword="null"/>: <see cref="DigestOptions.Default"/>.</param>
    /// <returns>The digest.</returns>
    /// <exception cref="ArgumentException">A topic id of <paramref name="options"/> is not in the classifier's taxonomy.</exception>
    public static PaperDigest Create(IEnumerable<Paper> papers, Classifier classifier, DigestOptions? options = null)
    {
        if (papers is null)
        {
            throw new ArgumentNullException(nameof(papers));
        }

        if (classifier is null)
        {
            throw new ArgumentNullException(nameof(classifier));
        }

        return DigestBuilder.Build(papers, classifier, options ?? DigestOptions.Default);
    }
}

/// <summary>One topic's section of a digest: its papers, best first.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Entries">The papers with their score and evidence for <paramref name="Topic"/>, ranked by score, then upvotes, then date (newest first).</param>
public sealed record DigestSection(Topic Topic, IReadOnlyList<DigestEntry> Entries)
{
    /// <summary>The heading: the names from the requested topic down (<c>Parameter-efficient fine-tuning › LoRA</c>).</summary>
    public string Heading { get; init; } = Topic.Name;
}

/// <summary>A paper in one section: the paper and the topic assignment that placed it there.</summary>
/// <param name="Paper">The paper (the same instance in every section it is in).</param>
/// <param name="Assignment">The section topic's assignment: score and evidence.</param>
public sealed record DigestEntry(DigestPaper Paper, TopicAssignment Assignment)
{
    /// <summary>The section topic's score (0-1).</summary>
    public double Score => Assignment.Score;

    /// <summary>The text that matched the section topic's phrases, as the paper spells it, each once (ignoring case), in the order found.</summary>
    public IReadOnlyList<string> Evidence => Assignment.Evidence.Select(e => e.MatchedText(Paper.Paper)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>One paper as a digest shows it. The same paper in two sections is one instance.</summary>
public sealed class DigestPaper
{
    internal DigestPaper(Paper paper, string key, IReadOnlyList<TopicAssignment> topics, IReadOnlyList<DigestLink> links, IReadOnlyList<DigestRun> title, IReadOnlyList<DigestRun> snippet)
    {
        Paper = paper;
        Key = key;
        Topics = topics;
        Links = links;
        TitleRuns = title;
        Snippet = snippet;
        Authors = AuthorNames.Shorten(paper.Authors);
    }

    /// <summary>The paper (merged from every record of it in the input).</summary>
    public Paper Paper { get; }

    /// <summary>The key the paper is remembered by: the arXiv id without version, else <see cref="Paper.Id"/> (<see cref="PaperMerger.KeyOf"/>).</summary>
    public string Key { get; }

    /// <summary>The title.</summary>
    public string Title => Paper.Title;

    /// <summary>The title in runs, the words that matched one of <see cref="Topics"/> marked as evidence.</summary>
    public IReadOnlyList<DigestRun> TitleRuns { get; }

    /// <summary>The authors, shortened for long lists (<c>A. One, B. Two, C. Three, … Z. Last (600 authors)</c>); empty when unknown.</summary>
    public string Authors { get; }

    /// <summary>The listing date, else the published date.</summary>
    public DateTimeOffset? Date => Paper.ListedOn ?? Paper.Published;

    /// <summary>The arXiv id (with the version the source gave), if known.</summary>
    public ArxivId? ArxivId => Paper.ArxivId;

    /// <summary>Hugging Face upvotes, if known.</summary>
    public int? Upvotes => Paper.Upvotes;

    /// <summary>The topics that placed the paper in the digest (its most specific included topics), with their evidence.</summary>
    public IReadOnlyList<TopicAssignment> Topics { get; }

    /// <summary>The links: abstract page, PDF, Hugging Face page, code, project (those the source has or the arXiv id gives).</summary>
    public IReadOnlyList<DigestLink> Links { get; }

    /// <summary>The start of the abstract (around the first matched phrase), the words that matched one of <see cref="Topics"/> marked; empty without an abstract.</summary>
    public IReadOnlyList<DigestRun> Snippet { get; }
}

/// <summary>A link of a digest entry.</summary>
/// <param name="Label">What a reader sees: <c>arXiv</c>, <c>PDF</c>, <c>Hugging Face</c>, <c>Code</c>, <c>Project</c>, <c>Search arXiv</c>.</param>
/// <param name="Url">The absolute URL.</param>
public sealed record DigestLink(string Label, Uri Url);

/// <summary>A piece of text, marked when it is a phrase that matched a topic.</summary>
/// <param name="Text">The text.</param>
/// <param name="IsEvidence">Whether the text matched a topic phrase (renderers highlight it).</param>
public sealed record DigestRun(string Text, bool IsEvidence);
