using System.Text.Json;
using PaperModel.Serialization;

namespace PaperModel.Formats;

/// <summary>
/// The library's own JSON Lines: one <see cref="Paper"/> per line as written by <see cref="PaperJson.Serialize(Paper)"/>
/// (and by <c>papers convert</c>), so converted files can be read, filtered and merged again without loss.
/// </summary>
/// <remarks>
/// Streams like <see cref="ArxivMetadataFormat"/>: one line at a time, blank lines ignored. A line that is not a paper
/// object (invalid JSON, a wrong type, no <c>id</c> or <c>title</c>) is a problem PM1080 with its line, column and JSON
/// path; a line longer than <see cref="PaperReadOptions.MaxRecordLength"/> is PM1081. Reading goes on with the next line.
/// <para>The one instance is <see cref="PaperFormats.PaperJsonLines"/>.</para>
/// </remarks>
public sealed class PaperJsonLinesFormat : PaperFormat
{
    /// <summary>The format's name, <c>paper-jsonl</c>.</summary>
    internal const string FormatName = "paper-jsonl";

    internal PaperJsonLinesFormat()
        : base(FormatName, "PaperModel's own JSON Lines, one paper per line (the output of papers convert)")
    {
    }

    /// <inheritdoc/>
    public override IEnumerable<PaperReadItem> Read(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return JsonLinesReader.Read(stream, options ?? PaperReadOptions.Default, ParseLine, "PM1081", cancellationToken);
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<PaperReadItem> ReadAsync(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return JsonLinesReader.ReadAsync(stream, options ?? PaperReadOptions.Default, ParseLine, "PM1081", cancellationToken);
    }

    private static PaperReadItem ParseLine(ReadOnlySpan<byte> line, long lineNumber, string? source, out ParseProblem? warning)
    {
        warning = null;
        try
        {
            var paper = JsonSerializer.Deserialize(line, PaperJsonContext.Default.Paper);
            return paper is null
                ? PaperReadItem.FromProblem(JsonLinesReader.Problem("PM1080", "The line is null, not a paper object.", line, -1, lineNumber, source))
                : PaperReadItem.FromPaper(paper);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? string.Empty : $" at {ex.Path}";
            return PaperReadItem.FromProblem(JsonLinesReader.Problem(
                "PM1080",
                $"The line is not a paper object{where}: {JsonErrors.Describe(ex)}",
                line,
                ex.BytePositionInLine ?? -1,
                lineNumber,
                source));
        }
    }
}
