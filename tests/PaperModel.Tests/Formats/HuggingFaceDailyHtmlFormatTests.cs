using System.Net;
using System.Text.Json.Nodes;
using PaperModel.Formats;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Formats;

public sealed class HuggingFaceDailyHtmlFormatTests
{
    private const string PaperPage = "hf-paper-page.sample.html";

    private static readonly PaperFormat Format = PaperFormats.HuggingFaceDailyHtml;

    /// <summary>
    /// A listing page written for these tests (no real saved listing page was found): the real API sample's items
    /// embedded the way the page embeds them, HTML-escaped in the <c>data-props</c> of the <c>DailyPapers</c> element.
    /// </summary>
    private static string ListingPage(string? items = null, string before = "", bool singleQuotedPropsFirst = false)
    {
        var props = new JsonObject
        {
            ["periodType"] = "day",
            ["dateString"] = "2026-06-01",
            ["dailyPapers"] = JsonNode.Parse(items ?? SampleText("hf-daily-papers-api.sample.json")),
        }.ToJsonString();
        var element = singleQuotedPropsFirst
            ? $"<div class=\"SVELTE_HYDRATER contents\" data-props='{props.Replace("&", "&amp;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal)}' data-target=\"DailyPapers\">"
            : $"<div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\"{WebUtility.HtmlEncode(props)}\">";
        return $"""
            <!DOCTYPE html>
            <html class="">
            <head><meta content="https://huggingface.co/papers" property="og:url"/><title>Daily Papers - Hugging Face</title></head>
            <body>{before}
            <main>{element}</div></main>
            </body>
            </html>
            """;
    }

    private static List<Paper> AsPage(IEnumerable<Paper> papers) => papers.Select(static p => p with { Source = PaperSource.HuggingFaceDailyPage }).ToList();

    [Fact]
    public void The_real_saved_paper_page_gives_its_paper_with_the_api_mapping()
    {
        var result = ReadSample(Format, PaperPage);

        result.Problems.Should().BeEmpty();
        var paper = result.Papers.Should().ContainSingle().Subject;
        paper.Should().Be(AsPage(ReadSample(PaperFormats.HuggingFaceApi, "hf-paper-page-embedded.sample.json").Papers)[0]);
        paper.Id.Should().Be("2509.24002");
        paper.Title.Should().Be("MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use");
        paper.Authors[0].Name.Should().Be("Zijian Wu");
        paper.Upvotes.Should().Be(118);
        paper.Source.Should().Be(PaperSource.HuggingFaceDailyPage);
    }

    [Fact]
    public void The_real_saved_page_is_detected_and_read_through_the_reader()
    {
        var result = PaperReader.ReadFile(PaperModel.Testing.RepoPaths.Format(PaperPage));

        result.Problems.Should().BeEmpty();
        result.Papers.Select(static p => p.Id).Should().Equal("2509.24002");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_listing_page_gives_the_items_of_its_daily_papers_exactly_as_the_api_does(bool singleQuotedPropsFirst)
    {
        var result = ReadText(Format, ListingPage(singleQuotedPropsFirst: singleQuotedPropsFirst));

        result.Problems.Should().BeEmpty();
        result.Papers.Should().Equal(AsPage(ReadSample(PaperFormats.HuggingFaceApi, "hf-daily-papers-api.sample.json").Papers));
        result.Papers.Should().HaveCount(4);
    }

    [Fact]
    public void Scripts_styles_and_comments_before_the_element_do_not_confuse_the_reader()
    {
        var before = """
            <script>if (a < b && c > "d") { x = '<div data-target="DailyPapers" data-props="[]">'; }</script>
            <style>a > b { content: "<"; }</style>
            <!-- <div data-target="DailyPapers" data-props="{}"> -->
            <img alt=unquoted src=x.png><br/>
            """;

        var result = ReadText(Format, ListingPage(before: before));

        result.Problems.Should().BeEmpty();
        result.Papers.Should().HaveCount(4);
    }

    [Fact]
    public void A_bad_item_is_a_located_api_problem_with_its_json_path_and_the_others_are_read()
    {
        var items = SampleText("hf-daily-papers-api.sample.json");
        var at = items.IndexOf("\"upvotes\":", StringComparison.Ordinal);
        items = items.Substring(0, at) + "\"upvotes\":\"many\",\"x\":" + items.Substring(at + "\"upvotes\":".Length);
        var text = ListingPage(items);

        var result = ReadText(Format, text);

        result.Papers.Should().HaveCount(3);
        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Code, problem.Record).Should().Be(("PM1032", 1L));
        problem.Message.Should().Contain("$[0].paper.upvotes");
        (problem.Line, problem.Column).Should().Be(PositionOf(text, text.IndexOf("data-props=\"", StringComparison.Ordinal) + "data-props=\"".Length));
    }

    [Fact]
    public void Embedded_json_that_is_not_the_list_is_one_problem()
    {
        var result = ReadText(Format, """<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;: {&quot;oops&quot;: 1}}"></div>""");

        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Code, problem.Line, problem.Column).Should().Be(("PM1037", 1, 44));
        problem.Message.Should().Contain("no \"dailyPapers\" array");
        result.Papers.Should().BeEmpty();

        ReadText(Format, """<div data-target="PaperContent" data-props="{&quot;paper&quot;: [1,"></div>""").Problems.Single().Message.Should().Contain("not valid JSON");
    }

    [Fact]
    public void Embedded_json_longer_than_the_limit_is_skipped_with_a_problem()
    {
        var result = ReadText(Format, ListingPage(), new PaperReadOptions { SourceName = "input", MaxRecordLength = 1000 });

        result.Papers.Should().BeEmpty();
        result.Problems.Select(static p => p.Code).Should().Equal("PM1038");
    }

    [Fact]
    public void A_page_without_embedded_papers_is_one_problem_and_other_html_is_not_this_format()
    {
        var page = """<!DOCTYPE html><html><head><meta content="https://huggingface.co/papers/2509.24002" property="og:url"/></head><body>Text only</body></html>""";

        FormatDetector.Detect(System.Text.Encoding.UTF8.GetBytes(page)).Should().Be("hf-daily-html");
        var result = PaperReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(page)), options: new PaperReadOptions { SourceName = "input" });
        result.Papers.Should().BeEmpty();
        (result.Problems.Single().Code, result.Problems.Single().Line).Should().Be(("PM1036", 1));

        FormatDetector.Detect("<html><body>Daily Papers</body></html>"u8).Should().BeNull();
    }
}
