using System.Buffers;

namespace PaperModel.Formats;

/// <summary>
/// A growable window over a forward-only stream, backed by <see cref="ArrayPool{T}"/> arrays. Readers look at
/// <see cref="Data"/>, <see cref="Consume(int)"/> what they are done with and <see cref="Fill(Stream)"/> when they need
/// more; the window grows (up to a limit) only when one record does not fit. Not thread-safe.
/// </summary>
internal sealed class PooledStreamBuffer : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private byte[] _buffer;
    private int _start;
    private int _end;

    public PooledStreamBuffer(int maxSize)
    {
        MaxSize = Math.Max(maxSize, 16);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, MaxSize));
    }

    /// <summary>The largest window; a record that needs more cannot be held.</summary>
    public int MaxSize { get; }

    /// <summary>Whether the stream has ended (the window holds all that is left).</summary>
    public bool IsEndOfStream { get; private set; }

    /// <summary>Whether the window is as large as it may become and full.</summary>
    public bool IsFullAtMaximum => _start == 0 && _end == _buffer.Length && _buffer.Length >= MaxSize;

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Data => new(_buffer, _start, _end - _start);

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlyMemory<byte> Memory => new(_buffer, _start, _end - _start);

    /// <summary>Bytes consumed since the start of the stream.</summary>
    public long Position { get; private set; }

    /// <summary>Drops bytes from the start of the window.</summary>
    public void Consume(int count)
    {
        _start += count;
        Position += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    /// <summary>Reads more bytes, growing the window when it is full. Returns false at the end of the stream or when the window cannot grow.</summary>
    public bool Fill(Stream stream)
    {
        if (!MakeRoom())
        {
            return false;
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        return Advance(read);
    }

    /// <summary>Reads more bytes asynchronously; see <see cref="Fill(Stream)"/>.</summary>
    public async ValueTask<bool> FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (!MakeRoom())
        {
            return false;
        }

#if NET8_0_OR_GREATER
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
#else
        var read = await stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
#endif
        return Advance(read);
    }

    private bool MakeRoom()
    {
        if (IsEndOfStream)
        {
            return false;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end < _buffer.Length)
        {
            return true;
        }

        if (_buffer.Length >= MaxSize)
        {
            return false;
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, MaxSize));
        Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
        return true;
    }

    private bool Advance(int read)
    {
        if (read <= 0)
        {
            IsEndOfStream = true;
            return false;
        }

        _end += read;
        return true;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
