using System.Reflection;
using System.Text.Json;
using PaperModel.Formats;
using PaperModel.Serialization;
using PaperModel.Testing;
using PaperModel.Tests.Formats;

namespace PaperModel.Tests.Model;

public sealed class PaperJsonTests
{
    private static Paper FullyPopulated() => new("2310.12345", "Low-Rank Adaptation of $\\mathcal{L}$arge Models")
    {
        ArxivId = ArxivId.Parse("2310.12345v2"),
        Abstract = "We propose LoRA. \"Quoted\", unicode: café, 日本語, emoji 🚀, control-free.",
        Authors = [new Author("Ada Lovelace", "Analytical Engine Ltd"), new Author("Alan Turing")],
        Published = new DateTimeOffset(2023, 10, 18, 17, 59, 1, TimeSpan.Zero),
        Updated = new DateTimeOffset(2023, 11, 2, 9, 0, 0, TimeSpan.FromHours(2)),
        ListedOn = new DateTimeOffset(2023, 10, 19, 0, 0, 0, TimeSpan.Zero),
        Categories = ["cs.CL", "cs.LG"],
        PrimaryCategory = "cs.CL",
        Links = [new PaperLink(PaperLinkKinds.Abstract, new Uri("https://arxiv.org/abs/2310.12345v2")), new PaperLink(PaperLinkKinds.Code, new Uri("https://github.com/x/y"))],
        Versions = [new PaperVersion(1, new DateTimeOffset(2023, 10, 18, 17, 59, 1, TimeSpan.Zero)), new PaperVersion(2, null)],
        Upvotes = 118,
        CommentCount = 6,
        Comment = "37 pages, 15 figures",
        JournalReference = "Phys. Rev. D 76, 013009 (2007)",
        Doi = "10.1103/PhysRevD.76.013009",
        ReportNumber = "IGPG-07/03-1",
        License = "http://creativecommons.org/licenses/by/4.0/",
        Submitter = "akhaliq",
        Organization = "Google",
        Keywords = ["low-rank adaptation", "fine-tuning"],
        AiSummary = "LoRA adapts large models cheaply.",
        AnnounceType = ArxivAnnounceType.ReplaceCross,
        Source = PaperSource.HuggingFaceDailyPage | PaperSource.ArxivAtom,
    };

    [Fact]
    public void The_fully_populated_paper_sets_every_property()
    {
        var paper = FullyPopulated();
        foreach (var property in typeof(Paper).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            var value = property.GetValue(paper);
            value.Should().NotBeNull(property.Name);
            if (value is System.Collections.IEnumerable list and not string)
            {
                list.Cast<object>().Should().NotBeEmpty(property.Name);
            }
        }

        paper.Source.Should().NotBe(PaperSource.None);
    }

    [Fact]
    public void Round_trip_of_a_fully_populated_paper_is_lossless()
    {
        var paper = FullyPopulated();

        var json = PaperJson.Serialize(paper);
        var back = PaperJson.Deserialize(json);

        back.Should().Be(paper);
        back.Updated!.Value.Offset.Should().Be(TimeSpan.FromHours(2));
        PaperJson.Serialize(back).Should().Be(json);
    }

    [Fact]
    public void Json_shape_is_camel_case_single_line_with_string_ids_and_enums()
    {
        var json = PaperJson.Serialize(FullyPopulated());

        json.Should().NotContain("\n");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("id").GetString().Should().Be("2310.12345");
        root.GetProperty("arxivId").GetString().Should().Be("2310.12345v2");
        root.GetProperty("source").GetString().Should().Be("HuggingFaceDailyPage, ArxivAtom");
        root.GetProperty("announceType").GetString().Should().Be("ReplaceCross");
        root.GetProperty("authors")[0].GetProperty("affiliation").GetString().Should().Be("Analytical Engine Ltd");
        root.GetProperty("primaryCategory").GetString().Should().Be("cs.CL");
    }

    [Fact]
    public void Nulls_are_left_out_and_read_back_as_null()
    {
        var paper = new Paper("hf-daily:x-00000000", "X") { Abstract = "A." };

        var json = PaperJson.Serialize(paper);

        json.Should().NotContain("arxivId").And.NotContain("upvotes").And.NotContain("null");
        PaperJson.Deserialize(json).Should().Be(paper);
    }

    [Fact]
    public void Papers_of_the_real_page_and_its_rich_copy_round_trip()
    {
        var options = new PaperReadOptions { Year = 2025 };
        var papers = PaperReader.ReadFile(RepoPaths.DailyPapersPage, PaperFormats.HuggingFaceDailyText, options).Papers
            .Concat(PaperFormats.HuggingFaceDailyText.Read(new StringReader(DailyPageVariants.Markdown()), options).Select(i => i.Paper!))
            .ToList();

        papers.Should().HaveCount(100);
        papers.Select(p => PaperJson.Deserialize(PaperJson.Serialize(p))).Should().Equal(papers);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"id\":\"x\"}")]
    [InlineData("{\"id\":\"x\",\"title\":\"t\",\"arxivId\":\"nope\"}")]
    [InlineData("{\"id\":\"x\",\"title\":\"t\"")]
    public void Json_that_is_not_a_paper_throws_json_exception(string json)
    {
        var act = () => PaperJson.Deserialize(json);

        act.Should().Throw<JsonException>();
    }
}
