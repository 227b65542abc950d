using PaperModel.Sources;
using PaperModel.Testing;

namespace PaperModel.Tests.Sources;

public sealed class HuggingFaceDailyTextFormatTests
{
    private static readonly PaperReadOptions Options = new() { SourceName = "page.txt", Year = 2025 };

    private static PaperReadResult ReadText(string text, PaperReadOptions? options = null) =>
        PaperReadResult.From(PaperFormats.HuggingFaceDailyText.Read(new StringReader(text), options ?? Options));

    [Fact]
    public void Real_page_gives_the_50_papers_of_the_labels_file_with_exact_titles_and_abstracts()
    {
        var result = PaperReader.ReadFile(RepoPaths.DailyPapersPage, PaperFormats.HuggingFaceDailyText, Options);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(DailyPageSample.LabelTitles);
        result.Papers.Select(p => p.Abstract).Should().Equal(DailyPageSample.Pairs.Select(p => p.Abstract));
        result.Papers.Should().OnlyContain(p => p.ListedOn == new DateTimeOffset(2025, 7, 30, 0, 0, 0, TimeSpan.Zero)
            && p.Source == PaperSource.HuggingFaceDailyPage && p.Id.StartsWith("hf-daily:"));
        result.Papers.Select(p => p.Id).Should().OnlyHaveUniqueItems();
    }
}
