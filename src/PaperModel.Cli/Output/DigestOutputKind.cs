namespace PaperModel.Cli.Output;

/// <summary>What <c>papers digest</c> writes (<c>--as</c>, else the extension of <c>--out</c>).</summary>
internal enum DigestOutputKind
{
    /// <summary>Plain text wrapped at 78 columns.</summary>
    Text,

    /// <summary>GitHub-flavoured Markdown.</summary>
    Markdown,

    /// <summary>One self-contained HTML page that mail clients show.</summary>
    Html,

    /// <summary>A complete mail message (text and HTML parts), as an <c>.eml</c> file.</summary>
    Eml,
}
