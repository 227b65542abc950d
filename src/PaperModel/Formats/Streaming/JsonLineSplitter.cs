namespace PaperModel.Formats;

/// <summary>
/// Splits a UTF-8 stream into lines without copying them: each line is a slice of a pooled window that holds at most
/// one line (plus what was read after it). A line longer than the limit is reported once and skipped without being held.
/// </summary>
internal sealed class JsonLineSplitter : IDisposable
{
    private readonly PooledStreamBuffer _buffer;
    private readonly int _maxLineBytes;
    private int _scanned;
    private int _pendingConsume;
    private bool _skipping;
    private long _lineNumber;

    public JsonLineSplitter(int maxLineBytes)
    {
        _maxLineBytes = Math.Max(1, maxLineBytes);
        _buffer = new PooledStreamBuffer(_maxLineBytes == int.MaxValue ? int.MaxValue : _maxLineBytes + 1);
    }

    public enum Step
    {
        /// <summary>A line is ready.</summary>
        Line,

        /// <summary>A line longer than the limit began; it is being skipped.</summary>
        TooLong,

        /// <summary>Call <see cref="Fill(Stream)"/> or <see cref="FillAsync"/>, then ask again.</summary>
        NeedMore,

        /// <summary>The input has ended.</summary>
        End,
    }

    /// <summary>The limit on one line, in bytes.</summary>
    public int MaxLineBytes => _maxLineBytes;

    /// <summary>The next line (without its line break), valid until the next call.</summary>
    public Step Next(out ReadOnlyMemory<byte> line, out long lineNumber)
    {
        if (_pendingConsume > 0)
        {
            _buffer.Consume(_pendingConsume);
            _pendingConsume = 0;
            _scanned = 0;
        }

        while (true)
        {
            var data = _buffer.Memory;
            var newline = data.Span.Slice(_scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += _scanned;
                if (_skipping)
                {
                    _buffer.Consume(newline + 1);
                    _scanned = 0;
                    _skipping = false;
                    continue;
                }

                _pendingConsume = newline + 1;
                lineNumber = ++_lineNumber;
                if (newline > _maxLineBytes)
                {
                    // The buffer may be larger than the limit (pooled arrays are rounded up): the limit still holds.
                    line = default;
                    return Step.TooLong;
                }

                line = TrimCarriageReturn(data.Slice(0, newline));
                return Step.Line;
            }

            if (_skipping)
            {
                _buffer.Consume(data.Length);
                _scanned = 0;
                line = default;
                lineNumber = _lineNumber;
                return _buffer.IsEndOfStream ? Step.End : Step.NeedMore;
            }

            if (data.Length > _maxLineBytes)
            {
                _buffer.Consume(data.Length);
                _scanned = 0;
                _skipping = true;
                line = default;
                lineNumber = ++_lineNumber;
                return Step.TooLong;
            }

            _scanned = data.Length;
            if (_buffer.IsEndOfStream)
            {
                line = TrimCarriageReturn(data);
                _pendingConsume = data.Length;
                lineNumber = data.IsEmpty ? _lineNumber : ++_lineNumber;
                return data.IsEmpty ? Step.End : Step.Line;
            }

            line = default;
            lineNumber = _lineNumber;
            return Step.NeedMore;
        }
    }

    /// <summary>Reads more input.</summary>
    public void Fill(Stream stream) => _buffer.Fill(stream);

    /// <summary>Reads more input asynchronously.</summary>
    public async ValueTask FillAsync(Stream stream, CancellationToken cancellationToken) =>
        await _buffer.FillAsync(stream, cancellationToken).ConfigureAwait(false);

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[line.Length - 1] == (byte)'\r' ? line.Slice(0, line.Length - 1) : line;

    public void Dispose() => _buffer.Dispose();
}
