using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// The base of the JSON Lines formats: one record per line, held in a pooled buffer, blank lines ignored, a line
/// longer than <see cref="PaperReadOptions.MaxRecordLength"/> (in UTF-8 bytes) reported with the format's "too long"
/// problem and skipped without being held. A format maps one line (<see cref="MapLine"/>) and says how invalid JSON
/// in a line is reported (<see cref="ReportInvalidJson"/>).
/// </summary>
internal abstract class JsonLinesParser : RecordParser
{
    private readonly Stream _stream;
    private readonly JsonLineSplitter _lines;
    private readonly ReadProblem _tooLong;
    private ReadOnlyMemory<byte> _line;

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

    public sealed override Paper? Map() => MapLine(_line.Span);

    public sealed override bool TryReportFailure(Exception exception)
    {
        if (exception is not JsonException json)
        {
            return false;
        }

        ReportInvalidJson(json);
        return true;
    }

    public sealed override void Fill() => _lines.Fill(_stream);

    public sealed override ValueTask FillAsync(CancellationToken cancellationToken) => _lines.FillAsync(_stream, cancellationToken);

    public override void Dispose() => _lines.Dispose();

    /// <summary>Maps one line; reports its problems to <see cref="RecordParser.Sink"/>. May throw <see cref="JsonException"/>.</summary>
    protected abstract Paper? MapLine(ReadOnlySpan<byte> line);

    /// <summary>Reports invalid JSON (or JSON of the wrong shape) found while mapping the current line.</summary>
    protected abstract void ReportInvalidJson(JsonException exception);

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
}
