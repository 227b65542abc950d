using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PaperModel.Digest;

/// <summary>
/// A self-contained HTML page for mail clients. The layout is nested tables with inline styles (what every client
/// keeps); the one <c>&lt;style&gt;</c> block only adds the dark scheme and narrow-screen padding for clients that
/// read it, so a client that drops it still shows the light page. No script, font, image or external resource. Every
/// string from a paper goes through <see cref="E"/> (<see cref="HtmlEncoder"/>, letters of every script kept as they are).
/// </summary>
/// <remarks>
/// The markup is C# raw string literals, one per element, with named style constants (<see cref="HtmlDigestStyles"/>):
/// the page reads like HTML, the compiler checks every value, and nothing is rendered by reflection, so the renderer
/// stays trimming- and AOT-safe and needs no template engine at run time.
/// </remarks>
internal sealed class HtmlDigestRenderer : DigestRenderer
{
    /// <summary>Encodes markup characters, controls and unpaired surrogates; letters of every script stay readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public override string MediaType => "text/html";

    public override string FileExtension => ".html";

    private protected override void Write(PaperDigest digest, TextWriter w)
    {
        var dates = Dates(digest);
        w.Write($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="supported-color-schemes" content="light dark">
            <title>{E(digest.Title)}</title>
            <style>{HtmlDigestStyles.Sheet}</style>
            </head>
            <body class="pm-bg" style="{HtmlDigestStyles.Body}">
            <table role="presentation" class="pm-bg" width="100%" cellpadding="0" cellspacing="0" border="0" style="{HtmlDigestStyles.Page}">
            <tr><td align="center" class="pm-outer" style="{HtmlDigestStyles.Outer}">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="{HtmlDigestStyles.Column}">
            <tr><td class="pm-pad" style="{HtmlDigestStyles.Header}">
            <p class="pm-muted" style="{HtmlDigestStyles.Kicker}">Paper digest{(dates.Length > 0 ? " · " + E(dates) : string.Empty)}</p>
            <h1 class="pm-text pm-h1" style="{HtmlDigestStyles.Title}">{E(digest.Title)}</h1>
            <p class="pm-muted" style="{HtmlDigestStyles.Summary}">{E(Summary(digest))}</p>

            """);
        if (!digest.IsEmpty)
        {
            w.Write($"""<p class="pm-contents" style="{HtmlDigestStyles.Contents}">""");
            foreach (var section in digest.Sections)
            {
                w.Write($"""<a href="#{Anchor(section)}" class="pm-chip pm-toc" style="{HtmlDigestStyles.ContentsChip}">{E(section.Topic.Name)}&nbsp;<span style="{HtmlDigestStyles.ContentsCount}">{section.Entries.Count}</span></a> """);
            }

            w.Write("</p>\n");
        }

        w.Write("</td></tr>\n");
        foreach (var section in digest.Sections)
        {
            WriteSection(w, section);
        }

        w.Write($"""
            <tr><td class="pm-pad pm-muted" style="{HtmlDigestStyles.Footer}">Ranked by topic score, then upvotes and date. Highlighted words are the phrases that matched the topic.</td></tr>
            </table>
            </td></tr>
            </table>
            </body>
            </html>

            """);
    }

    private static void WriteSection(TextWriter w, DigestSection section)
    {
        w.Write($"""
            <tr><td style="{HtmlDigestStyles.SectionGap}">
            <table role="presentation" class="pm-card" width="100%" cellpadding="0" cellspacing="0" border="0" style="{HtmlDigestStyles.Card}">
            <tr><td class="pm-pad" style="{HtmlDigestStyles.SectionHead}">
            <h2 id="{Anchor(section)}" class="pm-text" style="{HtmlDigestStyles.SectionTitle}">{E(section.Heading)} <span class="pm-count" style="{HtmlDigestStyles.Count}">{E(Count(section.Entries.Count, "paper"))}</span></h2>
            </td></tr>

            """);
        foreach (var entry in section.Entries)
        {
            WriteEntry(w, entry);
        }

        w.Write("</table>\n</td></tr>\n");
    }

    private static void WriteEntry(TextWriter w, DigestEntry entry)
    {
        w.Write($"""
            <tr><td class="pm-pad pm-rule" style="{HtmlDigestStyles.Entry}">
            <h3 style="{HtmlDigestStyles.PaperTitle}"><a href="{E(entry.Paper.Links[0].Url.AbsoluteUri)}" class="pm-link" style="{HtmlDigestStyles.PaperLink}">{Runs(entry.Paper.TitleRuns)}</a></h3>
            <p class="pm-muted" style="{HtmlDigestStyles.Facts}">{E(string.Join(" · ", Facts(entry)))}</p>

            """);
        if (entry.Paper.Snippet.Count > 0)
        {
            w.Write($"""<p class="pm-text2" style="{HtmlDigestStyles.Snippet}">{Runs(entry.Paper.Snippet)}</p>""" + "\n");
        }

        w.Write($"""<p style="{HtmlDigestStyles.Footnote}">""");
        foreach (var phrase in entry.Evidence)
        {
            w.Write($"""<span class="pm-chip" style="{HtmlDigestStyles.Chip}">{E(phrase)}</span> """);
        }

        var first = true;
        foreach (var link in entry.Paper.Links)
        {
            w.Write($"""{(first ? "&nbsp;" : " · ")}<a href="{E(link.Url.AbsoluteUri)}" class="pm-link" style="{HtmlDigestStyles.Link}">{E(link.Label)}</a>""");
            first = false;
        }

        w.Write("</p>\n</td></tr>\n");
    }

    private static string Runs(IReadOnlyList<DigestRun> runs) =>
        string.Concat(runs.Select(static r => r.IsEvidence
            ? $"""<mark class="pm-mark" style="{HtmlDigestStyles.Mark}">{E(r.Text)}</mark>"""
            : E(r.Text)));

    private static string Anchor(DigestSection section) => "topic-" + E(section.Topic.Id);

    /// <summary>HTML-encodes text from a paper (and anything else not written here).</summary>
    private static string E(string text) => Encoder.Encode(text);
}
