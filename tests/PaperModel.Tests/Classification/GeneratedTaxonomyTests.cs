using PaperModel.Classification;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Classification;

/// <summary>
/// The classifier of the generated <see cref="DefaultTopics"/> class (its taxonomy built from the data the generator emitted)
/// against a classifier of the same taxonomy file loaded at run time: identical results on every paper of every sample
/// file.
/// </summary>
public class GeneratedTaxonomyTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Samples, "*", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
                     .Select(f => Path.GetRelativePath(RepoPaths.Samples, f))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Generated_and_loaded_taxonomies_classify_every_paper_alike(string sample)
    {
        var runtime = new Classifier(SeedLabelTests.LoadDefault());
        var papers = PaperReader.ReadFile(RepoPaths.Sample(sample)).Papers;

        foreach (var paper in papers)
        {
            Describe(DefaultTopics.Classifier.Classify(paper)).Should().Be(Describe(runtime.Classify(paper)), paper.Title);
        }
    }

    [Fact]
    public void Agreement_covers_the_samples_and_also_holds_for_titles_and_abstracts_reassembled_at_random()
    {
        var runtime = new Classifier(SeedLabelTests.LoadDefault());
        var papers = PaperReader.ReadFile(RepoPaths.DailyPapersPage).Papers;
        papers.Should().HaveCount(50);
        var random = new Random(20241128);
        var assigned = 0;
        for (var i = 0; i < 300; i++)
        {
            var title = papers[random.Next(papers.Count)].Title;
            var words = papers[random.Next(papers.Count)].Abstract.Split(' ');
            var start = random.Next(words.Length);
            var text = string.Join(' ', words.Skip(start).Take(random.Next(5, 60)));
            var generated = DefaultTopics.Classifier.Classify(title, text);
            assigned += generated.Topics.Count;
            Describe(generated).Should().Be(Describe(runtime.Classify(title, text)));
        }

        assigned.Should().BeGreaterThan(300, "the comparison must exercise real assignments");
    }

    [Fact]
    public void Generated_taxonomy_is_the_default_taxonomy_file()
    {
        var loaded = SeedLabelTests.LoadDefault();

        DefaultTopics.Taxonomy.Topics.Select(t => (t.Path, t.Phrases.Count, t.Vetoes.Count))
            .Should().Equal(loaded.Topics.Select(t => (t.Path, t.Phrases.Count, t.Vetoes.Count)));
        DefaultTopics.Classifier.Taxonomy.Should().BeSameAs(DefaultTopics.Taxonomy);
    }

    private static string Describe(PaperClassification result) =>
        string.Join(" | ", result.Topics.Select(t =>
            $"{t.Topic.Path} {t.Score:R} {t.IsImplied} [{string.Join(", ", t.Evidence.Select(e => $"{e.Field}:{e.Phrase}@{e.Start}+{e.Length}={e.Weight:R}"))}]"));
}
