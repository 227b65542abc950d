using PaperModel.Classification;

namespace PaperModel.Tests.Classification;

/// <summary>The library's own taxonomy, compiled by the source generator into <see cref="DefaultTopics"/>.</summary>
public class DefaultTopicsTests
{
    [Fact]
    public void Generated_default_topics_match_the_taxonomy_file()
    {
        var file = Taxonomy.LoadFile(Testing.RepoPaths.DefaultTaxonomy);

        DefaultTopics.Taxonomy.Name.Should().Be(file.Name);
        DefaultTopics.All.Select(static t => t.Path).Should().Equal(file.Topics.Select(static t => t.Path));
        DefaultTopics.All.Select(static t => t.Phrases.Count).Should().Equal(file.Topics.Select(static t => t.Phrases.Count));
    }

    [Fact]
    public void Headline_topics_are_typed_members()
    {
        Topic lora = DefaultTopics.Peft.Lora;

        lora.Parent.Should().BeSameAs(DefaultTopics.Peft);
        DefaultTopics.Roots.Select(static t => t.Id).Should().StartWith(["peft", "moe", "scaling-laws", "alignment"]);
        DefaultTopics.Get(DefaultTopics.GetId(DefaultTopics.Alignment)).Should().BeSameAs(DefaultTopics.Alignment);
        DefaultTopics.Find("lora").Should().BeSameAs(lora);
    }

    [Fact]
    public void Generated_classifier_is_shared_and_assigns_typed_topics()
    {
        var result = DefaultTopics.Classifier.Classify("QLoRA: Efficient Finetuning of Quantized LLMs");

        DefaultTopics.Classifier.Should().BeSameAs(DefaultTopics.Classifier);
        DefaultTopics.Classifier.Taxonomy.Should().BeSameAs(DefaultTopics.Taxonomy);
        result.Topics.Select(static a => a.Topic).Should().Contain([DefaultTopics.Peft.Lora, DefaultTopics.Peft]);
    }
}
