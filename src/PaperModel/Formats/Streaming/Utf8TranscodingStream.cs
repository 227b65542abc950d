using System.Text;

namespace PaperModel.Formats;

/// <summary>
/// Turns UTF-16 or UTF-32 input (announced by its byte order mark) into UTF-8 as it is read, so that every format
/// reads the same bytes whatever the encoding the file was saved in. Invalid sequences become U+FFFD, as in the page
/// text reader. Disposing it does not dispose the inner stream.
/// </summary>
internal sealed class Utf8TranscodingStream : ForwardOnlyStream
{
    private const int ChunkChars = 4096;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly DecodingTextReader _reader;
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private readonly char[] _chars = new char[ChunkChars];
    private readonly byte[] _bytes = new byte[Utf8.GetMaxByteCount(ChunkChars)];
    private int _start;
    private int _end;
    private bool _ended;

    private Utf8TranscodingStream(Stream inner, Encoding encoding) =>
        _reader = new DecodingTextReader(inner, encoding, skipPreamble: true, bufferSize: ChunkChars);

    /// <summary>
    /// The encoding a byte order mark at the start of <paramref name="head"/> announces other than UTF-8 (UTF-32 and
    /// UTF-16, little or big endian), or <see langword="null"/>.
    /// </summary>
    public static Encoding? EncodingOf(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0)
        {
            return new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: false);
        }

        if (head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF)
        {
            return new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: false);
        }

        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: false);
        }

        return head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF
            ? new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: false)
            : null;
    }

    /// <summary>Whether <paramref name="head"/> starts with the UTF-8 byte order mark.</summary>
    public static bool StartsWithUtf8Mark(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;

    /// <summary>Wraps <paramref name="inner"/> (which starts with the mark of <paramref name="encoding"/>) in a UTF-8 stream.</summary>
    public static Stream Open(Stream inner, Encoding encoding) => new Utf8TranscodingStream(inner, encoding);

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_start == _end && !_ended)
        {
            Encode(_reader.Read(_chars, 0, _chars.Length));
        }

        return Copy(buffer, offset, count);
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        while (_start == _end && !_ended)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Encode(await _reader.ReadAsync(_chars, 0, _chars.Length).ConfigureAwait(false));
        }

        return Copy(buffer, offset, count);
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Encode(int chars)
    {
        _ended = chars <= 0;
        _start = 0;
        _end = _encoder.GetBytes(_chars, 0, Math.Max(chars, 0), _bytes, 0, flush: _ended);
    }

    private int Copy(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_bytes, _start, buffer, offset, n);
        _start += n;
        return n;
    }
}
