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
    /// <param name="formatName">A name from <see cref="CommonOptions.FormatNames"/> (the command line validated it).</param>
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
    public IEnumerable<Paper> ReadPapers(IEnumerable<string> files) => ReadPapers(files, static paper => paper);

    /// <summary>
    /// Streams the papers of every file through a transform on every core, in one parallel pass
    /// (<see cref="PaperReader.SelectFileInParallel"/>): each file is split into records on one thread, batches of
    /// records are mapped and their papers transformed on the others, and the results come back in input order, each
    /// problem written to standard error when the results before it have been given. Reading stops after
    /// <see cref="Limit"/> papers; progress is drawn as the results come back, so it never mixes with problems.
    /// </summary>
    /// <param name="files">The files, in order.</param>
    /// <param name="transform">What to do with each paper (thread-safe, free of side effects: the papers read ahead of
    /// the limit are transformed too): classify it, for instance.</param>
    public IEnumerable<TResult> ReadPapers<TResult>(IEnumerable<string> files, Func<Paper, TResult> transform)
    {
        var list = files.ToList();
        Progress?.Start(list.Where(static f => f != StandardInput).Sum(static f => File.Exists(f) ? new FileInfo(f).Length : 0));
        Func<PaperReadItem, Step<TResult>> select = item => item.Paper is { } paper ? new(transform(paper), null) : new(default!, item.Problem);
        var count = 0;
        var done = 0L;
        try
        {
            foreach (var file in list)
            {
                using var stream = Open(file);
                foreach (var step in Read(file, stream, select))
                {
                    if (step.Problem is { } problem)
                    {
                        ProblemCount++;
                        Progress?.Clear();
                        _context.Error.WriteLine(problem.ToString());
                        continue;
                    }

                    Progress?.Paper(done + (stream?.Position ?? 0));
                    yield return step.Result;
                    if (++count == Limit)
                    {
                        yield break;
                    }
                }

                done += stream?.Length ?? 0;
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

    // The records are split on one thread, then mapped and transformed on the others (ReadPapers).
    private IEnumerable<Step<TResult>> Read<TResult>(string file, FileStream? stream, Func<PaperReadItem, Step<TResult>> select) =>
        file == StandardInput
            ? PaperReader.SelectInParallel(_context.Input, select, _format, _options with { SourceName = StandardInputName })
            : stream is not null
                ? PaperReader.SelectInParallel(stream, select, _format, _options with { SourceName = file })
                : PaperReader.SelectFileInParallel(file, select, _format, _options with { SourceName = file });

    /// <summary>A transformed paper, or a problem.</summary>
    private readonly record struct Step<TResult>(TResult Result, ParseProblem? Problem);
}
