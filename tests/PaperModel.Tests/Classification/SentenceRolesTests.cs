using PaperModel.Classification;

namespace PaperModel.Tests.Classification;

public class SentenceRolesTests
{
    [Fact]
    public void Sentences_before_the_first_contribution_are_background_and_after_it_other()
    {
        const string Text = "Mixture of experts scales models. Routing is hard for Vaswani et al. and M. Smith at 3.5 GB, e.g. in Fig. 2. "
            + "In this paper, gating is studied. Experts then specialise! Here the results? They hold.";
        var roles = Roles(Text);

        roles.ReasonAt(Text.IndexOf("Mixture", StringComparison.Ordinal)).Should().Be(EvidenceReason.BackgroundSentence);
        roles.ReasonAt(Text.IndexOf("GB", StringComparison.Ordinal)).Should().Be(EvidenceReason.BackgroundSentence, "e.g., et al., an initial and a decimal end no sentence");
        roles.ReasonAt(Text.IndexOf("gating", StringComparison.Ordinal)).Should().Be(EvidenceReason.ContributionSentence);
        roles.ReasonAt(Text.IndexOf("Experts", StringComparison.Ordinal)).Should().Be(EvidenceReason.OtherSentence);
        roles.ReasonAt(Text.IndexOf("results", StringComparison.Ordinal)).Should().Be(EvidenceReason.ContributionSentence, "'Here' opening a sentence speaks of the paper");
        roles.ReasonAt(Text.IndexOf("hold", StringComparison.Ordinal)).Should().Be(EvidenceReason.OtherSentence);
    }

    [Theory]
    [InlineData("Additionally, we test a jailbreak.")]
    [InlineData("In addition, our pipeline has a jailbreak module.")]
    [InlineData("Moreover, a jailbreak is used.")]
    [InlineData("Furthermore, we try a jailbreak.")]
    [InlineData("We also evaluate whether a jailbreak works.")]
    [InlineData("We additionally try a jailbreak.")]
    public void Sentences_that_add_a_secondary_point_are_asides(string aside)
    {
        var text = "Models memorise books. We propose a probe of what they memorise. " + aside + " The probe finds more.";
        var roles = Roles(text);

        roles.ReasonAt(text.IndexOf("probe", StringComparison.Ordinal)).Should().Be(EvidenceReason.ContributionSentence);
        roles.ReasonAt(text.IndexOf("jailbreak", StringComparison.Ordinal)).Should().Be(EvidenceReason.AsideSentence);
        roles.ReasonAt(text.IndexOf("finds", StringComparison.Ordinal)).Should().Be(EvidenceReason.OtherSentence);
    }

    [Theory]
    [InlineData("Our results also show a jailbreak works.")]
    [InlineData("We find; also, a jailbreak works.")]
    [InlineData("We show that models also resist a jailbreak.")]
    public void Also_later_in_a_contribution_sentence_keeps_it_a_contribution(string sentence)
    {
        var text = "Models memorise books. We propose a probe of what they memorise. " + sentence;

        Roles(text).ReasonAt(text.IndexOf("jailbreak", StringComparison.Ordinal)).Should().Be(EvidenceReason.ContributionSentence);
    }

    [Theory]
    [InlineData("Unlike LoRA, our adapters train fast.", "LoRA", "adapters")]
    [InlineData("Our method outperforms LoRA and prefix tuning, while we keep adapters.", "prefix", "adapters")]
    [InlineData("We fine-tune with methods such as LoRA, prompts and adapters; our routing is new.", "adapters", "routing")]
    [InlineData("Compared to MoE layers, our dense model is faster.", "MoE", "dense")]
    [InlineData("Our gains over RLHF are large, and we align models.", "RLHF", "align")]
    [InlineData("We improve on existing MoE models and study routing in depth.", "MoE", "depth")]
    [InlineData("We train it using LoRA adapters and then study the routing of experts.", "LoRA", "experts")]
    [InlineData("Despite their emergent abilities, our models fail to count.", "emergent", "count")]
    public void Comparisons_reach_to_the_end_of_their_clause_or_list(string text, string compared, string own)
    {
        var roles = Roles(text);

        roles.ReasonAt(text.IndexOf(compared, StringComparison.Ordinal)).Should().Be(EvidenceReason.Comparison);
        roles.ReasonAt(text.IndexOf(own, StringComparison.Ordinal)).Should().Be(EvidenceReason.ContributionSentence);
    }

    [Fact]
    public void An_empty_text_has_no_sentences()
    {
        Roles(string.Empty).ReasonAt(0).Should().Be(EvidenceReason.OtherSentence);
    }

    private static SentenceRoles Roles(string text)
    {
        var roles = new SentenceRoles();
        roles.Reset(text);
        return roles;
    }
}
