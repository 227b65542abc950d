namespace PaperModel.Formats;

/// <summary>
/// The first bytes of a forward-only stream, read in the push style of the parsers (<see cref="Fill"/> or
/// <see cref="FillAsync"/> until <see cref="IsComplete"/>), then given back in front of the rest of the stream by
/// <see cref="Replay"/>. Used to look at an input before choosing how to read it (gzip, format). Not thread-safe.
/// </summary>
internal sealed class StreamHead
{
    private readonly Stream _inner;
    private readonly byte[] _bytes;
    private int _length;
    private bool _endOfStream;

    public StreamHead(Stream inner, int length)
    {
        _inner = inner;
        _bytes = new byte[length];
    }

    /// <summary>Whether all the bytes asked for are read, or the stream ended first.</summary>
    public bool IsComplete => _endOfStream || _length == _bytes.Length;

    /// <summary>The bytes read so far.</summary>
    public ReadOnlySpan<byte> Bytes => new(_bytes, 0, _length);

    /// <summary>Reads more of the head.</summary>
    public void Fill() => Filled(_inner.Read(_bytes, _length, _bytes.Length - _length));

    /// <summary>Reads more of the head asynchronously.</summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken) =>
        Filled(await _inner.ReadAsync(_bytes, _length, _bytes.Length - _length, cancellationToken).ConfigureAwait(false));

    /// <summary>A stream that yields the head and then the rest of the inner stream; it leaves the inner stream open.</summary>
    public ReplayStream Replay() => new(_bytes, _length, _inner);

    private void Filled(int read)
    {
        if (read <= 0)
        {
            _endOfStream = true;
        }
        else
        {
            _length += read;
        }
    }
}
