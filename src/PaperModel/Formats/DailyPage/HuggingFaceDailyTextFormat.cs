using System.Text;
using PaperModel.Formats.DailyPage;

namespace PaperModel.Formats;

/// <summary>
/// The text a user gets by selecting and copying the Hugging Face Daily Papers page (<c>huggingface.co/papers</c>):
/// a header, a date line such as <c>Jul 30</c>, then a title and an abstract per paper. Name <c>hf-daily-text</c>.
/// </summary>
/// <remarks>
/// <para>
/// Copies differ between browsers and page designs, so the reader treats the text as loosely structured lines. It
/// accepts LF, CRLF or CR line breaks, trailing spaces, any number of blank lines, a missing header, several date
/// sections, and the extra lines of richer copies: upvote counts (<c>-</c> is zero), <c>Submitted by</c>, author counts
/// (<c>3 authors</c>), <c>·</c> separators, organizations, card dates with or without a year (<c>Feb 27, 2025</c>),
/// comment counts, <c>GitHub</c> with stars, Markdown copies (<c>### [Title](url)</c>, <c>[abstract](url)</c>),
/// abstracts wrapped over several lines and <c>\</c> line-wrap markers.
/// </para>
/// <para>
/// Each paper gets <see cref="Paper.ListedOn"/> from the date line above it (the year from
/// <see cref="PaperReadOptions.Year"/>, else the latest such day not after <see cref="PaperReadOptions.ReferenceDate"/>),
/// <see cref="Paper.Source"/> <see cref="PaperSource.HuggingFaceDailyPage"/>, and the upvotes, comment count,
/// submitter, organization and card date when the copy shows them. Copies that link to the paper
/// (<c>huggingface.co/papers/2310.12345</c>) give the arXiv id; the others have no id, so <see cref="Paper.Id"/> is
/// <c>hf-daily:{slug}-{hash}</c>: the title's first words in lower case joined by <c>-</c> (at most 40 characters) and
/// the 32-bit FNV-1a hash of the UTF-8 title in 8 hex digits. The same title always gives the same id.
/// </para>
/// <para>
/// Problems PM1010-PM1017 report what could not be read, with line and column: a title with no abstract (a truncated
/// copy), an abstract with no title, a line that looks like a date but is not one, and so on. Nothing is dropped silently.
/// The input is read line by line; memory is bounded by one paper and <see cref="PaperReadOptions.MaxRecordLength"/>.
/// </para>
/// <para>The one instance is <see cref="PaperFormats.HuggingFaceDailyText"/>.</para>
/// </remarks>
public sealed class HuggingFaceDailyTextFormat : PaperFormat
{
    /// <summary>The format's name, <c>hf-daily-text</c>.</summary>
    internal const string FormatName = "hf-daily-text";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    internal HuggingFaceDailyTextFormat()
        : base(FormatName, "Text copied from the Hugging Face Daily Papers web page")
    {
    }

    /// <summary>Streams papers and problems from text. The reader is read forward only and is not disposed.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="PaperReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public IEnumerable<PaperReadItem> Read(TextReader reader, PaperReadOptions? options = null, CancellationToken cancellationToken = default) =>
        RecordDriver.Read(Open(reader, options), cancellationToken);

    /// <summary>Streams papers and problems from text, reading it asynchronously. The reader is not disposed.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="PaperReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public IAsyncEnumerable<PaperReadItem> ReadAsync(TextReader reader, PaperReadOptions? options = null, CancellationToken cancellationToken = default) =>
        RecordDriver.ReadAsync(Open(reader, options), cancellationToken);

    /// <summary>Opens a UTF-8 reader over a stream (its byte order mark was handled before), leaving the stream open.</summary>
    private static DecodingTextReader OpenText(Stream stream) => new(stream, Utf8, skipPreamble: false);

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new DailyPageParser(OpenText(stream), ownsText: true, options, sink);

    private static Func<RecordParser> Open(TextReader reader, PaperReadOptions? options)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        options ??= PaperReadOptions.Default;
        return () => new DailyPageParser(reader, ownsText: false, options, new ProblemSink(options.SourceName));
    }
}
