using PaperModel.Classification;
using PaperModel.Formats;
using PaperModel.Serialization;
using PaperModel.Testing;

namespace PaperModel.Digest.Tests;

/// <summary>Papers for the digest tests: the shipped Daily Papers page, and made-up papers with the awkward cases.</summary>
internal static class TestPapers
{
    /// <summary>The topics the example digest asks for.</summary>
    public static readonly string[] HeadlineTopics = ["peft", "moe", "scaling-laws", "alignment"];

    /// <summary>The papers of the shipped sample page (read once).</summary>
    public static IReadOnlyList<Paper> SamplePage { get; } = PaperReader.ReadFile(RepoPaths.DailyPapersPage, null, new PaperReadOptions { Year = 2025 }).Papers;

    public static Classifier Classifier => DefaultTopics.Classifier;

    /// <summary>A LoRA paper with an arXiv id, like the Hugging Face API gives it.</summary>
    public static Paper Lora(string arxivId, string title = "LoRA-Flow: Low-Rank Adaptation for Everyone", int? upvotes = null, int authors = 2, DateTimeOffset? listedOn = null) =>
        new(arxivId, title)
        {
            ArxivId = ArxivId.Parse(arxivId),
            Abstract = "We study fine-tuning of large language models. We propose a low-rank adaptation method that trains fewer parameters than LoRA while matching full fine-tuning.",
            Authors = Enumerable.Range(1, authors).Select(static i => new Author($"Author {i}")).ToList(),
            Upvotes = upvotes,
            ListedOn = listedOn ?? new DateTimeOffset(2025, 7, 30, 0, 0, 0, TimeSpan.Zero),
        };

    /// <summary>Writes papers as the library's JSON Lines into <paramref name="folder"/> and returns the file's path.</summary>
    public static string WriteJsonLines(string folder, string name, params Paper[] papers)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, papers.Select(PaperJson.Serialize));
        return path;
    }
}
