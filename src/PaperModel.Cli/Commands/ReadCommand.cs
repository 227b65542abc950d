using System.CommandLine;
using PaperModel.Cli.Output;

namespace PaperModel.Cli.Commands;

/// <summary><c>papers read &lt;files...&gt;</c>: reads listings and prints their papers.</summary>
internal static class ReadCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        var output = CommonOptions.Output();
        var command = new Command("read", "Read paper listings and print their papers.")
        {
            inputs.Files,
            inputs.Format,
            output,
            inputs.Year,
            inputs.Limit,
            inputs.Quiet,
        };

        command.SetAction(parseResult =>
        {
            var reader = inputs.CreateReader(parseResult, context);
            using var writer = PaperWriter.Create(parseResult.GetValue(output), context);
            foreach (var paper in reader.ReadPapers(inputs.GetFiles(parseResult)))
            {
                writer.Write(paper);
            }

            writer.Complete();
            return reader.ProblemCount == 0 ? ExitCodes.Success : ExitCodes.Problems;
        });
        return command;
    }
}
