using PaperModel.Classification;
using PaperModel.Formats;
using PaperModel.Testing;

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

    [Fact]
    public void Roles_read_for_some_offsets_equal_the_roles_of_the_whole_text_there()
    {
        // Real abstracts and texts that stress what a sentence's role takes from earlier ones: a pair split by a
        // sentence end (comparison. To), comparisons running on across paragraph breaks, sentences without words.
        var texts = PaperReader.ReadFile(RepoPaths.DailyPapersPage).Papers.Select(static p => p.Abstract).ToList();
        string[] parts =
        [
            "We propose a router.", "Prior work uses experts.", "This is compared.", "To LoRA it is better.", "\n\n", "Such.", "As MoE helps.",
            "Unlike dense models\n\nsparse ones\n\nscale.", "Here the gains hold.", "Moreover, it is fast.", "In addition, it is small.", "3.5.", "e.g. adapters.",
            "Other methods, such as LoRA and prefix tuning, are slower than ours.", "It would like more.", "The results?", "Our method wins!", "(1) Experts.",
        ];
        var random = new Random(20261202);
        for (var i = 0; i < 600; i++)
        {
            texts.Add(string.Join(random.Next(3) == 0 ? "\n\n" : " ", Enumerable.Range(0, random.Next(1, 12)).Select(_ => parts[random.Next(parts.Length)])));
        }

        var some = new SentenceRoles();
        foreach (var text in texts.Where(static t => t.Length > 0))
        {
            var whole = Roles(text);
            var offsets = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => random.Next(text.Length)).ToArray();
            some.Reset(text, offsets);
            foreach (var offset in offsets)
            {
                some.ReasonAt(offset).Should().Be(whole.ReasonAt(offset), "the role at {0} of \"{1}\"", offset, text);
            }

            for (var k = 0; k < 8; k++)
            {
                var offset = random.Next(text.Length);
                some.Reset(text, [offset]);
                some.ReasonAt(offset).Should().Be(whole.ReasonAt(offset), "the role at {0} of \"{1}\" (read for it alone)", offset, text);
            }
        }
    }

    private static SentenceRoles Roles(string text)
    {
        var roles = new SentenceRoles();
        roles.Reset(text);
        return roles;
    }
}
