using System.CommandLine;
using PaperModel.Cli.Output;
using PaperModel.Formats;

namespace PaperModel.Cli.Commands;

/// <summary>The arguments and options that several commands share, so they read the same everywhere.</summary>
internal static class CommonOptions
{
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
            Description = "The input format: " + string.Join(", ", PaperFormats.Names) + ".",
            DefaultValueFactory = static _ => PaperFormats.AutoName,
            HelpName = "format",
        };
        option.AcceptOnlyFromAmong([.. PaperFormats.Names]);
        return option;
    }

    /// <summary><c>--output</c>: how papers are printed.</summary>
    public static Option<OutputKind> Output() => new("--output", "-o")
    {
        Description = "How to print papers: table (for people), jsonl (one JSON object per line) or json (one array).",
        DefaultValueFactory = static _ => OutputKind.Table,
        HelpName = "table|jsonl|json",
    };

    /// <summary><c>--limit</c>: stop after reading this many papers.</summary>
    public static Option<int?> Limit()
    {
        var option = new Option<int?>("--limit")
        {
            Description = "Stop after reading this many papers (try a command on the start of a large input).",
            HelpName = "n",
        };
        option.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && value < 1)
            {
                result.AddError($"--limit must be at least 1, not {value}.");
            }
        });
        return option;
    }

    /// <summary><c>--quiet</c>: no progress on standard error.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Show no progress on standard error (progress shows only at a terminal, for runs over two seconds).",
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

    /// <summary><c>--limit &lt;n&gt;</c>: stop after reading this many papers.</summary>
    public Option<int?> Limit { get; } = CommonOptions.Limit();

    /// <summary><c>--quiet</c>: no progress on standard error.</summary>
    public Option<bool> Quiet { get; } = CommonOptions.Quiet();

    /// <summary>A reader for the parsed format, year and limit, with progress when a person watches standard error.</summary>
    public InputReader CreateReader(ParseResult parseResult, CliContext context)
    {
        // A command that does not offer --limit or --quiet has no result for them.
        var limit = parseResult.GetResult(Limit) is { } l ? l.GetValueOrDefault<int?>() : null;
        var quiet = parseResult.GetResult(Quiet) is { } q && q.GetValueOrDefault<bool>();
        return new(context, parseResult.GetValue(Format) ?? PaperFormats.AutoName, new PaperReadOptions { Year = parseResult.GetValue(Year) })
        {
            Limit = limit,
            Progress = context.ErrorIsTerminal && !quiet ? new ReadProgress(context.Error, context.Time) : null,
        };
    }

    /// <summary>The parsed file names.</summary>
    public string[] GetFiles(ParseResult parseResult) => parseResult.GetValue(Files) ?? [];
}
