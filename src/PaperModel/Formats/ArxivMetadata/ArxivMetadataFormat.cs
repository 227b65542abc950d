using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// The arXiv bulk metadata snapshot (<c>arxiv-metadata-oai-snapshot.json</c>): JSON Lines, one object per line with
/// <c>id</c>, <c>authors</c>, <c>authors_parsed</c>, <c>title</c>, <c>abstract</c>, <c>categories</c>, <c>versions</c> and
/// more; or the same records in one JSON array.
/// </summary>
/// <remarks>
/// <para>
/// The reader streams: it holds one line at a time in a pooled buffer and parses it with <see cref="Utf8JsonReader"/>,
/// so memory does not grow with the file (the full snapshot is several gigabytes). A line that cannot be read becomes a
/// problem with its line number (codes PM1070-PM1089) and reading goes on with the next line; blank lines are ignored.
/// A line longer than <see cref="PaperReadOptions.MaxRecordLength"/> (counted in UTF-8 bytes) is skipped without being held.
/// </para>
/// <para>
/// An input whose first byte (after white space) is <c>[</c> is one JSON array of the same records, streamed element by
/// element with the same limit: each element is a record numbered from 1 with its own line and column, its problems
/// are those of a line (PM1072-PM1076), and the array's own problems are PM1077-PM1079 (invalid JSON ends the reading).
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
        : base(FormatName, "arXiv bulk metadata snapshot, JSON Lines (one paper per line) or one JSON array")
    {
    }

    // How far the reader looks for the first byte that is not white space ('[' for an array).
    private const int HeadLength = 1024;

    private static readonly JsonItemProblems ArrayProblems = new(
        ReadProblems.MetadataArrayInvalidJson, ReadProblems.MetadataArrayItemInvalidJson, ReadProblems.MetadataArrayNotArray, ReadProblems.MetadataArrayTokenTooLong, ReadProblems.MetadataArrayItemTooLong);

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new Parser(stream, options, sink);

    /// <summary>Looks at the first bytes, then reads JSON Lines or, when the input starts with <c>[</c>, one array.</summary>
    private sealed class Parser(Stream stream, PaperReadOptions options, ProblemSink sink) : RecordParser(sink)
    {
        private readonly StreamHead _head = new(stream, HeadLength);
        private RecordParser? _inner;

        public override ReadStep Next()
        {
            if (_inner is null)
            {
                if (!_head.IsComplete)
                {
                    return ReadStep.NeedMore;
                }

                var rest = _head.Replay();
                _inner = StartsArray(_head.Bytes) ? new ArrayParser(rest, options, Sink) : new LinesParser(rest, options, Sink);
            }

            return _inner.Next();
        }

        public override Paper? Map() => _inner!.Map();

        public override bool TryReportFailure(Exception exception) => _inner?.TryReportFailure(exception) == true;

        // JSON Lines defer their records to be mapped on other threads (PaperReader.EnumerateFileInParallel).
        public override DeferredRecord? Defer() => _inner!.Defer();

        public override void Fill()
        {
            if (_inner is null)
            {
                _head.Fill();
            }
            else
            {
                _inner.Fill();
            }
        }

        public override ValueTask FillAsync(CancellationToken cancellationToken) =>
            _inner is null ? _head.FillAsync(cancellationToken) : _inner.FillAsync(cancellationToken);

        public override void Dispose() => _inner?.Dispose();

        private static bool StartsArray(ReadOnlySpan<byte> head)
        {
            foreach (var b in head)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return b == (byte)'[';
                }
            }

            return false;
        }
    }

    private sealed class LinesParser(Stream stream, PaperReadOptions options, ProblemSink sink)
        : JsonLinesParser(stream, options, sink, ReadProblems.MetadataLineTooLong)
    {
        protected override Paper MapLine(ReadOnlySpan<byte> line, ProblemSink sink) => ArxivMetadataRecord.Parse(line, sink);

        protected override void ReportInvalidJson(JsonException exception, ProblemSink sink) =>
            sink.Report(ReadProblems.MetadataInvalidJson, exception.BytePositionInLine ?? -1, JsonErrors.Describe(exception));
    }

    private sealed class ArrayParser(Stream stream, PaperReadOptions options, ProblemSink sink) : JsonItemParser(stream, options, sink, ArrayProblems)
    {
        protected override Paper MapItem(JsonItem item) => ArxivMetadataRecord.Parse(item.Utf8.Span, Sink);
    }
}
