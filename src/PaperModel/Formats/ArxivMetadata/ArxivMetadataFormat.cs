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

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new Parser(stream, options, sink);

    private sealed class Parser(Stream stream, PaperReadOptions options, ProblemSink sink)
        : JsonLinesParser(stream, options, sink, ReadProblems.MetadataLineTooLong)
    {
        protected override Paper MapLine(ReadOnlySpan<byte> line, ProblemSink sink) => ArxivMetadataRecord.Parse(line, sink);

        protected override void ReportInvalidJson(JsonException exception, ProblemSink sink) =>
            sink.Report(ReadProblems.MetadataInvalidJson, exception.BytePositionInLine ?? -1, JsonErrors.Describe(exception));
    }
}
