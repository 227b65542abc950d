using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PaperModel.Sources;

/// <summary>
/// The arXiv bulk metadata snapshot (<c>arxiv-metadata-oai-snapshot.json</c>): JSON Lines, one object per line with
/// <c>id</c>, <c>authors</c>, <c>authors_parsed</c>, <c>title</c>, <c>abstract</c>, <c>categories</c>, <c>versions</c> and more.
/// </summary>
/// <remarks>
/// <para>
/// The reader streams: it holds one line at a time in a pooled buffer and parses it with <see cref="Utf8JsonReader"/>,
/// so memory does not grow with the file (the full snapshot is several gigabytes). A line that cannot be read becomes a
/// problem with its line number (codes PM1070-PM1089) and reading goes on with the next line; blank lines are ignored.
/// A line longer than <see cref="PaperReadOptions.MaxRecordLength"/> (counted in UTF-8 bytes) is skipped without being held.
/// </para>
/// <para>
/// Mapping: authors come from <c>authors_parsed</c> (<c>forenames keyname suffix</c>, the optional fourth element is the
/// affiliation), else from the <c>authors</c> string; categories are split on spaces and the first is the primary;
/// <see cref="Paper.Published"/> is the creation date of <c>v1</c>, <see cref="Paper.Updated"/> that of the last version,
/// and <see cref="Paper.ArxivId"/> carries the last version.
/// </para>
/// </remarks>
public sealed class ArxivMetadataFormat : PaperFormat
{
    /// <summary>The format's name, <c>arxiv-metadata-jsonl</c>.</summary>
    public const string FormatName = "arxiv-metadata-jsonl";

    /// <summary>The shared instance.</summary>
    public static ArxivMetadataFormat Instance { get; } = new();

    private ArxivMetadataFormat()
        : base(FormatName, "arXiv bulk metadata snapshot, JSON Lines (one paper per line)")
    {
    }

    /// <inheritdoc/>
    public override IEnumerable<PaperReadItem> Read(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return ReadIterator(stream, options ?? PaperReadOptions.Default, cancellationToken);
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<PaperReadItem> ReadAsync(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return ReadAsyncIterator(stream, options ?? PaperReadOptions.Default, cancellationToken);
    }

    private static IEnumerable<PaperReadItem> ReadIterator(Stream stream, PaperReadOptions options, CancellationToken cancellationToken)
    {
        using var lines = new LineReader(options);
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

    private static async IAsyncEnumerable<PaperReadItem> ReadAsyncIterator(
        Stream stream,
        PaperReadOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LineReader(options);
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
        private PaperReadItem _pendingItem;

        public LineReader(PaperReadOptions options)
        {
            _lines = new JsonLineSplitter(options.MaxRecordLength);
            _source = options.SourceName;
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

                        item = ParseLine(line, lineNumber, _source, out var warning);
                        if (warning is not null)
                        {
                            // Report the warning before the paper it belongs to.
                            _pendingItem = item;
                            item = PaperReadItem.FromProblem(warning);
                        }

                        return Step.Item;
                    case JsonLineSplitter.Step.TooLong:
                        item = PaperReadItem.FromProblem(new ParseProblem(
                            "PM1074",
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

    /// <summary>Parses one line into a paper or an error problem; a degraded but readable line also gives a warning.</summary>
    internal static PaperReadItem ParseLine(ReadOnlySpan<byte> line, long lineNumber, string? source, out ParseProblem? warning)
    {
        warning = null;
        try
        {
            var paper = ArxivMetadataRecord.Parse(line, out var warningCode, out var warningMessage, out var warningOffset);
            if (warningCode is not null)
            {
                warning = Problem(warningCode, warningMessage!, line, warningOffset, lineNumber, source, ProblemSeverity.Warning);
            }

            return PaperReadItem.FromPaper(paper);
        }
        catch (JsonException ex)
        {
            return PaperReadItem.FromProblem(Problem(
                "PM1070",
                "The line is not valid JSON: " + JsonErrors.Describe(ex),
                line,
                ex.BytePositionInLine ?? -1,
                lineNumber,
                source));
        }
        catch (RecordException ex)
        {
            return PaperReadItem.FromProblem(Problem(ex.Code, ex.Message, line, ex.Offset, lineNumber, source));
        }
    }

    private static ParseProblem Problem(
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
