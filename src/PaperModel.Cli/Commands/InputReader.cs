using PaperModel.Formats;

namespace PaperModel.Cli.Commands;

/// <summary>
/// Reads the input files of a command in order, streaming papers out and writing every problem to standard error as
/// <c>file(line,col): error PM1xxx: message</c> as soon as it is found.
/// </summary>
internal sealed class InputReader
{
    /// <summary>The file argument that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>How problems name standard input.</summary>
    public const string StandardInputName = "<stdin>";

    private readonly CliContext _context;
    private readonly PaperFormat? _format;
    private readonly PaperReadOptions _options;

    /// <summary>Creates a reader.</summary>
    /// <param name="context">The console.</param>
    /// <param name="formatName">A name from <see cref="PaperFormats.Names"/> (the command line validated it).</param>
    /// <param name="options">Options for every file; the source name is set per file.</param>
    public InputReader(CliContext context, string formatName, PaperReadOptions options)
    {
        _context = context;
        _format = PaperFormats.TryGet(formatName, out var format) ? format : null;
        _options = options;
    }

    /// <summary>The number of problems written so far.</summary>
    public int ProblemCount { get; private set; }

    /// <summary>Stop after this many papers; <see langword="null"/>: read everything.</summary>
    public int? Limit { get; init; }

    /// <summary>The progress line on standard error, or <see langword="null"/> for none.</summary>
    public ReadProgress? Progress { get; init; }

    /// <summary>Streams the papers of every file, writing problems as they come.</summary>
    public IEnumerable<Paper> ReadPapers(IReadOnlyList<string> files)
    {
        Progress?.Start(files.Where(static f => f != StandardInput).Sum(static f => File.Exists(f) ? new FileInfo(f).Length : 0));
        var count = 0;
        try
        {
            foreach (var file in files)
            {
                using var stream = Open(file);
                foreach (var item in Read(file, stream))
                {
                    if (item.Paper is { } paper)
                    {
                        Progress?.Paper(stream?.Position ?? 0);
                        yield return paper;
                        if (++count == Limit)
                        {
                            yield break;
                        }
                    }
                    else if (item.Problem is { } problem)
                    {
                        ProblemCount++;
                        Progress?.Clear();
                        _context.Error.WriteLine(problem.ToString());
                    }
                }

                Progress?.FileDone(stream?.Length ?? 0);
            }
        }
        finally
        {
            Progress?.Clear();
        }
    }

    /// <summary>Opens a file to read it through its stream, so progress knows the position; <see langword="null"/> for standard input or a file that cannot be opened (the reader then reports why).</summary>
    private FileStream? Open(string file)
    {
        if (Progress is null || file == StandardInput)
        {
            return null;
        }

        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private IEnumerable<PaperReadItem> Read(string file, FileStream? stream) =>
        file == StandardInput
            ? PaperReader.Enumerate(_context.Input, _format, _options with { SourceName = StandardInputName })
            : stream is not null
                ? PaperReader.Enumerate(stream, _format, _options with { SourceName = file })
                : PaperReader.EnumerateFile(file, _format, _options with { SourceName = file });
}
