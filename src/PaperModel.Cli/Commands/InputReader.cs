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

    /// <summary>Streams the papers of every file, writing problems as they come.</summary>
    public IEnumerable<Paper> ReadPapers(IEnumerable<string> files) => ReadPapers(files, static paper => paper);

    /// <summary>
    /// Streams the papers of every file through a transform on every core (<see cref="ParallelPipeline"/>): the files
    /// are read on one thread, batches of papers are transformed on the others, and the results come back in input
    /// order, each problem written to standard error when the results before it have been given.
    /// </summary>
    /// <param name="files">The files, in order.</param>
    /// <param name="transform">What to do with each paper (thread-safe): classify it, for instance.</param>
    public IEnumerable<TResult> ReadPapers<TResult>(IEnumerable<string> files, Func<Paper, TResult> transform)
    {
        var items = files.SelectMany(Read).SelectInOrder(item => item.Paper is { } paper ? new Step<TResult>(transform(paper), null) : new Step<TResult>(default!, item.Problem));
        foreach (var step in items)
        {
            if (step.Problem is { } problem)
            {
                ProblemCount++;
                _context.Error.WriteLine(problem.ToString());
            }
            else
            {
                yield return step.Result;
            }
        }
    }

    private IEnumerable<PaperReadItem> Read(string file) =>
        file == StandardInput
            ? PaperReader.Enumerate(_context.Input, _format, _options with { SourceName = StandardInputName })
            : PaperReader.EnumerateFile(file, _format, _options with { SourceName = file });

    /// <summary>A transformed paper, or a problem.</summary>
    private readonly record struct Step<TResult>(TResult Result, ParseProblem? Problem);
}
