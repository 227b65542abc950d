using System.Text;
using System.Text.Json;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

/// <summary>Detection never guesses: markup and JSON that no format reads are one PM1003 problem, never page text.</summary>
public sealed class UnreadableInputTests
{
    private static PaperReadResult Read(string text) =>
        PaperReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), options: new PaperReadOptions { SourceName = "input" });

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Daily Papers - Hugging Face</title></head><body><h1>Daily Papers</h1></body></html>", "this is HTML")]
    [InlineData("<HTML><BODY>Service Unavailable</BODY></HTML>", "this is HTML")]
    [InlineData("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>Paper</title></svg>", "root element <svg>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>A blog</title><link>https://example.org/</link><item><title>A post</title></item></channel></rss>", "root element <rss>: an RSS feed that is not an arXiv announcement feed")]
    [InlineData("<note><to>Tove</to><body>Don't forget me this weekend!</body></note>", "root element <note>")]
    [InlineData("{\"login\": \"octocat\", \"id_str\": \"1\", \"followers\": 20, \"public_repos\": 2}", "a JSON object with the keys \"login\", \"id_str\", \"followers\", \"public_repos\"")]
    [InlineData("{\n  \"status\": \"ok\",\n  \"totalResults\": 2,\n  \"articles\": []\n}", "a JSON object with the keys \"status\", \"totalResults\", \"articles\"")]
    public void Markup_and_json_of_no_format_are_one_problem_saying_what_they_are(string input, string says)
    {
        var result = Read(input);

        result.Papers.Should().BeEmpty();
        var problem = result.Problems.Should().ContainSingle().Which;
        (problem.Code, problem.Severity, problem.Line, problem.Column).Should().Be(("PM1003", ProblemSeverity.Error, 1, 1));
        problem.Message.Should().Contain(says);
    }

    [Fact]
    public void A_recorded_response_wrapping_a_real_feed_says_where_the_document_is()
    {
        var wrapper = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["url"] = "https://export.arxiv.org/api/query?search_query=all:testing&start=0&max_results=10",
            ["status_code"] = 200,
            ["body"] = File.ReadAllText(RepoPaths.Format("arxiv-api-atom.sample.xml")),
        });

        var problem = Read(wrapper).Problems.Should().ContainSingle().Which;

        problem.Code.Should().Be("PM1003");
        problem.Message.Should().Contain("recorded HTTP response").And.Contain("\"body\"");
    }

    [Fact]
    public void No_sample_and_not_the_page_text_is_taken_for_an_unreadable_document()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "formats")).Append(RepoPaths.DailyPapersPage);
        foreach (var file in files)
        {
            PaperReader.ReadFile(file).Problems.Should().NotContain(p => p.Code == "PM1003", file);
        }
    }

    [Fact]
    public void A_named_format_still_reads_what_detection_refuses()
    {
        var result = PaperReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("<html><body>x</body></html>")), PaperFormats.ArxivAtom);

        result.Problems.Single().Code.Should().Be("PM1055");
    }
}
