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
    public IEnumerable<Paper> ReadPapers(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            foreach (var item in Read(file))
            {
                if (item.Paper is { } paper)
                {
                    yield return paper;
                }
                else if (item.Problem is { } problem)
                {
                    ProblemCount++;
                    _context.Error.WriteLine(problem.ToString());
                }
            }
        }
    }

    private IEnumerable<PaperReadItem> Read(string file) =>
        file == StandardInput
            ? PaperReader.Enumerate(_context.Input, _format, _options with { SourceName = StandardInputName })
            : PaperReader.EnumerateFile(file, _format, _options with { SourceName = file });
}
