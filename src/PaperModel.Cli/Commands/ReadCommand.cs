using System.CommandLine;
using PaperModel.Cli.Output;
using PaperModel.Sources;

namespace PaperModel.Cli.Commands;

/// <summary><c>papers read &lt;files...&gt;</c>: reads listings and prints their papers.</summary>
internal static class ReadCommand
{
    public static Command Create(CliContext context)
    {
        var files = CommonOptions.Files();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var year = CommonOptions.Year();
        var command = new Command("read", "Read paper listings and print their papers.")
        {
            files,
            format,
            output,
            year,
        };

        command.SetAction(parseResult =>
        {
            var inputs = new InputReader(
                context,
                parseResult.GetValue(format) ?? PaperFormats.AutoName,
                new PaperReadOptions { Year = parseResult.GetValue(year) });
            using var writer = PaperWriter.Create(parseResult.GetValue(output), context);
            foreach (var paper in inputs.ReadPapers(parseResult.GetValue(files) ?? []))
            {
                writer.Write(paper);
            }

            writer.Complete();
            return inputs.ProblemCount == 0 ? ExitCodes.Success : ExitCodes.Problems;
        });
        return command;
    }
}
