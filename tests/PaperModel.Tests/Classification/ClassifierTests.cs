using PaperModel.Classification;

namespace PaperModel.Tests.Classification;

public class ClassifierTests
{
    private const string Json = """
        {
          "name": "test",
          "version": "1",
          "topics": [
            {
              "id": "peft",
              "name": "PEFT",
              "keywords": ["parameter-efficient", { "text": "adapter", "weight": 0.6 }],
              "vetoes": ["power adapter"],
              "categories": ["cs.CL"],
              "children": [
                { "id": "lora", "name": "LoRA", "acronyms": ["LoRA", "QLoRA"], "keywords": ["low-rank adaptation"] }
              ]
            },
            {
              "id": "alignment",
              "name": "Alignment",
              "keywords": [{ "text": "alignment", "weight": 0.6 }, "human feedback"],
              "vetoes": ["word alignment"],
              "threshold": 0.5
            },
            { "id": "strict", "name": "Strict", "keywords": ["strict phrase"], "threshold": 0.95 }
          ]
        }
        """;

    private static readonly Taxonomy Taxonomy = Taxonomy.Parse(Json);
    private static readonly Classifier Classifier = new(Taxonomy);

    [Fact]
    public void A_strong_phrase_in_the_title_assigns_the_topic_and_its_ancestors_with_evidence()
    {
        var paper = new Paper("1", "QLoRA: Efficient Finetuning of Quantized LLMs");

        var result = Classifier.Classify(paper);

        result.Topics.Select(t => t.Topic.Id).Should().Equal("peft", "lora");
        var lora = result.Find("lora")!;
        lora.Score.Should().BeApproximately(0.9, 1e-9);
        lora.IsImplied.Should().BeFalse();
        lora.Evidence.Should().ContainSingle().Which.Should().Be(
            new TopicEvidence(EvidenceField.Title, "QLoRA", 0, 5, Taxonomy.GetTopic("lora"), 0.9));
        result.Find("peft")!.Evidence.Should().Equal(lora.Evidence);
    }

    [Fact]
    public void Title_weighs_more_than_one_mention_in_the_abstract()
    {
        var inTitle = Classifier.Classify("Transfer with adapter layers");
        var inAbstract = Classifier.Classify("Transfer learning", "We add an adapter to a frozen model.");
        var twiceInAbstract = Classifier.Classify("Transfer learning", "We add adapters. Each adapter is small.");

        inTitle.Find("peft")!.Score.Should().BeApproximately(0.54, 1e-9);
        inAbstract.Topics.Should().BeEmpty("one passing mention (0.6 x 0.3 = 0.18) stays under the threshold");
        twiceInAbstract.Topics.Should().BeEmpty("two weak mentions give 1 - 0.82^2 = 0.33");
        Classifier.Classify("Transfer", "We study parameter-efficient methods. A parameter-efficient adapter.")
            .Find("peft")!.Score.Should().BeApproximately(1 - (0.55 * 0.7 * 0.82), 1e-9, "a contribution sentence (0.45), then two mentions in another sentence (0.3 and 0.6 x 0.3)");
    }

    [Fact]
    public void Evidence_says_why_it_counted_and_what_the_paper_proposes_weighs_most()
    {
        const string Abstract = "Adapters are popular. We propose a parameter-efficient method. Unlike LoRA, it adds nothing. "
            + "Results show parameter-efficient gains.";

        var peft = Classifier.Classify("Transfer learning", Abstract).Find("peft")!;

        peft.Evidence.Select(e => (e.Phrase, e.Reason, Math.Round(e.Weight, 3))).Should().Equal(
            ("adapter", EvidenceReason.BackgroundSentence, 0.12),
            ("parameter-efficient", EvidenceReason.ContributionSentence, 0.45),
            ("LoRA", EvidenceReason.Comparison, 0.3),
            ("parameter-efficient", EvidenceReason.OtherSentence, 0.3));
        var lower = Classifier.WithOptions(ClassifierOptions.Default with { ComparisonWeight = 0.05 });
        lower.Classify("Transfer learning", Abstract).Find("lora").Should().BeNull();
        Classifier.Classify("Transfer learning", "Unlike LoRA, we add nothing. LoRA is not used.").Find("lora")!.Evidence
            .Select(e => e.Reason).Should().Equal(EvidenceReason.Comparison, EvidenceReason.OtherSentence);
        Classifier.Classify("LoRA for all").Find("lora")!.Evidence.Single().Reason.Should().Be(EvidenceReason.TitleHead);
        Classifier.Classify("Efficient tuning with LoRA").Find("lora")!.Evidence.Single().Reason.Should().Be(EvidenceReason.Title);
    }

    [Fact]
    public void Weak_phrases_in_the_abstract_support_a_topic_but_do_not_assign_it_on_their_own()
    {
        const string Abstract = "We propose an alignment of the layers. Our alignment is exact. Our alignment is fast.";
        var weakOnly = Classifier.Classify("Layer matching", Abstract);
        var withStrong = Classifier.Classify("Layer matching", Abstract + " We learn from human feedback.");
        var weakInTitle = Classifier.Classify("Alignment of layers", Abstract);

        weakOnly.Topics.Should().BeEmpty("three weak mentions score 1 - 0.73^3 = 0.61 but none of them is a strong phrase");
        withStrong.Find("alignment")!.Evidence.Select(e => e.Phrase).Should().Equal("alignment", "alignment", "alignment", "human feedback");
        weakInTitle.Find("alignment")!.Evidence.First().Reason.Should().Be(EvidenceReason.TitleHead, "a phrase in the title carries a topic");
        Classifier.WithOptions(ClassifierOptions.Default with { StrongPhraseWeight = 0 }).Classify("Layer matching", Abstract)
            .Find("alignment")!.Score.Should().BeApproximately(1 - Math.Pow(1 - (0.6 * 0.45), 3), 1e-9, "0 turns the rule off");
    }

    [Theory]
    [InlineData("Adapters for transfer", 0.765)]
    [InlineData("Sparse adapters: a study", 0.765)]
    [InlineData("GMM-TS: Adapter layers for forecasting", 0.765)]
    [InlineData("Is an Adapter Enough?", 0.765)]
    [InlineData("Transfer with adapters", 0.54)]
    [InlineData("Adapter: transfer at scale", 0.54)]
    [InlineData("Transfer learning: a study of adapters", 0.54)]
    public void A_weak_phrase_in_the_head_of_the_title_counts_more(string title, double score)
    {
        var peft = Classifier.Classify(title).Find("peft")!;

        peft.Score.Should().BeApproximately(score, 1e-9, "(0.6 + 0.25) x 0.9 in the head, 0.6 x 0.9 elsewhere");
        peft.Evidence.Single().Reason.Should().Be(score > 0.6 ? EvidenceReason.TitleHead : EvidenceReason.Title);
        Classifier.WithOptions(ClassifierOptions.Default with { TitleHeadBonus = 0 }).Classify(title).Find("peft")!.Score
            .Should().BeApproximately(0.54, 1e-9);
    }

    [Fact]
    public void Repeats_of_one_phrase_in_the_abstract_count_at_most_three_times()
    {
        var text = "We tune " + string.Join(" ", Enumerable.Repeat("parameter-efficient", 6));

        var result = Classifier.Classify("A title", text);

        result.Find("peft")!.Score.Should().BeApproximately(1 - Math.Pow(0.55, 3), 1e-9);
        result.Find("peft")!.Evidence.Should().HaveCount(3);
    }

    [Fact]
    public void A_veto_masks_the_matches_it_overlaps_but_not_others()
    {
        Classifier.Classify("Word alignment for machine translation").Topics.Should().BeEmpty();
        Classifier.Classify("Power adapters in the field").Topics.Should().BeEmpty();

        var both = Classifier.Classify("Word alignment and alignment of language models with human feedback");
        both.Find("alignment")!.Evidence.Select(e => (e.Phrase, e.Start)).Should().Equal(("alignment", 19), ("human feedback", 53));
    }

    [Fact]
    public void A_veto_of_a_parent_also_masks_phrases_of_its_children()
    {
        var taxonomy = Taxonomy.Parse("""
            { "name": "t", "version": "1", "topics": [
              { "id": "moe", "name": "MoE", "vetoes": ["expert system"],
                "children": [ { "id": "experts", "name": "Experts", "keywords": ["expert"] } ] } ] }
            """);
        var classifier = new Classifier(taxonomy);

        classifier.Classify("An expert system for medicine").Topics.Should().BeEmpty();
        classifier.Classify("Routing tokens to each expert").Topics.Select(t => t.Topic.Id).Should().Equal("moe", "experts");
    }

    [Fact]
    public void A_longer_match_is_not_counted_twice_with_the_shorter_one_inside_it()
    {
        var taxonomy = Taxonomy.Parse("""
            { "name": "t", "version": "1", "topics": [
              { "id": "lora", "name": "LoRA", "keywords": [{ "text": "low-rank", "weight": 0.4 }, "low-rank adaptation"] } ] }
            """);

        var result = new Classifier(taxonomy).Classify("Low-Rank Adaptation");

        result.Find("lora")!.Evidence.Should().ContainSingle().Which.Phrase.Should().Be("low-rank adaptation");
        result.Find("lora")!.Score.Should().BeApproximately(0.9, 1e-9);
    }

    [Fact]
    public void Topic_thresholds_apply_per_topic()
    {
        Classifier.Classify("A strict phrase here").Topics.Should().BeEmpty("0.9 is below the topic's threshold of 0.95");
        Classifier.Classify("A strict phrase here", "We test strict phrase, strict phrase").Find("strict")!.Score
            .Should().BeGreaterThan(0.95);
    }

    [Fact]
    public void A_parent_is_implied_when_only_a_child_reaches_its_threshold()
    {
        var taxonomy = Taxonomy.Parse("""
            { "name": "t", "version": "1", "topics": [
              { "id": "peft", "name": "PEFT", "threshold": 0.99,
                "children": [ { "id": "lora", "name": "LoRA", "acronyms": ["LoRA"] } ] } ] }
            """);

        var result = new Classifier(taxonomy).Classify("LoRA for all");

        result.Find("peft")!.IsImplied.Should().BeTrue();
        result.Find("lora")!.IsImplied.Should().BeFalse();
    }

    [Fact]
    public void Categories_add_a_small_prior_only_to_topics_with_text_evidence()
    {
        var withCategory = Classifier.Classify("Transfer with adapters", null, ["cs.CL"]);
        var without = Classifier.Classify("Transfer with adapters");

        withCategory.Find("peft")!.Score.Should().BeApproximately(1 - (0.46 * 0.9), 1e-9);
        withCategory.Find("peft")!.Evidence.Last().Should().Be(
            new TopicEvidence(EvidenceField.Category, "cs.CL", 0, 5, Taxonomy.GetTopic("peft"), 0.1));
        without.Find("peft")!.Score.Should().BeApproximately(0.54, 1e-9);
        Classifier.Classify("Nothing relevant", null, ["cs.CL"]).Topics.Should().BeEmpty();
    }

    [Fact]
    public void Classifying_in_parallel_gives_the_same_results_as_one_by_one()
    {
        var papers = Enumerable.Range(0, 400)
            .Select(i => ($"Title {i} with {(i % 3 == 0 ? "LoRA" : "adapters")}", i % 2 == 0 ? "word alignment and alignment" : "parameter-efficient"))
            .ToArray();
        var expected = papers.Select(p => Describe(Classifier.Classify(p.Item1, p.Item2))).ToArray();

        var actual = new string[papers.Length];
        Parallel.For(0, papers.Length, i => actual[i] = Describe(Classifier.Classify(papers[i].Item1, papers[i].Item2)));

        actual.Should().Equal(expected);
    }

    [Fact]
    public void WithOptions_rescores_with_the_same_tables_and_leaves_the_original_alone()
    {
        const string Title = "Speech with adapters";
        var strict = Classifier.WithOptions(new ClassifierOptions { DefaultThreshold = 0.9 });

        Classifier.Classify(Title).Contains("peft").Should().BeTrue("an adapter in the title scores 0.54");
        strict.Classify(Title).Topics.Should().BeEmpty();
        strict.Taxonomy.Should().BeSameAs(Classifier.Taxonomy);
        strict.Options.DefaultThreshold.Should().Be(0.9);
        Classifier.Options.Should().Be(ClassifierOptions.Default);
        ((Func<Classifier>)(() => Classifier.WithOptions(new ClassifierOptions { MaxRepeats = 0 }))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_paper_that_matches_nothing_allocates_no_result()
    {
        var first = Classifier.Classify("Protein folding with diffusion");
        var second = Classifier.Classify(new Paper("2", "Weather forecasting at scale") { Abstract = "We forecast the weather." });

        first.Topics.Should().BeEmpty();
        second.Should().BeSameAs(first);
    }

    [Theory]
    [InlineData(1.5, 0.3, 3)]
    [InlineData(0.9, -0.1, 3)]
    [InlineData(0.9, double.NaN, 3)]
    [InlineData(0.9, 0.3, 0)]
    public void Options_out_of_range_are_rejected(double title, double @abstract, int repeats)
    {
        var act = () => new Classifier(Taxonomy, new ClassifierOptions { TitleWeight = title, AbstractWeight = @abstract, MaxRepeats = repeats });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static string Describe(PaperClassification result) =>
        string.Join("|", result.Topics.Select(t => $"{t.Topic.Id}:{t.Score:R}:{string.Join(",", t.Evidence.Select(e => $"{e.Field}{e.Start}+{e.Length}"))}"));
}
