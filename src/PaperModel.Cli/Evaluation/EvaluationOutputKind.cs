namespace PaperModel.Cli.Evaluation;

/// <summary>How <c>papers evaluate</c> prints its report (<c>--output</c>).</summary>
internal enum EvaluationOutputKind
{
    /// <summary>Aligned text for a terminal.</summary>
    Table,

    /// <summary>Markdown: a table of the figures and lists of the mistakes.</summary>
    Markdown,

    /// <summary>One indented JSON object.</summary>
    Json,
}
