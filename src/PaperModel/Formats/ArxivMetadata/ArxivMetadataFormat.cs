using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// The arXiv bulk metadata snapshot (<c>arxiv-metadata-oai-snapshot.json</c>): JSON Lines, one object per line with
/// <c>id</c>, <c>authors</c>, <c>authors_parsed</c>, <c>title</c>, <c>abstract</c>, <c>categories</c>, <c>versions</c> and more.
/// </summary>
/// <remarks>
/// <para>
/// The reader streams: it holds one line at a time in a pooled buffer and parses it with <see cref="Utf8JsonReader"/>,
/// so memory does not grow with the file (the full snapshot is several gigabytes). A line that cannot be read becomes a
/// problem with its line number (codes PM1070-PM1089) and reading goes on with the next line; blank lines are ignored.
/// A line longer than <see cref="PaperReadOptions.MaxRecordLength"/> (counted in UTF-8 bytes) is skipped without being held.
/// </para>
/// <para>
/// Mapping: authors come from <c>authors_parsed</c> (<c>forenames keyname suffix</c>, the optional fourth element is the
/// affiliation), else from the <c>authors</c> string; categories are split on spaces and the first is the primary;
/// <see cref="Paper.Published"/> is the creation date of <c>v1</c>, <see cref="Paper.Updated"/> that of the last version,
/// and <see cref="Paper.ArxivId"/> carries the last version.
/// </para>
/// <para>The one instance is <see cref="PaperFormats.ArxivMetadata"/>.</para>
/// </remarks>
public sealed class ArxivMetadataFormat : PaperFormat
{
    /// <summary>The format's name, <c>arxiv-metadata-jsonl</c>.</summary>
    internal const string FormatName = "arxiv-metadata-jsonl";

    internal ArxivMetadataFormat()
        : base(FormatName, "arXiv bulk metadata snapshot, JSON Lines (one paper per line)")
    {
    }

    /// <inheritdoc/>
    public override IEnumerable<PaperReadItem> Read(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return JsonLinesReader.Read(stream, options ?? PaperReadOptions.Default, ParseLine, "PM1074", cancellationToken);
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<PaperReadItem> ReadAsync(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return JsonLinesReader.ReadAsync(stream, options ?? PaperReadOptions.Default, ParseLine, "PM1074", cancellationToken);
    }

    /// <summary>Parses one line into a paper or an error problem; a degraded but readable line also gives a warning.</summary>
    internal static PaperReadItem ParseLine(ReadOnlySpan<byte> line, long lineNumber, string? source, out ParseProblem? warning)
    {
        warning = null;
        try
        {
            var paper = ArxivMetadataRecord.Parse(line, out var warningCode, out var warningMessage, out var warningOffset);
            if (warningCode is not null)
            {
                warning = JsonLinesReader.Problem(warningCode, warningMessage!, line, warningOffset, lineNumber, source, ProblemSeverity.Warning);
            }

            return PaperReadItem.FromPaper(paper);
        }
        catch (JsonException ex)
        {
            return PaperReadItem.FromProblem(JsonLinesReader.Problem(
                "PM1070",
                "The line is not valid JSON: " + JsonErrors.Describe(ex),
                line,
                ex.BytePositionInLine ?? -1,
                lineNumber,
                source));
        }
        catch (RecordException ex)
        {
            return PaperReadItem.FromProblem(JsonLinesReader.Problem(ex.Code, ex.Message, line, ex.Offset, lineNumber, source));
        }
    }
}
