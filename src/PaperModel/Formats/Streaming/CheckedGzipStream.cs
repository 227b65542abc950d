using System.IO.Compression;

namespace PaperModel.Formats;

/// <summary>
/// Decompresses gzip input and checks that it ends where gzip data ends: the decompressor alone stops silently at
/// the end of a truncated input, so every paper after the cut would be lost without a word. At the end of the data,
/// the length recorded in the gzip trailer (ISIZE, the last four bytes) must equal the length decompressed; otherwise
/// the read ends with <see cref="InvalidDataException"/>, which the driver reports as PM1090 after the papers read.
/// </summary>
/// <remarks>
/// Concatenated gzip members (<c>cat a.gz b.gz</c>) are decompressed whole, but the trailer's length is that of the
/// last member only, so such input is reported as PM1090 after all its papers: recompress it as one member.
/// </remarks>
internal sealed class CheckedGzipStream : ForwardOnlyStream
{
    private const int TrailerLength = 8;

    private readonly TailStream _compressed;
    private readonly GZipStream _gzip;
    private long _length;
    private bool _ended;

    public CheckedGzipStream(Stream compressed)
    {
        _compressed = new TailStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_gzip.Read(buffer, offset, count), count);

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await _gzip.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false), count);

#if NET8_0_OR_GREATER
    public override int Read(Span<byte> buffer) => Count(_gzip.Read(buffer), buffer.Length);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);
#endif


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read, int asked)
    {
        if (read > 0 || asked == 0 || _ended)
        {
            _length += read;
            return read;
        }

        _ended = true;
        var tail = _compressed.Tail;
        var recorded = tail.Length < TrailerLength ? -1 : tail[4] | ((long)tail[5] << 8) | ((long)tail[6] << 16) | ((long)tail[7] << 24);
        if (recorded != (_length & 0xFFFFFFFF))
        {
            throw new InvalidDataException(
                $"the gzip data ends before its end: the input was cut off after {_compressed.Total} compressed bytes ({_length} decompressed).");
        }

        return 0;
    }

    /// <summary>Passes reads through, remembering the last bytes read (the gzip trailer once the input has ended).</summary>
    private sealed class TailStream(Stream inner) : ForwardOnlyStream
    {
        private readonly byte[] _tail = new byte[TrailerLength];
        private int _tailLength;

        /// <summary>How many bytes were read.</summary>
        public long Total { get; private set; }

        /// <summary>The last bytes read, at most <see cref="TrailerLength"/>.</summary>
        public ReadOnlySpan<byte> Tail => new(_tail, 0, _tailLength);

        public override int Read(byte[] buffer, int offset, int count) => Keep(buffer, offset, inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Keep(buffer, offset, await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));


        private int Keep(byte[] buffer, int offset, int read)
        {
            if (read <= 0)
            {
                return read;
            }

            Total += read;
            var span = new ReadOnlySpan<byte>(buffer, offset, read);
            if (read >= TrailerLength)
            {
                span.Slice(read - TrailerLength).CopyTo(_tail);
                _tailLength = TrailerLength;
            }
            else
            {
                var keep = Math.Min(_tailLength, TrailerLength - read);
                Buffer.BlockCopy(_tail, _tailLength - keep, _tail, 0, keep);
                span.CopyTo(_tail.AsSpan(keep));
                _tailLength = keep + read;
            }

            return read;
        }
    }
}
