using System.Text;
using PaperModel.Formats;
using PaperModel.Serialization;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Formats;

public sealed class PaperJsonLinesFormatTests
{
    private static List<Paper> AllSamplePapers() =>
    [
        .. ReadSample(PaperFormats.HuggingFaceApi, "hf-daily-papers-api.sample.json").Papers,
        .. ReadSample(PaperFormats.ArxivAtom, "arxiv-api-atom-oldid-affiliation.sample.xml").Papers,
        .. ReadSample(PaperFormats.ArxivAtom, "arxiv-api-atom-docs-example.sample.xml").Papers,
        .. ReadSample(PaperFormats.ArxivMetadata, "arxiv-metadata-snapshot.sample.jsonl").Papers,
    ];

    [Fact]
    public void Converted_papers_read_back_without_loss_and_are_detected()
    {
        var papers = AllSamplePapers();
        var text = string.Join("\n", papers.Select(PaperJson.Serialize)) + "\n";

        FormatDetector.Detect(Encoding.UTF8.GetBytes(text)).Should().Be(PaperJsonLinesFormat.FormatName);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var result = PaperReader.Read(stream);

        result.Problems.Should().BeEmpty();
        result.Papers.Should().Equal(papers);
    }

    [Fact]
    public void Minimal_papers_are_detected_by_their_empty_lists()
    {
        var line = PaperJson.Serialize(new Paper("custom-1", "A title"));

        FormatDetector.Detect(Encoding.UTF8.GetBytes(line + "\n" + line)).Should().Be(PaperJsonLinesFormat.FormatName);
    }

    [Fact]
    public void A_line_that_is_not_a_paper_is_a_problem_with_its_path()
    {
        var papers = AllSamplePapers();
        var good = PaperJson.Serialize(papers[0]);
        var wrongType = PaperJson.Serialize(papers[1]).Replace("\"upvotes\":8", "\"upvotes\":\"eight\"", StringComparison.Ordinal);
        wrongType.Should().Contain("eight");
        var noTitle = "{\"id\":\"x\",\"arxivId\":\"2310.12345\"}";

        var result = ReadText(PaperFormats.PaperJsonLines, string.Join("\n", good, wrongType, noTitle, "{\"id\":", good));

        result.Papers.Should().HaveCount(2);
        result.Problems.Select(p => (p.Code, p.Line)).Should().Equal(("PM1080", 2), ("PM1080", 3), ("PM1080", 4));
        result.Problems[0].Message.Should().Contain("$.upvotes");
        // The serializer reports the position just after the value it could not convert.
        result.Problems[0].Column.Should().Be(wrongType.IndexOf("\"eight\"", StringComparison.Ordinal) + "\"eight\"".Length + 1);
        result.Problems[1].Message.Should().Contain("title");
    }
}
