using System.Text;

namespace PaperModel.Formats;

/// <summary>
/// Decodes a stream into text with exactly one read of the stream per read of text (more only while the bytes read so
/// far decode to no character), so that a failure of the stream — a cut gzip input — surfaces only after every
/// character decoded before it has been handed out. <see cref="StreamReader"/> may read its stream several times for
/// one call and lose what it decoded when a later read throws, and does so differently in its synchronous and
/// asynchronous paths. A byte order mark is not looked for: the input's was handled before the format saw it, except
/// that a reader made for an encoding drops that encoding's preamble at the start. Invalid bytes become U+FFFD (as the
/// encodings passed in are made to do). Disposing it does not dispose the stream. Not thread-safe.
/// </summary>
internal sealed class DecodingTextReader : TextReader
{
    private readonly Stream _stream;
    private readonly Decoder _decoder;
    private readonly byte[] _bytes;
    private readonly char[] _chars;
    private byte[]? _preamble;
    private int _start;
    private int _end;
    private bool _ended;

    /// <summary>Creates a reader.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="encoding">Their encoding.</param>
    /// <param name="skipPreamble">Whether the encoding's preamble (its byte order mark) at the start is dropped.</param>
    /// <param name="bufferSize">How many bytes each read of the stream asks for.</param>
    public DecodingTextReader(Stream stream, Encoding encoding, bool skipPreamble, int bufferSize = 4096)
    {
        _stream = stream;
        _decoder = encoding.GetDecoder();
        _bytes = new byte[bufferSize];
        _chars = new char[encoding.GetMaxCharCount(bufferSize)];
        _preamble = skipPreamble ? encoding.GetPreamble() : null;
    }

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count)
    {
        Fill();
        return Copy(buffer.AsSpan(index, count));
    }

    /// <inheritdoc/>
    public override async Task<int> ReadAsync(char[] buffer, int index, int count)
    {
        while (_start == _end && !_ended)
        {
            Decode(await _stream.ReadAsync(_bytes, 0, _bytes.Length).ConfigureAwait(false));
        }

        return Copy(buffer.AsSpan(index, count));
    }

    /// <inheritdoc/>
    public override int Peek() => Fill() ? _chars[_start] : -1;

    /// <inheritdoc/>
    public override int Read() => Fill() ? _chars[_start++] : -1;

    // Whether a character is there to take, reading the stream once more when none is.
    private bool Fill()
    {
        while (_start == _end && !_ended)
        {
            Decode(_stream.Read(_bytes, 0, _bytes.Length));
        }

        return _start < _end;
    }

    private void Decode(int read)
    {
        _start = 0;
        if (read <= 0)
        {
            _ended = true;
            _end = _decoder.GetChars(_bytes, 0, 0, _chars, 0, flush: true);
            return;
        }

        var skip = 0;
        if (_preamble is { Length: > 0 } preamble)
        {
            skip = _bytes.AsSpan(0, read).StartsWith(preamble) ? preamble.Length : 0;
            _preamble = null;
        }

        _end = _decoder.GetChars(_bytes, skip, read - skip, _chars, 0, flush: false);
    }

    private int Copy(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, _end - _start);
        _chars.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }
}
