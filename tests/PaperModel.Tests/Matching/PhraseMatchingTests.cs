using PaperModel.Classification;
using PaperModel.Common.Matching;

namespace PaperModel.Tests.Matching;

public class PhraseMatchingTests
{
    [Theory]
    [InlineData("Mixture-of-Experts layers", "mixture-of-experts", "Mixture-of-Experts")]
    [InlineData("a sparse mixture of experts model", "mixture-of-experts", "mixture of experts")]
    [InlineData("mixture-of experts", "mixture-of-experts", "mixture-of experts")]
    [InlineData("mixture \u2013 of experts", "mixture-of-experts", "mixture \u2013 of experts")]
    [InlineData("parameter efficient fine tuning", "parameter-efficient fine-tuning", "parameter efficient fine tuning")]
    [InlineData("We finetune it.", "fine-tune", "finetune")]
    [InlineData("parameter-efficient finetuning of LLMs", "parameter-efficient fine-tuning", "parameter-efficient finetuning")]
    public void Hyphen_space_and_closed_compound_variants_match(string text, string phrase, string expected)
    {
        Matches(text, phrase).Should().Equal(expected);
    }

    [Theory]
    [InlineData("a mixture of heterogeneous grouped experts", "mixture of heterogeneous grouped experts")]
    [InlineData("Mixture-of-Spatial-Experts", "Mixture-of-Spatial-Experts")]
    [InlineData("mixtures of weak and strong experts", "mixtures of weak and strong experts")]
    [InlineData("a mixture of LoRA experts and experts", "mixture of LoRA experts")]
    public void A_word_gap_matches_one_to_three_joined_words(string text, string expected)
    {
        Matches(text, "mixture of * expert").Should().Equal(expected);
    }

    [Theory]
    [InlineData("a mixture of experts")]
    [InlineData("a mixture of one two three four experts")]
    [InlineData("a mixture of data, and experts")]
    [InlineData("a mixture of (dense) experts")]
    [InlineData("a mixture of tasks. Experts")]
    public void A_word_gap_is_neither_empty_nor_longer_than_three_words_nor_punctuated(string text)
    {
        Matches(text, "mixture of * expert").Should().BeEmpty();
    }

    [Fact]
    public void A_lone_star_without_spaces_is_a_literal_gap()
    {
        Matches("a mixture of*experts", "mixture of*expert").Should().Equal("mixture of*experts");
        Matches("a mixture of dense experts", "mixture of*expert").Should().BeEmpty();
    }

    [Theory]
    [InlineData("mixture--of experts")]
    [InlineData("mixture, of experts")]
    [InlineData("mixture/of experts")]
    [InlineData("mixtureof experts")]
    public void Other_separators_do_not_join_phrase_tokens(string text)
    {
        Matches(text, "mixture of experts").Should().BeEmpty();
    }

    [Theory]
    [InlineData("several adapters", "adapter", "adapters")]
    [InlineData("Reward Models", "reward model", "Reward Models")]
    [InlineData("neural scaling laws", "scaling law", "scaling laws")]
    [InlineData("load balancing losses", "load balancing loss", "load balancing losses")]
    [InlineData("routing strategies", "routing strategy", "routing strategies")]
    [InlineData("KV caches", "KV cache", "KV caches")]
    [InlineData("mixtures of experts", "mixture of expert", "mixtures of experts")]
    public void Regular_plurals_match_phrases_written_in_the_singular(string text, string phrase, string expected)
    {
        Matches(text, phrase).Should().Equal(expected);
    }

    [Theory]
    [InlineData("loss", "los")]
    [InlineData("adapteres", "adapter")]
    [InlineData("adapterss", "adapter")]
    [InlineData("adaptered", "adapter")]
    public void Non_plural_endings_do_not_match(string text, string phrase)
    {
        Matches(text, phrase).Should().BeEmpty();
    }

    [Theory]
    [InlineData("We fine-tune with LoRA.", "LoRA")]
    [InlineData("LoRA-style updates", "LoRA")]
    [InlineData("several LoRAs merged", "LoRAs")]
    [InlineData("MoE-based LLMs", "MoE")]
    [InlineData("Sparse MoEs scale", "MoEs")]
    [InlineData("trained with RLHF.", "RLHF")]
    public void Acronyms_match_whole_tokens_with_the_same_capitals(string text, string expected)
    {
        var phrase = expected.TrimEnd('s');
        Matches(text, phrase).Should().Equal(expected);
    }

    [Theory]
    [InlineData("explora of the data", "LoRA")]
    [InlineData("a lora radio link", "LoRA")]
    [InlineData("LORA networks", "LoRA")]
    [InlineData("LoRa WAN", "LoRA")]
    [InlineData("moe", "MoE")]
    [InlineData("MOE", "MoE")]
    [InlineData("rlhf", "RLHF")]
    [InlineData("LORAs", "LoRA")]
    public void Acronyms_do_not_match_other_capitalisation_or_inside_lowercase_words(string text, string phrase)
    {
        Matches(text, phrase).Should().BeEmpty();
    }

    [Theory]
    [InlineData("DeepSeekMoE: towards", "MoE", "MoE")]
    [InlineData("AdaLoRA allocates", "LoRA", "LoRA")]
    [InlineData("MoELoRA combines", "MoE", "MoE")]
    [InlineData("the LoRAShear method", "LoRA", "LoRA")]
    [InlineData("StableMoEs", "MoE", "MoEs")]
    [InlineData("WASP12b transits", "WASP12", "WASP12")]
    [InlineData("a GPT3Turbo run", "GPT3", "GPT3")]
    [InlineData("InstructGPT3 outputs", "GPT3", "GPT3")]
    [InlineData("QLoRA fine-tuning", "LoRA", "LoRA")]
    [InlineData("ExPLoRAs adapt", "LoRA", "LoRAs")]
    [InlineData("OLMoE", "MoE", "MoE")]
    public void Acronyms_match_at_camel_case_boundaries_inside_a_token(string text, string phrase, string expected)
    {
        Matches(text, phrase).Should().Equal(expected);
    }

    [Theory]
    [InlineData("XLoRAShear", "LoRA")]
    [InlineData("MoEfication of models", "MoE")]
    [InlineData("a NORM layer", "ORM")]
    [InlineData("GPT35 outputs", "GPT3")]
    [InlineData("WASP121 transits", "WASP12")]
    [InlineData("the 13DGS set", "3DGS")]
    public void Acronyms_do_not_match_inside_a_token_without_a_camel_case_boundary(string text, string phrase)
    {
        Matches(text, phrase).Should().BeEmpty();
    }

    [Fact]
    public void A_listed_compound_acronym_matches_as_a_whole_token()
    {
        Matches("QLoRA fine-tuning", "QLoRA").Should().Equal("QLoRA");
        Matches("OLMoE", "OLMoE").Should().Equal("OLMoE");
    }

    [Fact]
    public void Keywords_are_case_insensitive_but_acronym_tokens_inside_them_are_not()
    {
        Matches("SWITCH TRANSFORMERS", "switch transformer").Should().Equal("SWITCH TRANSFORMERS");
        Matches("a LoRA adapter", "LoRA adapter").Should().Equal("LoRA adapter");
        Matches("a LORA ADAPTER", "LoRA adapter").Should().BeEmpty();
        Matches("lora adapter", "lora adapter").Should().Equal("lora adapter");
    }

    [Fact]
    public void Acronym_kind_makes_every_token_case_sensitive()
    {
        Matches("Llama Guard", "Llama Guard", PhraseKind.Acronym).Should().Equal("Llama Guard");
        Matches("llama guard", "Llama Guard", PhraseKind.Acronym).Should().BeEmpty();
        Matches("llama guard", "Llama Guard").Should().Equal("llama guard");
    }

    [Fact]
    public void Gaps_that_are_not_joiners_must_match_literally()
    {
        Matches("(IA)^3 scales activations", "(IA)^3").Should().Equal("IA)^3");
        Matches("IA 3", "(IA)^3").Should().BeEmpty();
        Matches("helpful, honest and harmless", "helpful, honest").Should().Equal("helpful, honest");
        Matches("helpful honest", "helpful, honest").Should().BeEmpty();
    }

    [Theory]
    [InlineData("na\u00efve LoRA", "LoRA", 6)]
    [InlineData("\u0130\u0130 LoRA", "LoRA", 3)]
    [InlineData("\u00dfLoRA", "LoRA", 1)]
    [InlineData("Stra\u00dfe adapter", "adapter", 7)]
    [InlineData("\ud835\udc00 adapter", "adapter", 3)]
    public void Offsets_point_into_the_original_text_whatever_the_case_mapping(string text, string phrase, int start)
    {
        var found = Scan(text, phrase);
        found.Should().ContainSingle();
        found[0].Start.Should().Be(start);
        text.Substring(found[0].Start, found[0].Length).Should().BeEquivalentTo(phrase);
    }

    [Theory]
    [InlineData("caf\u00e9adapter")]
    [InlineData("\u00e9adapter")]
    [InlineData("adapter\u00e9")]
    [InlineData("adapter\u0301s")]
    [InlineData("\u4e2dadapter")]
    public void Word_boundaries_are_unicode_aware(string text)
    {
        Matches(text, "adapter").Should().BeEmpty();
    }

    [Fact]
    public void Several_phrases_at_one_position_are_all_reported_longest_first()
    {
        var tables = MatcherTables.Build(
        [
            new PhraseSource(0, false, "low-rank", 1, PhraseKind.Keyword),
            new PhraseSource(0, false, "low-rank adaptation", 1, PhraseKind.Keyword),
        ]);
        var found = Scan(tables, "Low-Rank Adaptation of LLMs");
        found.Select(o => tables.Entries[o.Entry].Phrase).Should().Equal("low-rank adaptation", "low-rank");
        found.Select(o => o.Length).Should().Equal(19, 8);
    }

    [Fact]
    public void Vocabulary_holds_each_folded_token_once()
    {
        var tables = MatcherTables.Build(
        [
            new PhraseSource(0, false, "Mixture-of-Experts", 1, PhraseKind.Keyword),
            new PhraseSource(1, false, "LoRA", 1, PhraseKind.Keyword),
            new PhraseSource(1, true, "LoRa radio", 1, PhraseKind.Keyword),
        ]);
        tables.Vocabulary.Should().BeEquivalentTo(["EXPERTS", "LORA", "MIXTURE", "MIXTUREOF", "MIXTUREOFEXPERTS", "OF", "OFEXPERTS", "RADIO"]);
    }

    [Theory]
    [InlineData("ADAPTER", "ADAPTER:None ADAPTERS:S")]
    [InlineData("LOSS", "LOSS:None LOSSES:Es")]
    [InlineData("APPROACH", "APPROACH:None APPROACHS:S APPROACHES:Es")]
    [InlineData("STRATEGY", "STRATEGY:None STRATEGYS:S STRATEGIES:Ies")]
    [InlineData("BOX", "BOX:None BOXS:S BOXES:Es")]
    [InlineData("KV", "KV:None KVS:S")]
    [InlineData("A", "A:None")]
    [InlineData("MY", "MY:None MYS:S")]
    public void Plural_forms_are_decided_once_per_vocabulary_token(string token, string expected)
    {
        string.Join(" ", PluralForms.FormsOf(token).Select(f => $"{f.Form}:{f.Suffix}")).Should().Be(expected);
    }

    [Fact]
    public void A_text_token_that_is_two_forms_finds_both_vocabulary_tokens_in_suffix_order()
    {
        var forms = new TokenForms(["LOSSE", "LOSS"], [true, true]);
        const string Text = "losses";
        var hash = Text.Aggregate(0u, (h, c) => TokenForms.Step(h, char.ToUpperInvariant(c)));

        var form = forms.Find(Text, 0, Text.Length, hash);

        form.Should().BeGreaterThanOrEqualTo(0);
        forms.Candidates(form, out var start, out var end);
        Enumerable.Range(start, end - start).Select(c => (forms.CandidateId(c), forms.CandidateSuffix(c)))
            .Should().Equal((0, PluralSuffix.S), (1, PluralSuffix.Es));
        forms.Find("lossy", 0, 5, "lossy".Aggregate(0u, (h, c) => TokenForms.Step(h, char.ToUpperInvariant(c)))).Should().Be(-1);
    }

    private static List<string> Matches(string text, string phrase, PhraseKind kind = PhraseKind.Keyword) =>
        Scan(text, phrase, kind).Select(o => text.Substring(o.Start, o.Length)).ToList();

    private static List<Occurrence> Scan(string text, string phrase, PhraseKind kind = PhraseKind.Keyword) =>
        Scan(MatcherTables.Build([new PhraseSource(0, false, phrase, 1, kind)]), text);

    private static List<Occurrence> Scan(MatcherTables tables, string text)
    {
        var buffer = new ScanBuffer<Occurrence>();
        PhraseScanner.Scan(text, tables, new ScanBuffer<TokenHit>(), buffer);
        return buffer.Items.ToArray().ToList();
    }
}
