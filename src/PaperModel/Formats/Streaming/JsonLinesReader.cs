using System.Runtime.CompilerServices;

namespace PaperModel.Formats;

/// <summary>Parses one line of a JSON Lines input into a paper or an error problem; a degraded but readable line also gives a warning.</summary>
internal delegate PaperReadItem JsonLineParser(ReadOnlySpan<byte> line, long lineNumber, string? source, out ParseProblem? warning);

/// <summary>
/// Streams a JSON Lines input line by line through a <see cref="JsonLineParser"/>, synchronously or asynchronously:
/// one line at a time in a pooled buffer, blank lines ignored, a line longer than
/// <see cref="PaperReadOptions.MaxRecordLength"/> (in UTF-8 bytes) reported and skipped without being held.
/// </summary>
internal static class JsonLinesReader
{
    public static IEnumerable<PaperReadItem> Read(Stream stream, PaperReadOptions options, JsonLineParser parser, string tooLongCode, CancellationToken cancellationToken)
    {
        using var lines = new LineReader(options, parser, tooLongCode);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (lines.Next(out var item))
            {
                case LineReader.Step.Item:
                    yield return item;
                    break;
                case LineReader.Step.NeedMore:
                    lines.Fill(stream);
                    break;
                default:
                    yield break;
            }
        }
    }

    public static async IAsyncEnumerable<PaperReadItem> ReadAsync(
        Stream stream,
        PaperReadOptions options,
        JsonLineParser parser,
        string tooLongCode,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LineReader(options, parser, tooLongCode);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (lines.Next(out var item))
            {
                case LineReader.Step.Item:
                    yield return item;
                    break;
                case LineReader.Step.NeedMore:
                    await lines.FillAsync(stream, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    yield break;
            }
        }
    }

    /// <summary>Turns lines into items; shared by the synchronous and asynchronous enumerations.</summary>
    private sealed class LineReader : IDisposable
    {
        private readonly JsonLineSplitter _lines;
        private readonly string? _source;
        private readonly JsonLineParser _parser;
        private readonly string _tooLongCode;
        private PaperReadItem _pendingItem;

        public LineReader(PaperReadOptions options, JsonLineParser parser, string tooLongCode)
        {
            _lines = new JsonLineSplitter(options.MaxRecordLength);
            _source = options.SourceName;
            _parser = parser;
            _tooLongCode = tooLongCode;
        }

        public enum Step
        {
            Item,
            NeedMore,
            End,
        }

        public Step Next(out PaperReadItem item)
        {
            if (_pendingItem.Paper is not null || _pendingItem.Problem is not null)
            {
                item = _pendingItem;
                _pendingItem = default;
                return Step.Item;
            }

            while (true)
            {
                switch (_lines.Next(out var line, out var lineNumber))
                {
                    case JsonLineSplitter.Step.Line:
                        if (IsBlank(line))
                        {
                            continue;
                        }

                        item = _parser(line, lineNumber, _source, out var warning);
                        if (warning is not null)
                        {
                            // Report the warning before the paper it belongs to.
                            _pendingItem = item;
                            item = PaperReadItem.FromProblem(warning);
                        }

                        return Step.Item;
                    case JsonLineSplitter.Step.TooLong:
                        item = PaperReadItem.FromProblem(new ParseProblem(
                            _tooLongCode,
                            $"The line is longer than the limit of {_lines.MaxLineBytes} bytes (PaperReadOptions.MaxRecordLength); it was skipped.",
                            _source,
                            SourceText.ToInt(lineNumber),
                            1)
                        { Record = lineNumber });
                        return Step.Item;
                    case JsonLineSplitter.Step.NeedMore:
                        item = default;
                        return Step.NeedMore;
                    default:
                        item = default;
                        return Step.End;
                }
            }
        }

        public void Fill(Stream stream) => _lines.Fill(stream);

        public ValueTask FillAsync(Stream stream, CancellationToken cancellationToken) => _lines.FillAsync(stream, cancellationToken);

        public void Dispose() => _lines.Dispose();

        private static bool IsBlank(ReadOnlySpan<byte> line)
        {
            foreach (var b in line)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A problem at a byte offset of a line (-1: the line as a whole), with the column counted in characters.</summary>
    public static ParseProblem Problem(
        string code,
        string message,
        ReadOnlySpan<byte> line,
        long offset,
        long lineNumber,
        string? source,
        ProblemSeverity severity = ProblemSeverity.Error)
    {
        var column = offset < 0 ? 1 : 1 + SourceText.CountCharacters(line.Slice(0, (int)Math.Min(offset, line.Length)));
        return new ParseProblem(code, message, source, SourceText.ToInt(lineNumber), column, severity) { Record = lineNumber };
    }
}
