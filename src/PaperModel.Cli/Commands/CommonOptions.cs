using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
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
        return new Option<int?>("--year")
        {
            Description = "The year of dates shown without one (the Daily Papers page shows 'Jul 30'); default: the latest such day up to today.",
            HelpName = "year",
            CustomParser = static result => ParseInt(result, "--year", 1991, 9999),
        };
    }

    /// <summary><c>--topic</c>: topic ids, repeated (<c>--topic a --topic b</c>) or listed (<c>--topic a,b</c>, <c>--topic a b</c>).</summary>
    public static Option<string[]> Topics(string description) => new("--topic")
    {
        Description = description,
        HelpName = "id",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = static result => [.. result.Tokens
            .SelectMany(static t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
    };

    /// <summary>Parses a whole number between two bounds, with a message in plain words (not a .NET type name).</summary>
    public static int? ParseInt(ArgumentResult result, string option, int min, int max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            result.AddError($"{option} takes a whole number from {min} to {max}, not '{text}'.");
            return null;
        }

        return value;
    }

    /// <summary>Parses a number between two bounds (<c>0.5</c>), with a message in plain words.</summary>
    public static double ParseNumber(ArgumentResult result, string option, double min, double max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= min && value <= max))
        {
            result.AddError($"{option} takes a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'.");
            return min;
        }

        return value;
    }

    /// <summary>A list of choices as a sentence ends it: <c>table, jsonl or json</c>.</summary>
    public static string OneOf(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
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
        return new(context, parseResult.GetValue(Format) ?? CommonOptions.AutoFormat, new PaperReadOptions { Year = parseResult.GetValue(Year) })
        {
            Limit = limit,
            Progress = context.ErrorIsTerminal && !quiet ? new ReadProgress(context.Error, context.Time) : null,
        };
    }

    /// <summary>The parsed file names.</summary>
    public string[] GetFiles(ParseResult parseResult) => parseResult.GetValue(Files) ?? [];
}
