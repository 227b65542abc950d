using System.Globalization;

namespace PaperModel.Digest;

/// <summary>
/// Writes a <see cref="PaperDigest"/> in one form: <see cref="Markdown"/> (GitHub-flavoured), <see cref="PlainText"/>
/// or <see cref="Html"/> (one self-contained page that mail clients show). Renderers are stateless and thread-safe;
/// everything that comes from a paper is escaped for the form.
/// </summary>
public abstract class DigestRenderer
{
    private protected DigestRenderer()
    {
    }

    /// <summary>GitHub-flavoured Markdown: a heading per topic, a linked heading per paper, the snippet as a quote.</summary>
    public static DigestRenderer Markdown { get; } = new MarkdownDigestRenderer();

    /// <summary>Plain text wrapped at 78 columns, for the text part of a mail and for terminals.</summary>
    public static DigestRenderer PlainText { get; } = new TextDigestRenderer();

    /// <summary>
    /// One self-contained HTML page that mail clients show: inline CSS on table layout, no scripts, fonts or images,
    /// light and dark colour schemes, readable from phone to desktop width, matched phrases highlighted.
    /// </summary>
    public static DigestRenderer Html { get; } = new HtmlDigestRenderer();

    /// <summary>The media type of the output: <c>text/markdown</c>, <c>text/plain</c> or <c>text/html</c>.</summary>
    public abstract string MediaType { get; }

    /// <summary>The usual file extension, with its dot: <c>.md</c>, <c>.txt</c> or <c>.html</c>.</summary>
    public abstract string FileExtension { get; }

    /// <summary>Writes the digest.</summary>
    /// <param name="digest">The digest.</param>
    /// <param name="writer">Where to write it.</param>
    public void Render(PaperDigest digest, TextWriter writer)
    {
        if (digest is null)
        {
            throw new ArgumentNullException(nameof(digest));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        Write(digest, writer);
    }

    /// <summary>Renders the digest into a string.</summary>
    /// <param name="digest">The digest.</param>
    /// <returns>The rendered digest.</returns>
    public string Render(PaperDigest digest)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Render(digest, writer);
        return writer.ToString();
    }

    private protected abstract void Write(PaperDigest digest, TextWriter writer);

    /// <summary>"12 papers in 4 topics".</summary>
    private protected static string Summary(PaperDigest digest) =>
        digest.IsEmpty
            ? "No new papers on your topics."
            : $"{Count(digest.Papers.Count, "paper")} in {Count(digest.Sections.Count, "topic")}";

    /// <summary>"Jul 30, 2026", or "Jul 28 – Jul 30, 2026"; empty without dates.</summary>
    private protected static string Dates(PaperDigest digest) => digest.DateRange switch
    {
        null => string.Empty,
        var (first, last) when first.Date == last.Date => Day(first),
        var (first, last) => first.Year == last.Year
            ? first.ToString("MMM d", CultureInfo.InvariantCulture) + " – " + Day(last)
            : Day(first) + " – " + Day(last),
    };

    /// <summary>The facts line of an entry: authors, date, arXiv id, upvotes, score (those known), joined by " · ".</summary>
    private protected static IEnumerable<string> Facts(DigestEntry entry)
    {
        var paper = entry.Paper;
        if (paper.Authors.Length > 0)
        {
            yield return paper.Authors;
        }

        if (paper.Date is { } date)
        {
            yield return Day(date);
        }

        if (paper.ArxivId is { } id)
        {
            yield return "arXiv:" + id;
        }

        if (paper.Upvotes is { } upvotes)
        {
            yield return "▲ " + upvotes.ToString(CultureInfo.InvariantCulture);
        }

        yield return "score " + Score(entry.Score);
    }

    private protected static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    private protected static string Day(DateTimeOffset date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    private protected static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
