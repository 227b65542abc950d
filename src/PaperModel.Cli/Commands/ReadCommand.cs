using System.CommandLine;
using PaperModel.Cli.Output;

namespace PaperModel.Cli.Commands;

/// <summary>
/// <c>papers read &lt;files...&gt;</c>: reads listings and prints their papers; and <c>papers convert</c>, the same
/// command printing JSON Lines unless told otherwise (<c>papers read --as jsonl</c>).
/// </summary>
internal static class ReadCommand
{
    public static Command Create(CliContext context) =>
        Create(context, "read", "Read paper listings and print their papers.", OutputKind.Table, acceptsOldSpellings: true);

    /// <summary><c>papers convert</c>: <c>papers read --as jsonl</c>, the library's lossless JSON Lines.</summary>
    public static Command CreateConvert(CliContext context) =>
        Create(context, "convert", "Convert paper listings in any format to JSON Lines, one paper per line (papers read --as jsonl).", OutputKind.Jsonl, acceptsOldSpellings: false);

    private static Command Create(CliContext context, string name, string description, OutputKind defaultKind, bool acceptsOldSpellings)
    {
        var inputs = new InputOptions();
        var output = new OutputOptions<OutputKind>(
            defaultKind,
            "How to print papers: table (for people), jsonl (one JSON object per line, the library's lossless shape) or json (one array).",
            acceptsOldSpellings);
        var merge = new Option<bool>("--merge")
        {
            Description = "Merge records of the same paper (same arXiv id without version) from all inputs into one. Holds every paper in memory.",
        };
        var command = new Command(name, description)
        {
            inputs.Files,
            inputs.Format,
            inputs.Year,
            inputs.Limit,
            inputs.Quiet,
            merge,
        };
        output.AddTo(command);

        command.SetAction(parseResult =>
        {
            var kind = output.GetKind(parseResult, context);
            using var target = output.Open(parseResult, context);
            if (target is null)
            {
                return ExitCodes.Problems;
            }

            var reader = inputs.CreateReader(parseResult, context);
            using var writer = PaperWriter.Create(kind, target);
            if (writer is JsonPaperWriter { WritesLines: true } lines && !parseResult.GetValue(merge))
            {
                // JSON Lines records are serialised by the workers that map the records, and only copied out here, in order.
                foreach (var line in reader.ReadPapers(inputs.GetFiles(parseResult), static paper => JsonPaperWriter.SerializeLine(paper, null)))
                {
                    lines.WriteLine(line);
                }
            }
            else
            {
                var papers = reader.ReadPapers(inputs.GetFiles(parseResult));
                foreach (var paper in parseResult.GetValue(merge) ? PaperMerger.Merge(papers) : papers)
                {
                    writer.Write(paper);
                }
            }

            writer.Complete();
            return reader.ProblemCount == 0 ? ExitCodes.Success : ExitCodes.Problems;
        });
        return command;
    }
}
