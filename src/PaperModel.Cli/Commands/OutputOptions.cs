using System.CommandLine;
using System.CommandLine.Parsing;
using PaperModel.Cli.Output;

namespace PaperModel.Cli.Commands;

/// <summary>
/// Where a command writes: <c>-o/--out &lt;file&gt;</c> (<c>-</c> or none: standard output; a name ending in <c>.gz</c>
/// is compressed) and <c>--width &lt;columns&gt;</c> for tables. Every command takes these; commands with several
/// output kinds use <see cref="OutputOptions{TKind}"/>, which adds <c>--as &lt;kind&gt;</c>.
/// </summary>
internal class OutputOptions
{
    /// <summary><c>-o</c>, <c>--out &lt;file&gt;</c>.</summary>
    public Option<string> Out { get; } = new("--out", "-o")
    {
        Description = "The file to write ('-' or none: standard output). A name ending in .gz is gzip-compressed.",
        HelpName = "file",
    };

    /// <summary><c>--width &lt;columns&gt;</c>.</summary>
    public Option<int?> Width { get; } = new("--width")
    {
        Description = "Cut tables to this many columns. Default: the terminal's width; nothing is cut when the output is not a terminal.",
        HelpName = "columns",
        CustomParser = static result => CommonOptions.ParseInt(result, "--width", 20, 10_000),
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        AddKindOptions(command);
        command.Options.Add(Width);
    }

    /// <summary>Adds the options that choose the output kind, if the command has several.</summary>
    protected virtual void AddKindOptions(Command command)
    {
    }

    /// <summary>
    /// Opens the output the command line names, writing a plain error (<c>papers: error: cannot write 'x': it is a
    /// directory, not a file.</c>) and returning <see langword="null"/> when it cannot be created.
    /// </summary>
    public OutputTarget? Open(ParseResult parseResult, CliContext context) => Open(OutPath(parseResult, context), parseResult, context);

    /// <summary>The <c>--out</c> path, or <see langword="null"/> for standard output.</summary>
    protected virtual string? OutPath(ParseResult parseResult, CliContext context) =>
        parseResult.GetValue(Out) is { Length: > 0 } path && path != InputReader.StandardInput ? path : null;

    /// <summary>Opens standard output or the file.</summary>
    protected OutputTarget? Open(string? path, ParseResult parseResult, CliContext context)
    {
        var width = parseResult.GetValue(Width);
        if (path is null)
        {
            return OutputTarget.StandardOutput(context, width);
        }

        if (OutputTarget.TryCreateFile(path, width, out var reason) is { } target)
        {
            return target;
        }

        context.Error.WriteLine($"papers: error: cannot write '{path}': {reason}.");
        return null;
    }
}

/// <summary>
/// <see cref="OutputOptions"/> plus the output kind, <c>--as &lt;kind&gt;</c>, whose values are the lower-case names of
/// <typeparamref name="TKind"/>. Until the next release, the old spellings still work with a warning:
/// <c>--output &lt;kind&gt;</c>, and <c>-o &lt;kind&gt;</c> where the value is a kind's name.
/// </summary>
/// <typeparam name="TKind">The output kinds.</typeparam>
internal sealed class OutputOptions<TKind> : OutputOptions
    where TKind : struct, Enum
{
    private static readonly string[] Names = [.. Enum.GetValues<TKind>().Select(NameOf)];

    private readonly bool _acceptsOldSpellings;

    /// <summary>Creates the options.</summary>
    /// <param name="defaultKind">The kind without <c>--as</c>.</param>
    /// <param name="description">What each kind prints.</param>
    /// <param name="acceptsOldSpellings">Whether the command used to take its kind as <c>-o/--output &lt;kind&gt;</c>.</param>
    public OutputOptions(TKind defaultKind, string description, bool acceptsOldSpellings = true)
    {
        _acceptsOldSpellings = acceptsOldSpellings;
        var defaultName = NameOf(defaultKind);
        As = new Option<string>("--as")
        {
            Description = description,
            HelpName = string.Join('|', Names),
            DefaultValueFactory = _ => defaultName,
            CustomParser = static result => ParseKind(result, "--as"),
        };
        DeprecatedOutput = new Option<string?>("--output")
        {
            Description = "Deprecated: use --as.",
            Hidden = true,
            CustomParser = static result => ParseKind(result, "--output"),
        };
    }

    /// <summary><c>--as &lt;kind&gt;</c>.</summary>
    public Option<string> As { get; }

    /// <summary>The old <c>--output &lt;kind&gt;</c>, hidden from help.</summary>
    public Option<string?> DeprecatedOutput { get; }

    /// <summary>The lower-case name of a kind, as users type it.</summary>
    public static string NameOf(TKind kind) => kind.ToString().ToLowerInvariant();

    /// <inheritdoc/>
    protected override void AddKindOptions(Command command)
    {
        command.Options.Add(As);
        if (_acceptsOldSpellings)
        {
            command.Options.Add(DeprecatedOutput);
        }
    }

    /// <summary>The output kind, warning on standard error when it was given with an old spelling.</summary>
    public TKind GetKind(ParseResult parseResult, CliContext context)
    {
        if (parseResult.GetResult(As) is { Implicit: false } || !_acceptsOldSpellings)
        {
            return KindOf(parseResult.GetValue(As));
        }

        if (parseResult.GetValue(DeprecatedOutput) is { } old)
        {
            context.Error.WriteLine($"papers: warning: '--output {old}' is deprecated and will be removed in the next release; write '--as {old}'.");
            return KindOf(old);
        }

        if (OldKindInOut(parseResult) is { } name)
        {
            context.Error.WriteLine($"papers: warning: '-o {name}' for the output kind is deprecated and will be removed in the next release; write '--as {name}' (-o names the output file; write './{name}' for a file of that name).");
            return KindOf(name);
        }

        return KindOf(parseResult.GetValue(As));
    }

    /// <inheritdoc/>
    protected override string? OutPath(ParseResult parseResult, CliContext context) =>
        parseResult.GetResult(As) is { Implicit: true } && parseResult.GetValue(DeprecatedOutput) is null && OldKindInOut(parseResult) is not null
            ? null
            : base.OutPath(parseResult, context);

    // "-o jsonl" as the old commands meant it: the value is exactly a kind's name.
    private string? OldKindInOut(ParseResult parseResult) =>
        _acceptsOldSpellings && parseResult.GetValue(Out) is { } value && Names.FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? name
            : null;

    private static TKind KindOf(string? name) => Enum.GetValues<TKind>()[Math.Max(0, Array.IndexOf(Names, name))];

    private static string? ParseKind(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return name;
        }

        result.AddError($"'{text}' is not a value of {option}; use {CommonOptions.OneOf(Names)}.");
        return null;
    }
}
