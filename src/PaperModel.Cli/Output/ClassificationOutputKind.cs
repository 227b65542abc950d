namespace PaperModel.Cli.Output;

/// <summary>How <c>papers classify</c> prints classified papers (<c>--output</c>).</summary>
internal enum ClassificationOutputKind
{
    /// <summary>An aligned table for people: title and the most specific assigned topics with their scores.</summary>
    Table,

    /// <summary>JSON Lines: the paper's JSON plus a <c>topics</c> array, one paper per line.</summary>
    Jsonl,

    /// <summary>One indented JSON array of the same objects as <see cref="Jsonl"/>.</summary>
    Json,

    /// <summary>CSV (RFC 4180): one row per paper and assigned topic.</summary>
    Csv,

    /// <summary>A Markdown table: paper, topics with scores and the phrases that matched.</summary>
    Markdown,
}
