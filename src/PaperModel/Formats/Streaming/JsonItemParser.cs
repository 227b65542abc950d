using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// The base of the JSON array formats: frames the elements of a root array (or a root object as one element) with
/// <see cref="JsonItemStream"/>, each a record numbered from 1 at its own line and column; a format maps one element
/// (<see cref="MapItem"/>), and invalid JSON found while mapping becomes the format's located problem.
/// </summary>
internal abstract class JsonItemParser : RecordParser
{
    private readonly Stream _stream;
    private readonly JsonItemStream _items;
    private readonly JsonItemProblems _problems;
    private JsonItem _item;

    protected JsonItemParser(Stream stream, PaperReadOptions options, ProblemSink sink, JsonItemProblems problems)
        : base(sink)
    {
        _stream = stream;
        _problems = problems;
        _items = new JsonItemStream(sink, problems, options.MaxRecordLength);
    }

    public sealed override ReadStep Next()
    {
        while (true)
        {
            switch (_items.Next(out var item))
            {
                case JsonItemStream.Step.Item:
                    _item = item;
                    Sink.BeginRecord(item.Index + 1, item.Utf8, item.Line, item.Column);
                    return ReadStep.Record;
                case JsonItemStream.Step.Problem:
                    continue;
                case JsonItemStream.Step.NeedMore:
                    return ReadStep.NeedMore;
                default:
                    return ReadStep.End;
            }
        }
    }

    // Mapped before the next item is asked for: the item's bytes live in the stream's buffer.
    public sealed override Paper? Map() => MapItem(_item);

    public sealed override bool TryReportFailure(Exception exception)
    {
        if (exception is not JsonException json)
        {
            return false;
        }

        var (line, column) = _item.PositionOf(json);
        Sink.ReportAt(_problems.ItemInvalidJson, line, column, _item.Path, JsonErrors.Describe(json));
        return true;
    }

    public sealed override void Fill() => _items.Fill(_stream);

    public sealed override ValueTask FillAsync(CancellationToken cancellationToken) => _items.FillAsync(_stream, cancellationToken);

    public override void Dispose() => _items.Dispose();

    /// <summary>Maps one element; reports its problems to <see cref="RecordParser.Sink"/>. May throw <see cref="JsonException"/>.</summary>
    protected abstract Paper? MapItem(JsonItem item);
}
