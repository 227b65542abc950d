using System.Text;
using System.Text.Json;
using PaperModel.Formats;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Formats;

public sealed class HuggingFaceApiFormatTests
{
    private const string DailySample = "hf-daily-papers-api.sample.json";
    private const string PaperSample = "hf-paper-page-embedded.sample.json";
    private static readonly HuggingFaceApiFormat Format = PaperFormats.HuggingFaceApi;

    [Fact]
    public void Daily_papers_sample_has_four_papers()
    {
        var result = ReadSample(Format, DailySample);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Id).Should().Equal("2606.00467", "2606.11409", "2606.09446", "2606.12575");
        result.Papers.Should().OnlyContain(p => p.Source == PaperSource.HuggingFaceApi && p.ArxivId.HasValue && !p.ArxivId.Value.HasVersion);
    }

    [Fact]
    public void Daily_item_maps_every_field()
    {
        var paper = ReadSample(Format, DailySample).Paper("2606.00467");

        paper.ArxivId.Should().Be(ArxivId.Parse("2606.00467"));
        paper.Title.Should().Be("On the Limits of LLM Adaptability: Impact of Model-Internalized Priors on Annotation Task Performance");
        paper.Abstract.Should().StartWith("Large Language Models (LLMs) are increasingly used for zero-shot annotation");
        paper.Authors.Select(a => a.Name).Should().Equal("Etienne Casanova", "Rafal Kocielnik", "R. Michael Alvarez");
        paper.Published.Should().Be(new DateTimeOffset(2026, 5, 30, 0, 0, 0, TimeSpan.Zero));
        paper.ListedOn.Should().Be(new DateTimeOffset(2026, 5, 29, 20, 0, 0, TimeSpan.Zero));
        paper.Upvotes.Should().Be(0);
        paper.CommentCount.Should().Be(2);
        paper.Submitter.Should().Be("Rafal Kocielnik");
        paper.Organization.Should().Be("California institute of technology");
        paper.Keywords.Should().HaveCount(14).And.StartWith("zero-shot annotation").And.EndWith("embedding cosine similarity");
        paper.AiSummary.Should().StartWith("Large language models exhibit limited ability to correct zero-shot errors");
        paper.Links.Should().Equal(
            new PaperLink(PaperLinkKinds.HuggingFace, new Uri("https://huggingface.co/papers/2606.00467")),
            new PaperLink(PaperLinkKinds.Abstract, new Uri("https://arxiv.org/abs/2606.00467")),
            new PaperLink(PaperLinkKinds.Pdf, new Uri("https://arxiv.org/pdf/2606.00467")));
        paper.Categories.Should().BeEmpty();
    }

    [Fact]
    public void Daily_items_with_repos_project_pages_and_hidden_authors()
    {
        var result = ReadSample(Format, DailySample);

        var withRepo = result.Paper("2606.11409");
        withRepo.Upvotes.Should().Be(8);
        withRepo.CommentCount.Should().Be(3);
        withRepo.Authors[1].Name.Should().Be("Boglárka Ecsedi");
        withRepo.Links.Should().Contain(new PaperLink(PaperLinkKinds.Code, new Uri("https://github.com/r-three/risk-under-pressure")));

        var withProject = result.Paper("2606.09446");
        withProject.Links.Should().Contain(new PaperLink(PaperLinkKinds.Project, new Uri("https://malamatenia.github.io/morphology4metrology-analysis/")));
        withProject.Links.Should().Contain(new PaperLink(PaperLinkKinds.Code, new Uri("https://github.com/raphael-baena/morphology4metrology")));
        withProject.Organization.Should().Be("Ecole des Ponts ParisTech");
        withProject.Submitter.Should().Be("Raphael");
        withProject.Abstract.Should().NotContain("\n");

        var withHidden = result.Paper("2606.12575");
        withHidden.Authors.Should().HaveCount(10);
        withHidden.Authors.Select(a => a.Name).Should().Contain("Dengyang Jiang");
        withHidden.Submitter.Should().Be("Dongyang Liu (Chris Liu)");
    }

    [Fact]
    public void Single_paper_object_is_read()
    {
        var result = ReadSample(Format, PaperSample);

        result.Problems.Should().BeEmpty();
        var paper = result.Papers.Should().ContainSingle().Subject;
        paper.Id.Should().Be("2509.24002");
        paper.Title.Should().Be("MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use");
        paper.Abstract.Should().StartWith("MCP standardizes how LLMs interact with external systems, forming the foundation for general agents.");
        paper.Abstract.Should().Contain("52.56\\% pass@1");
        paper.Authors.Should().HaveCount(15);
        paper.Authors[0].Name.Should().Be("Zijian Wu");
        paper.Published.Should().Be(new DateTimeOffset(2025, 9, 28, 17, 53, 27, TimeSpan.Zero));
        paper.ListedOn.Should().Be(new DateTimeOffset(2025, 10, 1, 1, 58, 54, 337, TimeSpan.Zero));
        paper.Upvotes.Should().Be(118);
        paper.CommentCount.Should().BeNull();
        paper.Submitter.Should().Be("Zijian Wu");
        paper.Keywords.Should().HaveCount(21);
        paper.Links.Should().Contain(new PaperLink(PaperLinkKinds.Project, new Uri("https://mcpmark.ai/")));
        paper.Links.Should().Contain(new PaperLink(PaperLinkKinds.Code, new Uri("https://github.com/eval-sys/mcpmark")));
    }

    [Fact]
    public void A_wrong_type_skips_only_that_item_and_says_where()
    {
        var text = Indented(SampleText(DailySample));
        var target = "\"upvotes\": 8,";
        var at = text.IndexOf(target, StringComparison.Ordinal);
        at.Should().BePositive();
        text = text.Substring(0, at) + "\"upvotes\": \"many\"," + text.Substring(at + target.Length);

        var result = ReadText(Format, text);

        result.Papers.Select(p => p.Id).Should().Equal("2606.00467", "2606.09446", "2606.12575");
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1032");
        problem.Message.Should().Contain("$[1].paper.upvotes").And.Contain("a string");
        problem.Record.Should().Be(2);
        var (line, column) = PositionOf(text, text.IndexOf("\"many\"", StringComparison.Ordinal));
        (problem.Line, problem.Column).Should().Be((line, column));
    }

    [Fact]
    public void Wrong_types_in_nested_values_give_their_path()
    {
        var text = SampleText(DailySample)
            .Replace("\"name\":\"Etienne Casanova\"", "\"name\":[\"Etienne Casanova\"]", StringComparison.Ordinal)
            .Replace("\"ai_keywords\":[\"adversarial robustness\"", "\"ai_keywords\":[7", StringComparison.Ordinal);

        var result = ReadText(Format, text);

        result.Papers.Select(p => p.Id).Should().Equal("2606.09446", "2606.12575");
        result.Problems.Select(p => p.Code).Should().Equal("PM1032", "PM1032");
        result.Problems[0].Message.Should().Contain("$[0].paper.authors[0].name");
        result.Problems[0].Column.Should().Be(text.IndexOf("[\"Etienne", StringComparison.Ordinal) + 1);
        result.Problems[1].Message.Should().Contain("$[1].paper.ai_keywords[0]");
        result.Problems[1].Column.Should().Be(text.IndexOf("[7", StringComparison.Ordinal) + 2);
    }

    [Fact]
    public void Missing_optional_fields_and_nulls_are_fine_but_id_and_title_are_required()
    {
        const string text = """
            [
              {"paper": {"id": "2310.12345", "title": "Minimal", "upvotes": null, "ai_keywords": null}},
              {"paper": {"title": "No id"}},
              {"paper": {"id": "2310.54321"}},
              {"paper": {"id": "2310.11111", "title": "Float count", "upvotes": 12.0, "publishedAt": "yesterday"}}
            ]
            """;

        var result = ReadText(Format, text);

        result.Papers.Select(p => p.Id).Should().Equal("2310.12345", "2310.11111");
        result.Papers[0].Upvotes.Should().BeNull();
        result.Papers[0].Keywords.Should().BeEmpty();
        result.Papers[1].Upvotes.Should().Be(12);
        result.Papers[1].Published.Should().BeNull();
        result.Problems.Select(p => (p.Code, p.Line, p.Severity)).Should().Equal(
            ("PM1033", 3, ProblemSeverity.Error),
            ("PM1033", 4, ProblemSeverity.Error),
            ("PM1035", 5, ProblemSeverity.Warning));
        result.Problems[2].Message.Should().Contain("$[3].paper.publishedAt").And.Contain("yesterday");
    }

    [Fact]
    public void Truncated_document_keeps_the_items_before_the_cut()
    {
        var text = SampleText(DailySample);
        var cut = text.IndexOf("\"2606.12575\"", StringComparison.Ordinal);

        var result = ReadText(Format, text.Substring(0, cut));

        result.Papers.Select(p => p.Id).Should().Equal("2606.00467", "2606.11409", "2606.09446");
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1030");
        problem.Line.Should().Be(1);
        problem.Column.Should().BeGreaterThan(cut - 100);
    }

    [Fact]
    public void Invalid_json_reports_the_absolute_line()
    {
        var text = Indented(SampleText(DailySample));
        var at = text.IndexOf("\"numComments\": 3", StringComparison.Ordinal);
        text = text.Substring(0, at) + "\"numComments\": 3 3" + text.Substring(at + "\"numComments\": 3".Length);

        var result = ReadText(Format, text, new PaperReadOptions { SourceName = "x.json" });

        result.Papers.Select(p => p.Id).Should().Equal("2606.00467");
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1030");
        problem.Line.Should().Be(PositionOf(text, at).Line);
    }

    [Fact]
    public void Root_must_be_an_array_or_an_object()
    {
        var result = ReadText(Format, "  \"2310.12345\"");

        result.Papers.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.Should().Match<ParseProblem>(p => p.Code == "PM1031" && p.Line == 1 && p.Column == 3);
    }

    [Fact]
    public void An_item_longer_than_the_limit_is_skipped()
    {
        var text = Indented(SampleText(DailySample));
        var lengths = JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => Encoding.UTF8.GetByteCount(e.GetRawText())).ToList();
        var limit = lengths.Min() + 1;

        var result = ReadText(Format, text, new PaperReadOptions { MaxRecordLength = limit });

        result.Problems.Should().OnlyContain(p => p.Code == "PM1034");
        result.Papers.Count.Should().Be(1);
        (result.Papers.Count + result.Problems.Count).Should().Be(4);
    }

    [Fact]
    public void An_item_much_longer_than_the_buffer_is_skipped_while_streaming()
    {
        var big = "{\"paper\":{\"id\":\"2310.22222\",\"title\":\"Big\",\"ai_keywords\":[" + string.Join(",", Enumerable.Repeat("\"keyword\"", 200_000)) + "]}}";
        var text = "[{\"paper\":{\"id\":\"2310.11111\",\"title\":\"Before\"}},\n" + big + ",\n{\"paper\":{\"id\":\"2310.33333\",\"title\":\"After\"}}]";

        var result = ReadText(Format, text, new PaperReadOptions { MaxRecordLength = 100_000 });

        result.Papers.Select(p => p.Title).Should().Equal("Before", "After");
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1034");
        (problem.Line, problem.Column, problem.Record).Should().Be((2, 1, 2L));
        problem.Message.Should().Contain("$[1]");
    }

    [Fact]
    public void A_large_array_streams_item_by_item()
    {
        var item = SampleText(PaperSample).Trim();
        var builder = new StringBuilder("[");
        for (var i = 0; i < 2000; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",\n").Append(item.Replace("2509.24002", $"2509.{10000 + i}", StringComparison.Ordinal));
        }

        var result = ReadText(Format, builder.Append(']').ToString());

        result.Problems.Should().BeEmpty();
        result.Papers.Should().HaveCount(2000);
        result.Papers[1999].Id.Should().Be("2509.11999");
    }

    private static string Indented(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
