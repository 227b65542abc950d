namespace PaperModel.Cli.Output;

/// <summary>How a command prints papers (<c>--output</c>).</summary>
internal enum OutputKind
{
    /// <summary>An aligned table for people: id, date and title cut to the terminal width.</summary>
    Table,

    /// <summary>JSON Lines: one paper object per line, the library's JSON shape.</summary>
    Jsonl,

    /// <summary>One indented JSON array of paper objects.</summary>
    Json,
}
