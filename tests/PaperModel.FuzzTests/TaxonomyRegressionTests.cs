using System.Text;
using PaperModel.Classification;
using PaperModel.FuzzTests.Fuzzing;

namespace PaperModel.FuzzTests;

/// <summary>The taxonomy reader's and classifier's share of issue 12: allocation bounded by the input, whatever its shape.</summary>
public sealed class TaxonomyRegressionTests
{
    private static readonly Paper Paper = new("2310.12345", "LoRA: Low-Rank Adaptation of Large Language Models")
    {
        Abstract = "We propose low-rank adaptation, which freezes the pretrained model weights and injects trainable rank decomposition matrices.",
        Categories = ["cs.CL", "cs.LG"],
    };

    [Fact]
    public void A_phrase_with_a_very_long_token_costs_nothing_per_classification()
    {
        var taxonomy = Taxonomy.Parse(TaxonomyWithPhrase(new string('x', 200_000)));
        var classifier = new Classifier(taxonomy);
        classifier.Classify(Paper);

        var before = GC.GetAllocatedBytesForCurrentThread();
        classifier.Classify(Paper);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(TaxonomyTarget.ClassifyAllocation / 16, "a classification allocates its result, never a copy of a phrase");
    }

    [Fact]
    public void Loading_a_taxonomy_with_one_huge_phrase_allocates_in_proportion_to_the_file()
    {
        var json = TaxonomyWithPhrase(string.Concat(Enumerable.Repeat("low rank adaptation ", 200_000)));
        var bytes = Encoding.UTF8.GetBytes(json);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Taxonomy.TryLoad(new MemoryStream(bytes), "huge.taxonomy.json", out _, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(TaxonomyTarget.LoadAllocationPerInputByte * (long)bytes.Length, $"{bytes.Length:N0} bytes of taxonomy");
    }

    [Fact]
    public void A_UTF32_taxonomy_with_its_byte_order_mark_loads_the_same_whatever_the_size_of_each_read()
    {
        var json = File.ReadAllText(Testing.RepoPaths.DefaultTaxonomy);
        var utf32 = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        byte[] bytes = [.. utf32.GetPreamble(), .. utf32.GetBytes(json)];

        Taxonomy.TryLoad(new TrickleStream(bytes, seed: 3), "t.json", out var trickled, out var problems).Should().BeTrue(string.Join("\n", problems));
        trickled!.Topics.Select(static t => t.Id).Should().Equal(Taxonomy.Parse(json).Topics.Select(static t => t.Id));
    }

    private static string TaxonomyWithPhrase(string phrase) =>
        $$$"""{ "name": "t", "version": "1", "topics": [ { "id": "a", "name": "A", "keywords": ["{{{phrase}}}", "low-rank adaptation"] } ] }""";
}
