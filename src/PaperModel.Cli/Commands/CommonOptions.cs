using System.CommandLine;
using PaperModel.Cli.Output;
using PaperModel.Formats;

namespace PaperModel.Cli.Commands;

/// <summary>The arguments and options that several commands share, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The <c>--format</c> value that asks for the format to be detected from the input.</summary>
    public const string AutoFormat = "auto";

    /// <summary>The <c>--format</c> values: <c>auto</c> and the name of every format.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = [AutoFormat, .. PaperFormats.All.Select(static f => f.Name)];

    /// <summary>The input files; <c>-</c> is standard input.</summary>
    public static Argument<string[]> Files()
    {
        var argument = new Argument<string[]>("files")
        {
            Description = "Files to read; '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };

        // Unknown options would otherwise be taken for file names ("--ouput json" reading a file "--ouput").
        argument.Validators.Add(static result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value.Length > 1 && value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{value}' (write ./{value} for a file of that name).");
                }
            }
        });
        return argument;
    }

    /// <summary><c>--format</c>: the input format, or <c>auto</c> to detect it.</summary>
    public static Option<string> Format()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "The input format: " + string.Join(", ", FormatNames) + ".",
            DefaultValueFactory = static _ => AutoFormat,
            HelpName = "format",
        };
        option.AcceptOnlyFromAmong([.. FormatNames]);
        return option;
    }

    /// <summary><c>--output</c>: how papers are printed.</summary>
    public static Option<OutputKind> Output() => new("--output", "-o")
    {
        Description = "How to print papers: table (for people), jsonl (one JSON object per line) or json (one array).",
        DefaultValueFactory = static _ => OutputKind.Table,
        HelpName = "table|jsonl|json",
    };

    /// <summary><c>--year</c>: the year of dates that the input shows without one.</summary>
    public static Option<int?> Year()
    {
        var option = new Option<int?>("--year")
        {
            Description = "The year of dates shown without one (the Daily Papers page shows 'Jul 30'); default: the latest such day up to today.",
            HelpName = "year",
        };
        option.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int?>() is { } year && year is < 1991 or > 9999)
            {
                result.AddError($"--year {year} is not a plausible year (1991-9999).");
            }
        });
        return option;
    }
}

/// <summary>The inputs every reading command takes (files, <c>--format</c>, <c>--year</c>) and the reader they configure.</summary>
internal sealed class InputOptions
{
    public Argument<string[]> Files { get; } = CommonOptions.Files();

    public Option<string> Format { get; } = CommonOptions.Format();

    public Option<int?> Year { get; } = CommonOptions.Year();

    /// <summary>A reader for the parsed format and year.</summary>
    public InputReader CreateReader(ParseResult parseResult, CliContext context) =>
        new(context, parseResult.GetValue(Format) ?? CommonOptions.AutoFormat, new PaperReadOptions { Year = parseResult.GetValue(Year) });

    /// <summary>The parsed file names.</summary>
    public string[] GetFiles(ParseResult parseResult) => parseResult.GetValue(Files) ?? [];
}
