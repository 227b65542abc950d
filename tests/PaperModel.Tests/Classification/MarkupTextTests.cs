using PaperModel.Classification;

namespace PaperModel.Tests.Classification;

public class MarkupTextTests
{
    [Theory]
    [InlineData("$\\mu$P transfers learning rates", "μP transfers learning rates")]
    [InlineData("\\textit{mixture of experts} layers", "mixture of experts layers")]
    [InlineData("a **Low-Rank** Adaptation", "a Low-Rank Adaptation")]
    [InlineData("S$^3$Net: sleep staging", "S3Net: sleep staging")]
    [InlineData("$\\mathbf{Li_2}$: feature emergence", "Li2: feature emergence")]
    [InlineData("param-\neter efficient", "parameter efficient")]
    [InlineData("fine-\r\n  tuning", "finetuning")]
    [InlineData("50\\% fewer~parameters", "50% fewer parameters")]
    [InlineData("$\\alpha$-LoRA and \\cite{hu} LoRA", "α-LoRA and  hu LoRA")]
    [InlineData("pre-\nLN stays", "pre-\nLN stays")]
    public void Markup_is_taken_out_of_the_text_that_phrases_are_matched_in(string original, string matched)
    {
        var view = new MarkupText();
        view.Reset(original);
        view.Text.Should().Be(matched);
    }

    [Fact]
    public void Text_without_markup_is_used_as_it_is()
    {
        var original = "Mixture-of-experts with LoRA (IA)^3 and snake_case";
        var view = new MarkupText();
        view.Reset(original);
        view.Text.Should().BeSameAs(original);
        view.ToOriginal(4, 10).Should().Be((4, 10));
    }

    [Theory]
    [InlineData("the $\\mu$P recipe", "μP", "$\\mu$P")]
    [InlineData("the **LoRA** method", "LoRA", "**LoRA**")]
    [InlineData("\\textit{LoRA} adapters", "LoRA", "\\textit{LoRA}")]
    [InlineData("S$^3$Net", "S3Net", "S$^3$Net")]
    [InlineData("a param-\neter count", "parameter", "param-\neter")]
    public void Offsets_map_back_to_the_markup_in_the_original(string original, string matched, string source)
    {
        var view = new MarkupText();
        view.Reset(original);
        var start = view.Text.IndexOf(matched, StringComparison.Ordinal);
        var (from, length) = view.ToOriginal(start, matched.Length);
        original.Substring(from, length).Should().Be(source);
    }

    [Theory]
    [InlineData("$\\mu$P: tuning large networks", "hyperparameter-transfer", "$\\mu$P")]
    [InlineData("Scaling \\textit{laws} of sparse models", "scaling-laws", "Scaling \\textit{laws}")]
    [InlineData("A **Low-Rank Adaptation** study", "lora", "**Low-Rank Adaptation**")]
    [InlineData("On mixture-of-ex-\nperts layers", "moe", "mixture-of-ex-\nperts layers")]
    public void The_default_taxonomy_matches_through_markup_with_offsets_into_the_original(string title, string topic, string matched)
    {
        foreach (var classifier in new[] { DefaultTopics.Classifier, new Classifier(SeedLabelTests.LoadDefault()) })
        {
            var assignment = classifier.Classify(title).Find(topic);
            assignment.Should().NotBeNull(title);
            var evidence = assignment!.Evidence.Should().ContainSingle(e => e.Field == EvidenceField.Title).Subject;
            title.Substring(evidence.Start, evidence.Length).Should().Be(matched);
        }
    }
}
