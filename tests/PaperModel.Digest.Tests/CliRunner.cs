using PaperModel.Cli;

namespace PaperModel.Digest.Tests;

/// <summary>Runs <c>papers</c> in this process against string writers and a given environment.</summary>
internal static class CliRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(Stream.Null, stdout, stderr) { GetEnvironmentVariable = name => environment?.GetValueOrDefault(name) };
        var exit = PapersCommand.Run(args, context);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
