using PaperModel.Classification;
using PaperModel.Testing;

namespace PaperModel.Tests.Classification;

public class DefaultTaxonomyTests
{
    [Fact]
    public void Default_taxonomy_loads_without_problems_and_has_the_headline_topics()
    {
        using var stream = File.OpenRead(RepoPaths.DefaultTaxonomy);

        Taxonomy.TryLoad(stream, RepoPaths.DefaultTaxonomy, out var taxonomy, out var problems).Should().BeTrue();

        problems.Should().BeEmpty();
        taxonomy!.Roots.Select(t => t.Id).Should().StartWith(["peft", "moe", "scaling-laws", "alignment"]);
        taxonomy.GetTopic("lora").Parent!.Id.Should().Be("peft");
        taxonomy.GetTopic("preference-optimization").Parent!.Id.Should().Be("alignment");
    }

    [Theory]
    [InlineData("LoRA: Low-Rank Adaptation of Large Language Models", "lora")]
    [InlineData("Compacter: Efficient Low-Rank Hypercomplex Adapter Layers", "adapters")]
    [InlineData("The Power of Scale for Parameter-Efficient Prompt Tuning", "prompt-tuning")]
    [InlineData("Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer", "moe")]
    [InlineData("DeepSeekMoE: Towards Ultimate Expert Specialization", "moe")]
    [InlineData("Mixture-of-Experts with Expert Choice Routing", "routing")]
    [InlineData("Training Compute-Optimal Large Language Models", "compute-optimal")]
    [InlineData("Tensor Programs V: Tuning Large Neural Networks via Zero-Shot Hyperparameter Transfer", "hyperparameter-transfer")]
    [InlineData("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", "preference-optimization")]
    [InlineData("Constitutional AI: Harmlessness from AI Feedback", "safety")]
    [InlineData("Training language models to follow instructions with human feedback", "rlhf")]
    public void Titles_from_the_field_get_their_topic(string title, string topic)
    {
        Load().Classify(title).Contains(topic).Should().BeTrue();
    }

    [Theory]
    [InlineData("Word Alignment by Fine-tuning Embeddings on Parallel Corpora")]
    [InlineData("Image Alignment and Stitching: A Tutorial")]
    [InlineData("Expert Systems in Medicine")]
    [InlineData("Scalable Diffusion Models with Transformers")]
    [InlineData("Power Law Distributions in Empirical Data")]
    [InlineData("Multidimensional Scaling for Large Genomic Data Sets")]
    [InlineData("Mixture of Depths: Dynamically allocating compute in transformer-based language models")]
    [InlineData("ExPLoRing the data: a lora radio study")]
    [InlineData("A USB power adapter for field sensors")]
    public void Look_alike_titles_get_no_headline_topic(string title)
    {
        var result = Load().Classify(title);

        result.Topics.Select(t => t.Topic.Id).Should().NotContain(["peft", "moe", "scaling-laws", "alignment"]);
    }

    private static Classifier Load() => new(Taxonomy.LoadFile(RepoPaths.DefaultTaxonomy));
}
