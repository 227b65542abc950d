using System.Diagnostics.CodeAnalysis;

namespace PaperModel.Formats;

/// <summary>
/// The formats the library reads, by name: the one way to reach each format (their constructors are not public), and
/// the one place where formats are registered and where the format of an input is detected when none is given.
/// Thread-safe.
/// </summary>
public static class PaperFormats
{
    /// <summary>Text copied from the Hugging Face Daily Papers web page (<c>hf-daily-text</c>).</summary>
    public static HuggingFaceDailyTextFormat HuggingFaceDailyText { get; } = new();

    /// <summary>A Hugging Face Daily Papers page or paper page saved as HTML, read from the JSON it embeds (<c>hf-daily-html</c>).</summary>
    public static HuggingFaceDailyHtmlFormat HuggingFaceDailyHtml { get; } = new();

    /// <summary>The Hugging Face papers API JSON (<c>hf-api-json</c>).</summary>
    public static HuggingFaceApiFormat HuggingFaceApi { get; } = new();

    /// <summary>The arXiv API Atom feed (<c>arxiv-atom</c>).</summary>
    public static ArxivAtomFormat ArxivAtom { get; } = new();

    /// <summary>The arXiv bulk metadata snapshot, JSON Lines (<c>arxiv-metadata-jsonl</c>).</summary>
    public static ArxivMetadataFormat ArxivMetadata { get; } = new();

    /// <summary>The library's own JSON Lines, one paper per line (<c>paper-jsonl</c>, the output of <c>papers convert</c>).</summary>
    public static PaperJsonLinesFormat PaperJsonLines { get; } = new();

    /// <summary>An arXiv OAI-PMH response, <c>arXivRaw</c>, <c>arXiv</c> or <c>oai_dc</c> metadata (<c>arxiv-oai</c>).</summary>
    public static ArxivOaiFormat ArxivOai { get; } = new();

    /// <summary>An arXiv announcement feed of <c>rss.arxiv.org</c>, RSS 2.0 or Atom (<c>arxiv-rss</c>).</summary>
    public static ArxivRssFormat ArxivRss { get; } = new();

    /// <summary>Every format, in the order they are listed to users.</summary>
    public static IReadOnlyList<PaperFormat> All { get; } =
    [
        HuggingFaceDailyText,
        HuggingFaceDailyHtml,
        HuggingFaceApi,
        ArxivAtom,
        ArxivMetadata,
        PaperJsonLines,
        ArxivOai,
        ArxivRss,
    ];

    /// <summary>Gets a format by name (case-insensitive).</summary>
    /// <param name="name">The name, e.g. <c>hf-daily-text</c>.</param>
    /// <param name="format">The format, or <see langword="null"/>.</param>
    /// <returns>Whether a format has that name.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out PaperFormat? format)
    {
        format = All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return format is not null;
    }

    /// <summary>Gets a format by name (case-insensitive).</summary>
    /// <param name="name">The name, e.g. <c>hf-daily-text</c>.</param>
    /// <returns>The format.</returns>
    /// <exception cref="KeyNotFoundException">No format has that name; the message lists the names.</exception>
    public static PaperFormat Get(string name) =>
        TryGet(name, out var format)
            ? format
            : throw new KeyNotFoundException($"Unknown format '{name}'. Known formats: {string.Join(", ", All.Select(static f => f.Name))}.");

    /// <summary>
    /// Chooses the format of an input when none was given, from its first bytes (see <see cref="FormatDetector"/>, whose
    /// remarks give the rules): markup by its root element (Atom, OAI-PMH, arXiv announcement feeds, Hugging Face pages),
    /// JSON by its first keys, and <see cref="HuggingFaceDailyText"/> for anything else. The file name is not used:
    /// content decides.
    /// </summary>
    /// <param name="head">The first bytes of the input (up to <see cref="FormatDetector.HeadLength"/>).</param>
    /// <returns>The format to read the input with.</returns>
    internal static PaperFormat Detect(ReadOnlySpan<byte> head) =>
        FormatDetector.Detect(head) is { } name && TryGet(name, out var format) ? format : HuggingFaceDailyText;
}
