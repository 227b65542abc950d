namespace PaperModel.Cli.Output;

/// <summary>Prints papers one at a time as they are read, in one of the <see cref="OutputKind"/> shapes.</summary>
internal abstract class PaperWriter : IDisposable
{
    protected PaperWriter(TextWriter output)
    {
        Output = output;
    }

    /// <summary>Where the papers go.</summary>
    protected TextWriter Output { get; }

    /// <summary>Creates the writer for an output kind.</summary>
    public static PaperWriter Create(OutputKind kind, CliContext context) => kind switch
    {
        OutputKind.Jsonl => new JsonLinesPaperWriter(context.Output),
        OutputKind.Json => new JsonArrayPaperWriter(context.Output),
        _ => new TablePaperWriter(context.Output, context.Width),
    };

    /// <summary>Prints one paper.</summary>
    public abstract void Write(Paper paper);

    /// <summary>Finishes the output (closes a JSON array, prints a table's footer) after the last paper.</summary>
    public virtual void Complete() => Output.Flush();

    /// <inheritdoc/>
    public virtual void Dispose()
    {
    }
}
