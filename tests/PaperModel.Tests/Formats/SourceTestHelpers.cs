using System.Text;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

/// <summary>Reads samples and in-memory inputs through a format.</summary>
internal static class SourceTestHelpers
{
    public static PaperReadResult ReadSample(PaperFormat format, string sampleFile, PaperReadOptions? options = null)
    {
        using var stream = File.OpenRead(RepoPaths.Format(sampleFile));
        return PaperReadResult.From(format.Read(stream, options ?? new PaperReadOptions { SourceName = sampleFile }).ToList());
    }

    public static PaperReadResult ReadText(PaperFormat format, string text, PaperReadOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return PaperReadResult.From(format.Read(stream, options ?? new PaperReadOptions { SourceName = "input" }).ToList());
    }

    public static string SampleText(string sampleFile) => File.ReadAllText(RepoPaths.Format(sampleFile));

    /// <summary>The 1-based line and column (in characters) of an index in a text, computed independently of the readers.</summary>
    public static (int Line, int Column) PositionOf(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    public static Paper Paper(this PaperReadResult result, string id) => result.Papers.Single(p => p.Id == id);
}

/// <summary>A read-only stream that produces a prefix, a long run of one byte and a suffix without holding the run in memory.</summary>
internal sealed class GeneratedStream(byte[] prefix, long runLength, byte runByte, byte[] suffix) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => prefix.Length + runLength + suffix.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count && _position < Length)
        {
            if (_position < prefix.Length)
            {
                buffer[offset + written++] = prefix[_position++];
            }
            else if (_position < prefix.Length + runLength)
            {
                var n = (int)Math.Min(count - written, prefix.Length + runLength - _position);
                buffer.AsSpan(offset + written, n).Fill(runByte);
                written += n;
                _position += n;
            }
            else
            {
                buffer[offset + written++] = suffix[_position++ - prefix.Length - runLength];
            }
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
