using System.IO.Compression;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

/// <summary>The facade reads every structured format, detected from content, plain or gzip-compressed.</summary>
public sealed class PaperReaderFormatsTests
{
    [Theory]
    [InlineData("arxiv-api-atom.sample.xml", 10, 0, PaperSource.ArxivAtom)]
    [InlineData("arxiv-api-atom-legacy.sample.xml", 2, 0, PaperSource.ArxivAtom)]
    [InlineData("arxiv-api-atom-docs-example.sample.xml", 1, 0, PaperSource.ArxivAtom)]
    [InlineData("arxiv-api-atom-oldid-affiliation.sample.xml", 1, 0, PaperSource.ArxivAtom)]
    [InlineData("arxiv-api-atom-error.sample.xml", 0, 1, PaperSource.None)]
    [InlineData("arxiv-api-atom-error-legacy.sample.xml", 0, 1, PaperSource.None)]
    [InlineData("hf-daily-papers-api.sample.json", 4, 0, PaperSource.HuggingFaceApi)]
    [InlineData("hf-paper-page-embedded.sample.json", 1, 0, PaperSource.HuggingFaceApi)]
    [InlineData("arxiv-metadata-snapshot.sample.jsonl", 10, 0, PaperSource.ArxivMetadata)]
    public void Every_sample_is_read_with_the_detected_format(string sample, int papers, int problems, PaperSource source)
    {
        var result = PaperReader.ReadFile(RepoPaths.Format(sample));

        result.Papers.Should().HaveCount(papers);
        result.Problems.Should().HaveCount(problems);
        result.Papers.Where(p => p.Source != source).Should().BeEmpty();
        result.Problems.Where(p => p.Code != "PM1051" || p.Source != RepoPaths.Format(sample)).Should().BeEmpty();
    }

    [Fact]
    public void Gzip_files_are_read_transparently()
    {
        var path = Path.Combine(Path.GetTempPath(), $"papermodel-{Guid.NewGuid():N}.xml.gz");
        try
        {
            using (var file = File.Create(path))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            using (var sample = File.OpenRead(RepoPaths.Format("arxiv-api-atom-legacy.sample.xml")))
            {
                sample.CopyTo(gzip);
            }

            var result = PaperReader.ReadFile(path);

            result.Problems.Should().BeEmpty();
            result.Papers.Select(p => p.Id).Should().Equal("1111.2011", "cond-mat/0607501");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Corrupt_gzip_is_a_problem()
    {
        // A gzip header, then a deflate block of the reserved type 3.
        var bytes = new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF };
        using var stream = new MemoryStream(bytes);

        var result = PaperReader.Read(stream, options: new PaperReadOptions { SourceName = "bad.gz" });

        result.Papers.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.Should().Match<ParseProblem>(p => p.Code == "PM1090" && p.Source == "bad.gz");
    }

    [Fact]
    public void A_named_format_overrides_detection()
    {
        using var stream = File.OpenRead(RepoPaths.Format("hf-paper-page-embedded.sample.json"));

        var result = PaperReader.Read(stream, PaperFormats.ArxivMetadata);

        result.Papers.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.Code.Should().Be("PM1072", "the single object is read as one metadata line whose authors are not a string");
    }

    [Fact]
    public async Task Async_enumeration_streams_the_metadata_lines()
    {
        var ids = new List<string>();
        await foreach (var item in PaperReader.EnumerateFileAsync(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl")))
        {
            ids.Add(item.Paper!.Id);
        }

        ids.Should().HaveCount(10).And.StartWith("0704.0001").And.EndWith("0704.0033");
    }

    [Fact]
    public void Every_format_is_registered_by_name()
    {
        PaperFormats.All.Select(static f => f.Name).Should().Equal("hf-daily-text", "hf-daily-html", "hf-api-json", "arxiv-atom", "arxiv-metadata-jsonl", "paper-jsonl", "arxiv-oai", "arxiv-rss");
        PaperFormats.Get("ARXIV-ATOM").Should().BeSameAs(PaperFormats.ArxivAtom);
    }
}
