namespace PaperModel.Cli;

/// <summary>The root of the <c>papers</c> command.</summary>
internal static class PapersCommand
{
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("papers: no commands yet.");
        return 2;
    }
}
