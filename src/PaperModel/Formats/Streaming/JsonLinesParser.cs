using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// The base of the JSON Lines formats: one record per line, held in a pooled buffer, blank lines ignored, a line
/// longer than <see cref="PaperReadOptions.MaxRecordLength"/> (in UTF-8 bytes) reported with the format's "too long"
/// problem and skipped without being held. A format maps one line (<see cref="MapLine"/>) and says how invalid JSON
/// in a line is reported (<see cref="ReportInvalidJson"/>); both use only their arguments, so a line copied out by
/// <see cref="Defer"/> is mapped on any thread while this parser frames the next ones.
/// </summary>
internal abstract class JsonLinesParser : RecordParser
{
    private readonly Stream _stream;
    private readonly JsonLineSplitter _lines;
    private readonly ReadProblem _tooLong;
    // Lines handed to other threads are copied into chunks of this size (a longer line gets a chunk of its own).
    private const int ChunkBytes = 1 << 16;

    private ReadOnlyMemory<byte> _line;
    private byte[] _chunk = [];
    private int _chunkUsed;

    protected JsonLinesParser(Stream stream, PaperReadOptions options, ProblemSink sink, ReadProblem tooLong)
        : base(sink)
    {
        _stream = stream;
        _lines = new JsonLineSplitter(options.MaxRecordLength);
        _tooLong = tooLong;
    }

    public sealed override ReadStep Next()
    {
        while (true)
        {
            switch (_lines.Next(out var line, out var lineNumber))
            {
                case JsonLineSplitter.Step.Line:
                    if (IsBlank(line.Span))
                    {
                        continue;
                    }

                    _line = line;
                    Sink.BeginRecord(lineNumber, line, lineNumber, 1);
                    return ReadStep.Record;
                case JsonLineSplitter.Step.TooLong:
                    Sink.BeginRecord(lineNumber, default, lineNumber, 1);
                    Sink.Report(_tooLong, -1, _lines.MaxLineBytes);
                    continue;
                case JsonLineSplitter.Step.NeedMore:
                    return ReadStep.NeedMore;
                default:
                    return ReadStep.End;
            }
        }
    }

    public sealed override Paper? Map() => MapLine(_line.Span, Sink);

    public sealed override bool TryReportFailure(Exception exception) => TryReportFailure(exception, Sink);

    public sealed override DeferredRecord Defer()
    {
        if (_chunk.Length - _chunkUsed < _line.Length)
        {
            // The records holding the old chunk keep it; it is collected with the last of them.
            _chunk = new byte[Math.Max(ChunkBytes, _line.Length)];
            _chunkUsed = 0;
        }

        var copy = _chunk.AsMemory(_chunkUsed, _line.Length);
        _line.CopyTo(copy);
        _chunkUsed += _line.Length;
        return new LineRecord(this, copy, Sink.Record, Sink.SourceName);
    }

    public sealed override void Fill() => _lines.Fill(_stream);

    public sealed override ValueTask FillAsync(CancellationToken cancellationToken) => _lines.FillAsync(_stream, cancellationToken);

    public override void Dispose() => _lines.Dispose();

    /// <summary>Maps one line; reports its problems to <paramref name="sink"/>. May throw <see cref="JsonException"/>. Thread-safe.</summary>
    protected abstract Paper? MapLine(ReadOnlySpan<byte> line, ProblemSink sink);

    /// <summary>Reports invalid JSON (or JSON of the wrong shape) found while mapping a line. Thread-safe.</summary>
    protected abstract void ReportInvalidJson(JsonException exception, ProblemSink sink);

    private bool TryReportFailure(Exception exception, ProblemSink sink)
    {
        if (exception is not JsonException json)
        {
            return false;
        }

        ReportInvalidJson(json, sink);
        return true;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A line copied out of the parser's buffer, mapped with the format's mapping and a sink of its own.</summary>
    private sealed class LineRecord(JsonLinesParser parser, ReadOnlyMemory<byte> line, long number, string? sourceName) : DeferredRecord
    {
        protected override Paper? Map(ProblemSink sink)
        {
            sink.BeginRecord(number, line, number, 1);
            return parser.MapLine(line.Span, sink);
        }

        protected override bool TryReportFailure(Exception exception, ProblemSink sink) => parser.TryReportFailure(exception, sink);

        protected override ProblemSink CreateSink() => new(sourceName);
    }
}
