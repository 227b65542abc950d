using PaperModel.Classification;

namespace PaperModel.Tests.Classification;

/// <summary>The library's own taxonomy, compiled by the source generator into <see cref="Topics"/>.</summary>
public class DefaultTopicsTests
{
    [Fact]
    public void Generated_default_topics_match_the_taxonomy_file()
    {
        var file = Taxonomy.LoadFile(Testing.RepoPaths.DefaultTaxonomy);

        Topics.Taxonomy.Name.Should().Be(file.Name);
        Topics.All.Select(static t => t.Path).Should().Equal(file.Topics.Select(static t => t.Path));
        Topics.All.Select(static t => t.Phrases.Count).Should().Equal(file.Topics.Select(static t => t.Phrases.Count));
    }

    [Fact]
    public void Headline_topics_are_typed_members()
    {
        Topic lora = Topics.Peft.Lora;

        lora.Parent.Should().BeSameAs(Topics.Peft);
        Topics.Roots.Select(static t => t.Id).Should().StartWith(["peft", "moe", "scaling-laws", "alignment"]);
        Topics.Get(Topics.GetId(Topics.Alignment)).Should().BeSameAs(Topics.Alignment);
        Topics.Find("lora").Should().BeSameAs(lora);
    }

    [Fact]
    public void Generated_classifier_is_shared_and_assigns_typed_topics()
    {
        var result = Topics.Classifier.Classify("QLoRA: Efficient Finetuning of Quantized LLMs");

        Topics.Classifier.Should().BeSameAs(Topics.Classifier);
        Topics.Classifier.Taxonomy.Should().BeSameAs(Topics.Taxonomy);
        result.Topics.Select(static a => a.Topic).Should().Contain([Topics.Peft.Lora, Topics.Peft]);
    }
}
