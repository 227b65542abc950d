namespace PaperModel.Cli;

/// <summary>What a command reads from and writes to: standard input, output and error, and the output width.</summary>
/// <param name="Input">Standard input, read when a file argument is <c>-</c>.</param>
/// <param name="Output">Standard output: papers and results.</param>
/// <param name="Error">Standard error: problems and usage errors.</param>
internal sealed record CliContext(Stream Input, TextWriter Output, TextWriter Error)
{
    /// <summary>The width of the terminal, for tables; <see langword="null"/> when standard output is not a terminal (nothing is cut).</summary>
    public int? Width { get; init; }

    /// <summary>Whether standard error is a terminal (a person watching): only then is progress shown.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Whether standard output is a terminal that shows colour (and <c>NO_COLOR</c> is not set).</summary>
    public bool OutputColor { get; init; }

    /// <summary>The clock of progress reports; tests pass their own.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Reads an environment variable (credentials come only from there); tests pass their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
