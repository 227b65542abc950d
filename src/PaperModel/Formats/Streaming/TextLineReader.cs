namespace PaperModel.Formats;

/// <summary>
/// Splits the text of a <see cref="TextReader"/> into lines, read in fixed-size chunks (synchronously or
/// asynchronously: only <see cref="Fill"/> and <see cref="FillAsync"/> read), so that one
/// line never costs more than <c>maxLineLength</c> characters of memory: a longer line is reported as too long
/// (with its start kept for messages) and the rest of it is skipped. Line breaks are LF, CRLF or CR. Not thread-safe.
/// </summary>
internal sealed class TextLineReader
{
    private const int ChunkSize = 16 * 1024;
    private const int KeptPrefixOfLongLine = 80;

    private readonly TextReader _reader;
    private readonly int _maxLineLength;
    private readonly char[] _chunk = new char[ChunkSize];
    private readonly System.Text.StringBuilder _line = new();
    private int _chunkStart;
    private int _chunkEnd;
    private bool _endOfInput;
    private bool _pendingCarriageReturn;
    private int _lineNumber;
    private bool _lineTooLong;

    public TextLineReader(TextReader reader, int maxLineLength)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _maxLineLength = Math.Max(1, maxLineLength);
    }

    /// <summary>Whether the last line read ended with a line break (false for a last line cut off at the end of input).</summary>
    public bool LastLineTerminated { get; private set; }

    /// <summary>What <see cref="Next"/> found.</summary>
    public enum Step
    {
        /// <summary>A line is ready.</summary>
        Line,

        /// <summary>Call <see cref="Fill"/> or <see cref="FillAsync"/>, then ask again.</summary>
        NeedMore,

        /// <summary>The input has ended.</summary>
        End,
    }

    /// <summary>The next line from the text read so far, or what is needed first.</summary>
    public Step Next(out TextLine line)
    {
        if (TryTakeLine(out line))
        {
            return Step.Line;
        }

        if (_endOfInput)
        {
            return TryTakeLast(out line) ? Step.Line : Step.End;
        }

        return Step.NeedMore;
    }

    /// <summary>Reads the next chunk of text.</summary>
    public void Fill() => Filled(_reader.Read(_chunk, 0, _chunk.Length));

    /// <summary>Reads the next chunk of text asynchronously.</summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Filled(await _reader.ReadAsync(_chunk, 0, _chunk.Length).ConfigureAwait(false));
    }

    private void Filled(int read)
    {
        _chunkStart = 0;
        _chunkEnd = Math.Max(read, 0);
        _endOfInput = read <= 0;
    }

    // Scans the chunk for the end of the current line; false when the chunk ran out first.
    private bool TryTakeLine(out TextLine line)
    {
        for (var i = _chunkStart; i < _chunkEnd; i++)
        {
            var c = _chunk[i];
            if (_pendingCarriageReturn)
            {
                _pendingCarriageReturn = false;
                if (c == '\n')
                {
                    _chunkStart = i + 1;
                    continue;
                }
            }

            if (c is '\n' or '\r')
            {
                Append(_chunkStart, i);
                _chunkStart = i + 1;
                _pendingCarriageReturn = c == '\r';
                line = Take(terminated: true);
                return true;
            }
        }

        Append(_chunkStart, _chunkEnd);
        _chunkStart = _chunkEnd;
        line = default;
        return false;
    }

    private bool TryTakeLast(out TextLine line)
    {
        if (_line.Length == 0 && !_lineTooLong)
        {
            line = default;
            return false;
        }

        line = Take(terminated: false);
        return true;
    }

    private void Append(int start, int end)
    {
        var count = end - start;
        if (count <= 0)
        {
            return;
        }

        if (_lineTooLong)
        {
            return;
        }

        if (_line.Length + count > _maxLineLength)
        {
            // Keep only a prefix for the message; skip the rest of the line.
            _line.Length = Math.Min(_line.Length, KeptPrefixOfLongLine);
            var keep = Math.Max(0, Math.Min(count, KeptPrefixOfLongLine - _line.Length));
            _line.Append(_chunk, start, keep);
            _lineTooLong = true;
            return;
        }

        _line.Append(_chunk, start, count);
    }

    private TextLine Take(bool terminated)
    {
        _lineNumber++;
        LastLineTerminated = terminated;
        var line = new TextLine(_line.ToString(), _lineNumber, _lineTooLong);
        _line.Clear();
        _lineTooLong = false;
        return line;
    }
}

/// <summary>One line of text input.</summary>
/// <param name="Text">The line without its line break; for a line that is too long, only its start.</param>
/// <param name="Number">The 1-based line number.</param>
/// <param name="IsTooLong">Whether the line was longer than the limit and was cut.</param>
internal readonly record struct TextLine(string Text, int Number, bool IsTooLong);
