using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace PaperModel.Digest.Tests;

/// <summary>The three renderers: content, structure and the escaping of everything that comes from a paper.</summary>
public sealed partial class RendererTests
{
    /// <summary>A paper whose title and abstract hold markup, entities, Markdown and TeX.</summary>
    internal static readonly Paper Hostile = TestPapers.Lora("2507.06666") with
    {
        Title = "LoRA <script>alert('x')</script> & *bold* [link](http://x) $\\alpha$-Low-Rank Adaptation &amp; <b>Über</b>",
        Abstract = "We show that <img src=x onerror=alert(1)> low-rank adaptation & \"quotes\" | pipes | beat 5 < 6 > 4 with $O(n^2)$ cost.",
        Authors = [new Author("Zoë <Evil> O'Neil")],
    };

    private static PaperDigest SampleDigest { get; } = PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Topics = TestPapers.HeadlineTopics });

    private static PaperDigest HostileDigest { get; } = PaperDigest.Create([Hostile], TestPapers.Classifier);

    [Fact]
    public void Every_form_names_every_section_with_its_count_and_every_paper()
    {
        foreach (var renderer in new[] { DigestRenderer.Markdown, DigestRenderer.PlainText, DigestRenderer.Html })
        {
            var text = Normalize(renderer == DigestRenderer.Html ? VisibleText(renderer.Render(SampleDigest)) : renderer.Render(SampleDigest).Replace("\\", string.Empty, StringComparison.Ordinal));
            foreach (var section in SampleDigest.Sections)
            {
                text.Should().Contain(Normalize(section.Heading), renderer.MediaType);
                text.Should().MatchRegex(Regex.Escape(Normalize(section.Heading)) + @" \(?" + section.Entries.Count + @"\b");
                foreach (var entry in section.Entries)
                {
                    text.Should().Contain(Normalize(entry.Paper.Title), renderer.MediaType);
                }
            }
        }
    }

    [Fact]
    public void Html_is_one_self_contained_page_without_scripts_or_external_resources()
    {
        var html = DigestRenderer.Html.Render(SampleDigest);

        var document = new HtmlParser().ParseDocument(html);
        var elements = document.All.Select(static e => e.LocalName).Distinct().ToList();
        elements.Should().BeSubsetOf(["html", "head", "meta", "title", "style", "body", "table", "tbody", "tr", "td", "p", "h1", "h2", "h3", "a", "span", "mark"]);
        document.All.SelectMany(static e => e.Attributes).Where(static a => a.Name is "src" or "srcset" || a.Name.StartsWith("on", StringComparison.Ordinal))
            .Should().BeEmpty();
        html.Should().NotContainAny("@import", "url(", "<link", "@font-face");
        document.QuerySelectorAll("a").Select(static a => a.GetAttribute("href")!)
            .Should().OnlyContain(static h => h.StartsWith("https://", StringComparison.Ordinal) || h.StartsWith("#topic-", StringComparison.Ordinal));
        document.QuerySelectorAll("table").Should().OnlyContain(static t => t.GetAttribute("role") == "presentation", "layout tables are not data tables to screen readers");
        document.QuerySelectorAll("td, p, h1, h2, h3, mark").Should().OnlyContain(static e => e.HasAttribute("style"), "mail clients keep inline styles only");
        html.Should().Contain("prefers-color-scheme: dark").And.Contain("name=\"viewport\"").And.Contain("name=\"color-scheme\"");
        document.QuerySelectorAll("p mark").Should().NotBeEmpty("evidence is highlighted in the snippets");
    }

    [Fact]
    public void Html_escapes_everything_from_a_paper()
    {
        var html = DigestRenderer.Html.Render(HostileDigest);

        var document = new HtmlParser().ParseDocument(html);
        document.All.Select(static e => e.LocalName).Should().NotContain(["script", "img", "b"], "only the renderer's own markup is markup");
        Normalize(document.QuerySelector("h3")!.TextContent).Should().Be(Normalize(Hostile.Title));
        var visible = Normalize(VisibleText(html));
        visible.Should().Contain(Normalize(Hostile.Title), "the title shows as the text it is");
        visible.Should().Contain("Zoë <Evil> O'Neil");
        visible.Should().Contain("<img src=x onerror=alert(1)>");
    }

    [Fact]
    public void Markdown_escapes_markup_and_math()
    {
        var markdown = DigestRenderer.Markdown.Render(HostileDigest);

        markdown.Should().Contain(@"LoRA \<script\>alert('x')\</script\> \& \*bold\* \[link\](http://x) \$\\alpha\$-Low-Rank Adaptation \&amp; \<b\>Über\</b\>");
        markdown.Should().Contain(@"\<img src=x onerror=alert(1)\>").And.Contain(@"\| pipes \|");
        markdown.Should().Contain("### [").And.Contain("](https://arxiv.org/abs/2507.06666)");
        markdown.Should().Contain("**low-rank adaptation**", "the matched phrase is bold in the snippet");
    }

    [Fact]
    public void Plain_text_is_wrapped_and_keeps_paper_text_as_is()
    {
        var text = DigestRenderer.PlainText.Render(SampleDigest);

        text.Split('\n').Where(static l => !l.Contains("https://", StringComparison.Ordinal)).Should().OnlyContain(static l => l.TrimEnd('\r').Length <= 78);
        DigestRenderer.PlainText.Render(HostileDigest).Should().Contain("<script>alert('x')</script>").And.Contain("*low-rank adaptation*");
    }

    /// <summary>The text a reader sees in the HTML: the body without tags, entities decoded (the style sheet and title left out).</summary>
    internal static string VisibleText(string html)
    {
        var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        return System.Net.WebUtility.HtmlDecode(Tags().Replace(InlineTags().Replace(body, string.Empty), " "));
    }

    internal static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"</?(?:mark|a|span)\b[^>]*>")]
    private static partial Regex InlineTags();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
