using System.CommandLine;
using System.IO.Compression;
using System.Text;
using PaperModel.Cli.Output;
using PaperModel.Serialization;

namespace PaperModel.Cli.Commands;

/// <summary>
/// <c>papers convert &lt;files...&gt; [-o out.jsonl]</c>: reads listings in any format and writes their papers as JSON Lines
/// (the library's own shape, <see cref="PaperJson.Serialize(Paper)"/>), streaming in constant memory.
/// </summary>
internal static class ConvertCommand
{
    private const int OutputBufferSize = 64 * 1024;

    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        var output = new Option<string>("--out", "-o")
        {
            Description = "The JSON Lines file to write ('-' or none: standard output). A name ending in .gz is gzip-compressed.",
            HelpName = "file",
        };
        var merge = new Option<bool>("--merge")
        {
            Description = "Merge records of the same paper (same arXiv id without version) into one, as PaperMerger does. Holds every paper in memory.",
        };
        var command = new Command("convert", "Convert paper listings in any format to JSON Lines, one paper per line.")
        {
            inputs.Files,
            inputs.Format,
            output,
            merge,
            inputs.Year,
            inputs.Limit,
            inputs.Quiet,
        };

        command.SetAction(parseResult =>
        {
            var reader = inputs.CreateReader(parseResult, context);
            var papers = reader.ReadPapers(inputs.GetFiles(parseResult));
            if (parseResult.GetValue(merge))
            {
                papers = PaperMerger.Merge(papers);
            }

            var path = parseResult.GetValue(output);
            if (string.IsNullOrEmpty(path) || path == InputReader.StandardInput)
            {
                Write(papers, context.Output);
            }
            else
            {
                using var file = new FileStream(path!, FileMode.Create, FileAccess.Write, FileShare.Read, OutputBufferSize);
                using var compressed = path!.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                    ? new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true)
                    : null;
                using var writer = new StreamWriter(compressed ?? (Stream)file, new UTF8Encoding(false), OutputBufferSize);
                Write(papers, writer);
            }

            return reader.ProblemCount == 0 ? ExitCodes.Success : ExitCodes.Problems;
        });
        return command;
    }

    private static void Write(IEnumerable<Paper> papers, TextWriter output)
    {
        using var writer = new JsonLinesPaperWriter(output);
        foreach (var paper in papers)
        {
            writer.Write(paper);
        }

        writer.Complete();
    }
}
