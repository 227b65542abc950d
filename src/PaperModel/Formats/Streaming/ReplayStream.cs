namespace PaperModel.Formats;

/// <summary>
/// A forward-only stream that first gives back bytes already read from another stream (to look at the start of an
/// input, see <see cref="StreamHead"/>) and then the rest of that stream. Disposing it does not dispose the inner stream.
/// </summary>
internal sealed class ReplayStream : Stream
{
    private readonly byte[] _head;
    private readonly int _headLength;
    private readonly Stream _inner;
    private int _headPosition;

    /// <summary>Replays the first <paramref name="headLength"/> bytes of <paramref name="head"/>, then reads <paramref name="inner"/>.</summary>
    public ReplayStream(byte[] head, int headLength, Stream inner)
    {
        _head = head;
        _headLength = headLength;
        _inner = inner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var fromHead = ReadHead(buffer.AsSpan(offset, count));
        return fromHead > 0 ? fromHead : _inner.Read(buffer, offset, count);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var fromHead = ReadHead(buffer.AsSpan(offset, count));
        return fromHead > 0 ? Task.FromResult(fromHead) : _inner.ReadAsync(buffer, offset, count, cancellationToken);
    }

#if NET8_0_OR_GREATER
    public override int Read(Span<byte> buffer)
    {
        var fromHead = ReadHead(buffer);
        return fromHead > 0 ? fromHead : _inner.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var fromHead = ReadHead(buffer.Span);
        return fromHead > 0 ? new ValueTask<int>(fromHead) : _inner.ReadAsync(buffer, cancellationToken);
    }
#endif

    private int ReadHead(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, _headLength - _headPosition);
        if (n <= 0)
        {
            return 0;
        }

        _head.AsSpan(_headPosition, n).CopyTo(destination);
        _headPosition += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
