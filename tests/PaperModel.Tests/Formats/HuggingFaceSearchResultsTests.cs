using PaperModel.Formats;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Formats;

/// <summary>The real <c>/api/papers/search?q=kazakh</c> response, read with the Hugging Face API format.</summary>
public sealed class HuggingFaceSearchResultsTests
{
    private const string Sample = "hf-papers-search.sample.json";

    [Fact]
    public void Every_result_is_a_paper_in_the_order_of_the_response()
    {
        var result = ReadSample(PaperFormats.HuggingFaceApi, Sample);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(static p => p.Id).Should().Equal(
            "2404.04487", "2403.19399", "2403.19335", "2111.13419", "2404.01033", "2502.13640", "2503.01493", "2108.01280", "2107.10637");
        result.Papers.Should().OnlyContain(static p => p.Source == PaperSource.HuggingFaceApi && p.ListedOn == null, "a search result is not a listing");
    }

    [Fact]
    public void A_result_is_mapped_field_by_field()
    {
        var paper = ReadSample(PaperFormats.HuggingFaceApi, Sample).Paper("2403.19335");

        paper.ArxivId.Should().Be(ArxivId.Parse("2403.19335"));
        paper.Title.Should().Be("KazSAnDRA: Kazakh Sentiment Analysis Dataset of Reviews and Attitudes");
        paper.Abstract.Should().StartWith("This paper presents KazSAnDRA, a dataset developed for Kazakh sentiment analysis that is the first")
            .And.EndWith("through our GitHub repository.").And.NotContain("\n");
        paper.Authors.Select(static a => a.Name).Should().Equal("Rustem Yeshpanov", "Huseyin Atakan Varol");
        paper.Published.Should().Be(new DateTimeOffset(2024, 3, 28, 11, 51, 11, TimeSpan.Zero));
        (paper.Upvotes, paper.CommentCount).Should().Be((0, 0));
        paper.Links.Should().Contain(new PaperLink(PaperLinkKinds.HuggingFace, new Uri("https://huggingface.co/papers/2403.19335")));
    }

    [Fact]
    public void The_response_is_detected_and_its_many_authors_kept()
    {
        var result = PaperReader.ReadFile(PaperModel.Testing.RepoPaths.Format(Sample));

        result.Problems.Should().BeEmpty();
        result.Papers.Should().HaveCount(9);
        result.Paper("2503.01493").Authors.Should().HaveCount(35);
    }
}
