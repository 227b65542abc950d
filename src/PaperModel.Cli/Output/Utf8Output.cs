using System.Buffers;
using System.Text;

namespace PaperModel.Cli.Output;

/// <summary>
/// A buffered UTF-8 output for the JSON writers: JSON is written as UTF-8 bytes into one pooled buffer and copied to the
/// stream under the command's <see cref="TextWriter"/> when that writer is a UTF-8 <see cref="StreamWriter"/> (the
/// console and <c>convert -o</c>), skipping the UTF-16 string and the re-encoding a text writer needs. Any other writer
/// (a <see cref="StringWriter"/> in tests, a console in another encoding) gets the text. Not thread-safe.
/// </summary>
internal sealed class Utf8Output : IBufferWriter<byte>, IDisposable
{
    private const int DrainThreshold = 64 * 1024;

    private readonly TextWriter _text;
    private readonly Stream? _stream;
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(2 * DrainThreshold);
    private int _count;

    public Utf8Output(TextWriter text)
    {
        _text = text;
        if (text is StreamWriter { Encoding: UTF8Encoding encoding } writer && encoding.GetPreamble().Length == 0)
        {
            // What was written as text so far goes first.
            writer.Flush();
            _stream = writer.BaseStream;
        }
    }

    /// <summary>The bytes written since the last <see cref="Drain"/>.</summary>
    public ReadOnlySpan<byte> Pending => _bytes.AsSpan(0, _count);

    /// <inheritdoc/>
    public void Advance(int count) => _count += count;

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsMemory(_count);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsSpan(_count);
    }

    /// <summary>Appends bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _count += bytes.Length;
    }

    /// <summary>Ends a line, passing the buffer on once it holds enough.</summary>
    public void EndLine()
    {
        GetSpan(1)[0] = (byte)'\n';
        _count++;
        DrainIfFull();
    }

    /// <summary>Passes the buffer on once it holds enough; call it between records.</summary>
    public void DrainIfFull()
    {
        if (_count >= DrainThreshold)
        {
            Drain();
        }
    }

    /// <summary>Passes everything written on, and flushes the output.</summary>
    public void Flush()
    {
        Drain();
        if (_stream is not null)
        {
            _stream.Flush();
        }
        else
        {
            _text.Flush();
        }
    }

    /// <summary>Passes everything written on to the stream or the text writer.</summary>
    public void Drain()
    {
        if (_count == 0)
        {
            return;
        }

        if (_stream is not null)
        {
            _stream.Write(_bytes, 0, _count);
        }
        else
        {
            _text.Write(Encoding.UTF8.GetString(_bytes, 0, _count));
        }

        _count = 0;
    }

    public void Dispose()
    {
        var bytes = _bytes;
        _bytes = [];
        _count = 0;
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = _count + Math.Max(sizeHint, 256);
        if (needed <= _bytes.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _bytes.Length * 2));
        _bytes.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}
