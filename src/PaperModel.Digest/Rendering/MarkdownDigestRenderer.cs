using System.Text;

namespace PaperModel.Digest;

/// <summary>GitHub-flavoured Markdown; paper text is backslash-escaped so it never becomes markup, HTML or math.</summary>
internal sealed class MarkdownDigestRenderer : DigestRenderer
{
    /// <summary>The ASCII punctuation that GitHub-flavoured Markdown could read as markup, an entity, HTML or math.</summary>
    private const string Special = "\\`*_[]<>&|~$#!";

    public override string MediaType => "text/markdown";

    public override string FileExtension => ".md";

    private protected override void Write(PaperDigest digest, TextWriter writer)
    {
        writer.WriteLine("# " + Escape(digest.Title));
        writer.WriteLine();
        var dates = Dates(digest);
        writer.WriteLine("*" + Summary(digest) + (dates.Length > 0 ? " · " + dates : string.Empty) + "*");
        foreach (var section in digest.Sections)
        {
            writer.WriteLine();
            writer.WriteLine($"## {Escape(section.Heading)} ({section.Entries.Count})");
            foreach (var entry in section.Entries)
            {
                writer.WriteLine();
                writer.WriteLine($"### [{Escape(entry.Paper.Title)}]({entry.Paper.Links[0].Url.AbsoluteUri})");
                writer.WriteLine();
                writer.WriteLine(Escape(string.Join(" · ", Facts(entry))));
                if (entry.Paper.Snippet.Count > 0)
                {
                    writer.WriteLine();
                    writer.WriteLine("> " + Runs(entry.Paper.Snippet));
                }

                writer.WriteLine();
                var matched = string.Join(", ", entry.Evidence.Select(static p => "**" + Escape(p) + "**"));
                var links = string.Join(" · ", entry.Paper.Links.Select(static l => $"[{l.Label}]({l.Url.AbsoluteUri})"));
                writer.WriteLine($"Matched: {matched} · {links}");
            }
        }
    }

    private static string Runs(IReadOnlyList<DigestRun> runs)
    {
        var text = new StringBuilder();
        foreach (var run in runs)
        {
            text.Append(run.IsEvidence ? "**" + Escape(run.Text) + "**" : Escape(run.Text));
        }

        return text.ToString();
    }

    /// <summary>Backslash-escapes markup characters and folds line breaks, so the text stays one paragraph of plain words.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }

            if (Special.IndexOf(c) >= 0)
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
