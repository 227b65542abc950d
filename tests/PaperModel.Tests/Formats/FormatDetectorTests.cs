using System.IO.Compression;
using System.Text;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData("arxiv-api-atom.sample.xml", "arxiv-atom")]
    [InlineData("arxiv-api-atom-legacy.sample.xml", "arxiv-atom")]
    [InlineData("arxiv-api-atom-docs-example.sample.xml", "arxiv-atom")]
    [InlineData("arxiv-api-atom-error.sample.xml", "arxiv-atom")]
    [InlineData("arxiv-api-atom-error-legacy.sample.xml", "arxiv-atom")]
    [InlineData("arxiv-api-atom-oldid-affiliation.sample.xml", "arxiv-atom")]
    [InlineData("hf-daily-papers-api.sample.json", "hf-api-json")]
    [InlineData("hf-paper-page-embedded.sample.json", "hf-api-json")]
    [InlineData("arxiv-metadata-snapshot.sample.jsonl", "arxiv-metadata-jsonl")]
    [InlineData("arxiv-oai-arxivraw.sample.xml", "arxiv-oai")]
    [InlineData("arxiv-oai-arxiv.sample.xml", "arxiv-oai")]
    [InlineData("hf-paper-page.sample.html", "hf-daily-html")]
    [InlineData("hf-papers-search.sample.json", "hf-api-json")]
    [InlineData("arxiv-rss.sample.xml", "arxiv-rss")]
    [InlineData("arxiv-rss-atom.sample.xml", "arxiv-rss")]
    [InlineData("arxiv-rss-error.sample.xml", "arxiv-rss")]
    [InlineData("arxiv-rss-empty.sample.xml", "arxiv-rss")]
    public void Every_sample_is_recognised(string sample, string? expected)
    {
        FormatDetector.Detect(File.ReadAllBytes(RepoPaths.Format(sample)).AsSpan(0, Math.Min(FormatDetector.HeadLength, (int)new FileInfo(RepoPaths.Format(sample)).Length)))
            .Should().Be(expected);
    }

    [Fact]
    public void The_daily_page_text_is_no_structured_format()
    {
        FormatDetector.Detect(File.ReadAllBytes(RepoPaths.DailyPapersPage)).Should().BeNull();
    }

    [Theory]
    [InlineData("\uFEFF  \n[{\"paper\":{}}]", "hf-api-json")]
    [InlineData("{\"id\":\"2310.12345\",\"title\":\"A\"}\n{\"id\":\"2310.12346\",\"title\":\"B\"}\n", "arxiv-metadata-jsonl")]
    [InlineData("{\n  \"id\": \"2310.12345\",\n  \"title\": \"A\"\n}\n", "hf-api-json")]
    [InlineData("{\"id\":\"2509.24002\",\"authors\":[{\"name\":\"A\"}],\"publishedAt\":\"2025-09-28T17:53:27.000Z\"}", "hf-api-json")]
    [InlineData("{\"id\":\"0704.0001\",\"submitter\":\"P\"", "arxiv-metadata-jsonl")]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- comment -->\n<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\"/>", "arxiv-atom")]
    [InlineData("<html><body>feed</body></html>", null)]
    [InlineData("<div data-target=\"DailyPapers\" data-props=\"{}\"></div>", "hf-daily-html")]
    [InlineData("<rss version=\"2.0\"><channel><title>A blog</title><item><title>A post</title></item></channel></rss>", null)]
    [InlineData("<rss version=\"2.0\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\"><channel/></rss>", "arxiv-rss")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>http://rss.arxiv.org/atom/cs.AI</id></feed>", "arxiv-rss")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><link href=\"http://arxiv.org/api/query?search_query=all:lora\"/></feed>", "arxiv-atom")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    public void Content_decides(string text, string? expected)
    {
        FormatDetector.Detect(Encoding.UTF8.GetBytes(text)).Should().Be(expected);
    }

    [Fact]
    public void The_head_looked_at_is_handed_back_with_every_byte()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Format("arxiv-api-atom.sample.xml"));
        var head = new StreamHead(new MemoryStream(bytes), FormatDetector.HeadLength);
        while (!head.IsComplete)
        {
            head.Fill();
        }

        FormatDetector.Detect(head.Bytes).Should().Be("arxiv-atom");
        using var copy = new MemoryStream();
        head.Replay().CopyTo(copy);
        copy.ToArray().Should().Equal(bytes);
    }

    [Fact]
    public async Task Gzip_is_opened_transparently_and_plain_input_is_untouched()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl"));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var head = new StreamHead(new MemoryStream(compressed.ToArray()), FormatDetector.GzipHeadLength);
        await head.FillAsync(CancellationToken.None);
        FormatDetector.IsGzip(head.Bytes).Should().BeTrue();
        FormatDetector.IsGzip(bytes).Should().BeFalse();

        compressed.Position = 0;
        var fromGzip = PaperReader.Read(compressed);
        fromGzip.Papers.Should().HaveCount(10);
        fromGzip.Problems.Should().BeEmpty();
        fromGzip.Papers.Should().Equal(PaperReader.Read(new MemoryStream(bytes)).Papers);
    }
}
