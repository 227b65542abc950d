using System.Diagnostics.CodeAnalysis;

namespace PaperModel.Formats;

/// <summary>
/// The formats the library reads, by name. This is the one place where formats are registered and where the format of
/// an input is chosen when none is given (<c>auto</c>). Thread-safe.
/// </summary>
public static class PaperFormats
{
    /// <summary>The name that asks for the format to be detected from the input, <c>auto</c>.</summary>
    public const string AutoName = "auto";

    /// <summary>Text copied from the Hugging Face Daily Papers web page (<c>hf-daily-text</c>).</summary>
    public static HuggingFaceDailyTextFormat HuggingFaceDailyText { get; } = new();

    /// <summary>The Hugging Face papers API JSON (<c>hf-api-json</c>).</summary>
    public static HuggingFaceApiFormat HuggingFaceApi => HuggingFaceApiFormat.Instance;

    /// <summary>The arXiv API Atom feed (<c>arxiv-atom</c>).</summary>
    public static ArxivAtomFormat ArxivAtom => ArxivAtomFormat.Instance;

    /// <summary>The arXiv bulk metadata snapshot, JSON Lines (<c>arxiv-metadata-jsonl</c>).</summary>
    public static ArxivMetadataFormat ArxivMetadata => ArxivMetadataFormat.Instance;

    /// <summary>The library's own JSON Lines, one paper per line (<c>paper-jsonl</c>, the output of <c>papers convert</c>).</summary>
    public static PaperJsonLinesFormat PaperJsonLines => PaperJsonLinesFormat.Instance;

    /// <summary>An arXiv OAI-PMH response, <c>arXivRaw</c>, <c>arXiv</c> or <c>oai_dc</c> metadata (<c>arxiv-oai</c>).</summary>
    public static ArxivOaiFormat ArxivOai => ArxivOaiFormat.Instance;

    /// <summary>Every format, in the order they are listed to users.</summary>
    public static IReadOnlyList<PaperFormat> All { get; } =
    [
        HuggingFaceDailyText,
        HuggingFaceApi,
        ArxivAtom,
        ArxivMetadata,
        PaperJsonLines,
        ArxivOai,
    ];

    /// <summary>The names accepted on the command line: <c>auto</c> and the name of every format.</summary>
    public static IReadOnlyList<string> Names { get; } = [AutoName, .. All.Select(static f => f.Name)];

    /// <summary>Finds a format by name (case-insensitive). <c>auto</c> is not a format: it gives <see langword="false"/>.</summary>
    /// <param name="name">The name, e.g. <c>hf-daily-text</c>.</param>
    /// <param name="format">The format, or <see langword="null"/>.</param>
    /// <returns>Whether a format has that name.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out PaperFormat? format)
    {
        format = All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return format is not null;
    }

    /// <summary>Finds a format by name (case-insensitive).</summary>
    /// <param name="name">The name, e.g. <c>hf-daily-text</c>.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentException">No format has that name; the message lists the names.</exception>
    public static PaperFormat Get(string name) =>
        TryGet(name, out var format)
            ? format
            : throw new ArgumentException($"Unknown format '{name}'. Known formats: {string.Join(", ", All.Select(static f => f.Name))}.", nameof(name));

    /// <summary>
    /// Chooses the format of an input when none was given, from its first bytes (see <see cref="FormatDetector"/>):
    /// an Atom <c>&lt;feed&gt;</c> is <see cref="ArxivAtom"/>, a JSON array or a single Hugging Face object is
    /// <see cref="HuggingFaceApi"/>, one JSON object per line is <see cref="ArxivMetadata"/> (or <see cref="PaperJsonLines"/>
    /// when it has the library's own keys), and anything else is
    /// <see cref="HuggingFaceDailyText"/>. The file name is not used: content decides.
    /// </summary>
    /// <param name="head">The first bytes of the input (up to <see cref="FormatDetector.HeadLength"/>).</param>
    /// <returns>The format to read the input with.</returns>
    internal static PaperFormat Detect(ReadOnlySpan<byte> head) =>
        FormatDetector.Detect(head) is { } name && TryGet(name, out var format) ? format : HuggingFaceDailyText;
}
