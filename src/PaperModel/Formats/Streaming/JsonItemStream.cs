using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>One value of a JSON document read by <see cref="JsonItemStream"/>: an element of the root array, or the root object.</summary>
/// <param name="Utf8">The value's bytes; valid until the stream is asked for the next item.</param>
/// <param name="Index">The 0-based index in the root array, or -1 when the value is the root.</param>
/// <param name="Line">The 1-based line where the value starts.</param>
/// <param name="Column">The 1-based column where the value starts.</param>
internal readonly record struct JsonItem(ReadOnlyMemory<byte> Utf8, long Index, long Line, long Column)
{
    /// <summary>The JSON path of the item (<c>$[3]</c>, or <c>$</c> for the root).</summary>
    public string Path => Index < 0 ? "$" : "$[" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>Where in the input an error of the JSON reader over the item's own bytes is: its positions count from the item's start.</summary>
    public (long Line, long Column) PositionOf(JsonException exception)
    {
        var line = exception.LineNumber ?? 0;
        return (Line + line, line == 0 ? Column + (exception.BytePositionInLine ?? 0) : (exception.BytePositionInLine ?? 0) + 1);
    }
}

/// <summary>The problems a <see cref="JsonItemStream"/> reports, those of the format it reads.</summary>
/// <param name="InvalidJson">The document is not valid JSON; its argument is the reader's message.</param>
/// <param name="ItemInvalidJson">An item is not valid JSON; its arguments are the item's path and the reader's message.</param>
/// <param name="NotArrayOrObject">The root is neither an array nor an object; its argument is what it is.</param>
/// <param name="TokenTooLong">One token is longer than the limit; its argument is the limit.</param>
/// <param name="ItemTooLong">An item is longer than the limit; its arguments are the item's path and the limit.</param>
internal sealed record JsonItemProblems(ReadProblem InvalidJson, ReadProblem ItemInvalidJson, ReadProblem NotArrayOrObject, ReadProblem TokenTooLong, ReadProblem ItemTooLong);

/// <summary>
/// Streams the elements of a root JSON array (or a root object as one element) with <see cref="Utf8JsonReader"/>,
/// holding one element at a time in a pooled buffer. Invalid JSON ends the stream with a problem; an element longer than
/// the limit is skipped with a problem; the problems are the format's (<see cref="JsonItemProblems"/>) and go to the sink.
/// </summary>
internal sealed class JsonItemStream : IDisposable
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private readonly PooledStreamBuffer _buffer;
    private readonly ProblemSink _sink;
    private readonly JsonItemProblems _problems;
    private readonly int _maxItemBytes;
    private JsonReaderState _state = new(ReaderOptions);
    private Phase _phase;
    private long _line = 1;
    private long _column = 1;
    private long _index;
    private int _pendingConsume;
    private bool _skipping;

    public JsonItemStream(ProblemSink sink, JsonItemProblems problems, int maxItemBytes)
    {
        _sink = sink;
        _problems = problems;
        _maxItemBytes = Math.Max(16, maxItemBytes);
        _buffer = new PooledStreamBuffer(_maxItemBytes == int.MaxValue ? int.MaxValue : _maxItemBytes + 1);
    }

    public enum Step
    {
        Item,

        /// <summary>A problem was reported to the sink; ask again.</summary>
        Problem,
        NeedMore,
        End,
    }

    private enum Phase
    {
        Start,
        InArray,
        AfterRoot,
        Done,
    }

    public Step Next(out JsonItem item)
    {
        item = default;
        Consume(_pendingConsume);
        _pendingConsume = 0;
        if (_phase == Phase.Done)
        {
            return Step.End;
        }

        var data = _buffer.Data;
        var reader = new Utf8JsonReader(data, _buffer.IsEndOfStream, _state);
        try
        {
            while (true)
            {
                var stateBefore = reader.CurrentState;
                var consumedBefore = (int)reader.BytesConsumed;
                if (!reader.Read())
                {
                    Commit((int)reader.BytesConsumed, reader.CurrentState);
                    if (_buffer.IsEndOfStream)
                    {
                        _phase = Phase.Done;
                        return Step.End;
                    }

                    if (_buffer.Data.Length >= _buffer.MaxSize)
                    {
                        _phase = Phase.Done;
                        Report(_problems.TokenTooLong, _buffer.Data, 0, _maxItemBytes);
                        return Step.Problem;
                    }

                    return Step.NeedMore;
                }

                if (_skipping)
                {
                    if (reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    {
                        _skipping = false;
                    }

                    continue;
                }

                switch (_phase)
                {
                    case Phase.Start when reader.TokenType == JsonTokenType.StartArray:
                        _phase = Phase.InArray;
                        continue;
                    case Phase.Start when reader.TokenType == JsonTokenType.StartObject:
                    case Phase.InArray when reader.TokenType != JsonTokenType.EndArray:
                        break;
                    case Phase.InArray:
                        _phase = Phase.AfterRoot;
                        continue;
                    case Phase.Start:
                        _phase = Phase.Done;
                        Report(_problems.NotArrayOrObject, data.Slice(0, (int)reader.TokenStartIndex), 0, JsonErrors.Describe(reader.TokenType));
                        return Step.Problem;
                    default:
                        continue;
                }

                // At the start of an item (an array element, or the root object).
                var isRoot = _phase == Phase.Start;
                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    // The item is not all in the buffer: keep it from its start and read more, unless it is too long.
                    Commit(consumedBefore, stateBefore);
                    if (data.Length - consumedBefore < _maxItemBytes)
                    {
                        return Step.NeedMore;
                    }

                    var skipped = isRoot ? -1 : _index++;
                    TooLong(isRoot, skipped, data.Slice(consumedBefore, start - consumedBefore));
                    if (isRoot)
                    {
                        _phase = Phase.Done;
                    }
                    else
                    {
                        _skipping = true;
                    }

                    return Step.Problem;
                }

                var end = (int)reader.BytesConsumed;
                if (end - start > _maxItemBytes)
                {
                    // It fitted only because pooled buffers are rounded up: the limit still holds.
                    var index = isRoot ? -1 : _index++;
                    TooLong(isRoot, index, data.Slice(0, start));
                    _pendingConsume = end;
                    _state = reader.CurrentState;
                    if (isRoot)
                    {
                        _phase = Phase.AfterRoot;
                    }

                    return Step.Problem;
                }

                long line = _line, column = _column;
                InputText.Advance(data.Slice(0, start), ref line, ref column);
                item = new JsonItem(_buffer.Memory.Slice(start, end - start), isRoot ? -1 : _index++, line, column);
                if (isRoot)
                {
                    _phase = Phase.AfterRoot;
                }

                _pendingConsume = end;
                _state = reader.CurrentState;
                return Step.Item;
            }
        }
        catch (JsonException ex)
        {
            _phase = Phase.Done;
            _sink.Record = 0;
            _sink.ReportAt(_problems.InvalidJson, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, JsonErrors.Describe(ex));
            return Step.Problem;
        }
    }

    public void Fill(Stream stream) => _buffer.Fill(stream);

    public async ValueTask FillAsync(Stream stream, CancellationToken cancellationToken) =>
        await _buffer.FillAsync(stream, cancellationToken).ConfigureAwait(false);

    private void Commit(int consumed, JsonReaderState state)
    {
        Consume(consumed);
        _state = state;
    }

    private void Consume(int count)
    {
        if (count > 0)
        {
            InputText.Advance(_buffer.Data.Slice(0, count), ref _line, ref _column);
            _buffer.Consume(count);
        }
    }

    private void TooLong(bool isRoot, long index, ReadOnlySpan<byte> before) =>
        Report(_problems.ItemTooLong, before, index + 1, isRoot ? "$" : $"$[{index}]", _maxItemBytes);

    // A problem at the end of the bytes before it (counted from where the buffer starts in the input).
    private void Report(ReadProblem problem, ReadOnlySpan<byte> before, long record, params object?[] arguments)
    {
        long line = _line, column = _column;
        InputText.Advance(before, ref line, ref column);
        _sink.Record = record;
        _sink.ReportAt(problem, line, column, arguments);
    }

    public void Dispose() => _buffer.Dispose();
}
