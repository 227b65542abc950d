namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>
/// A read-only, forward-only stream over bytes that returns between 1 and <c>maxRead</c> bytes per read, the sizes
/// drawn from a seeded generator: a network stream or a pipe, to show that results do not depend on how input arrives.
/// </summary>
internal sealed class TrickleStream(byte[] data, int seed, int maxRead = 17) : Stream
{
    private readonly Random _random = new(seed);
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(Math.Min(buffer.Length, 1 + _random.Next(maxRead)), data.Length - _position);
        if (n <= 0)
        {
            return 0;
        }

        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Completes asynchronously now and then, as a socket does.
        if (_random.Next(4) == 0)
        {
            await Task.Yield();
        }

        return Read(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
