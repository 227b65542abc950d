using System.CommandLine;
using System.CommandLine.Invocation;
using PaperModel.Cli.Commands;

namespace PaperModel.Cli;

/// <summary>The root of the <c>papers</c> command: parses the command line and runs one command.</summary>
internal static class PapersCommand
{
    /// <summary>Runs the command line against the given console, in process. Never throws.</summary>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliContext(stdin, stdout, stderr));

    /// <summary>Runs the command line against the given console, in process. Never throws.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = CreateRoot(context);
        ParseResult parseResult;
        try
        {
            parseResult = root.Parse(args);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Error.WriteLine($"papers: error: the command line cannot be parsed: {ex.Message}");
            return ExitCodes.Usage;
        }

        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                context.Error.WriteLine($"papers: error: {error.Message}");
            }

            var command = parseResult.CommandResult.Command;
            var helpCommand = command == root ? "papers --help" : $"papers {command.Name} --help";
            context.Error.WriteLine($"Run '{helpCommand}' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            var exitCode = parseResult.Invoke(new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
            context.Output.Flush();
            return exitCode;
        }
        catch (IOException ex) when (ExitCodes.IsClosedPipe(ex))
        {
            // Whoever read the output has all they wanted (papers read x | head): stop quietly.
            return ExitCodes.ClosedPipe;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Readers report bad input as problems; what gets here is an environment failure (a full disk, no access).
            context.Error.WriteLine($"papers: error: the output cannot be written: {ex.Message}");
            return ExitCodes.Problems;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Error.WriteLine($"papers: internal error: {ex.GetType().Name}: {ex.Message} This is a bug in papers; please report it with the input that caused it.");
            return ExitCodes.Problems;
        }
        finally
        {
            context.Error.Flush();
        }
    }

    private static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("Read, convert and classify research-paper listings (Hugging Face Daily Papers, arXiv).");

        // One class per command under Commands/; add new commands here.
        root.Subcommands.Add(ReadCommand.Create(context));
        root.Subcommands.Add(ReadCommand.CreateConvert(context));
        root.Subcommands.Add(ClassifyCommand.Create(context));
        root.Subcommands.Add(TopicsCommand.Create(context));
        root.Subcommands.Add(DigestCommand.Create(context));
        root.Subcommands.Add(FetchCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        return root;
    }
}
