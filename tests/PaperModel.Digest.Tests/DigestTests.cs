namespace PaperModel.Digest.Tests;

/// <summary>The digest model: sections by most specific topic, ranking, options, links, authors.</summary>
public sealed class DigestTests
{
    [Fact]
    public void Sample_page_digest_has_a_section_per_most_specific_requested_topic()
    {
        var digest = PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Topics = TestPapers.HeadlineTopics });

        digest.Sections.Should().NotBeEmpty();
        digest.Sections.Select(static s => s.Topic.Id).Should().OnlyHaveUniqueItems();
        foreach (var section in digest.Sections)
        {
            section.Entries.Should().NotBeEmpty();
            section.Entries.Select(static e => e.Paper).Should().OnlyHaveUniqueItems("a paper is listed once per section");
            TestPapers.HeadlineTopics.Should().Contain(id => id == section.Topic.Id || section.Topic.Ancestors.Any(a => a.Id == id));
            foreach (var entry in section.Entries)
            {
                entry.Assignment.Topic.Should().BeSameAs(section.Topic);
                entry.Paper.Topics.Select(static t => t.Topic).Should().NotContain(
                    t => t.Parent == section.Topic, "a paper goes under its most specific topics, not their parents");
                entry.Evidence.Should().NotBeEmpty("every entry says why it was picked");
            }

            section.Entries.Select(static e => e.Score).Should().BeInDescendingOrder();
        }

        // Requested order: every PEFT section before every MoE section, and so on.
        var order = digest.Sections.Select(s => Array.FindIndex(TestPapers.HeadlineTopics, id => id == s.Topic.Id || s.Topic.Ancestors.Any(a => a.Id == id))).ToList();
        order.Should().BeInAscendingOrder();
        digest.Sections.Should().Contain(s => s.Topic.Id == "lora").Which.Heading.Should().Contain("›", "a subtopic's heading names its requested parent");
        digest.Papers.Should().OnlyHaveUniqueItems();
        digest.Papers.Should().HaveCount(digest.Sections.SelectMany(static s => s.Entries).Select(static e => e.Paper).Distinct().Count());
    }

    [Fact]
    public void Ties_on_score_are_ranked_by_upvotes_then_date()
    {
        var day = new DateTimeOffset(2025, 7, 30, 0, 0, 0, TimeSpan.Zero);
        var papers = new[]
        {
            TestPapers.Lora("2507.00001", "LoRA-Flow: Low-Rank Adaptation for Everyone A", upvotes: 3, listedOn: day),
            TestPapers.Lora("2507.00002", "LoRA-Flow: Low-Rank Adaptation for Everyone B", upvotes: 40, listedOn: day),
            TestPapers.Lora("2507.00003", "LoRA-Flow: Low-Rank Adaptation for Everyone C", upvotes: 3, listedOn: day.AddDays(1)),
        };

        var section = PaperDigest.Create(papers, TestPapers.Classifier, new DigestOptions { Topics = ["peft"] }).Sections.Single(static s => s.Topic.Id == "lora");

        section.Entries.Select(static e => e.Score).Distinct().Should().ContainSingle("the three abstracts and titles match alike");
        section.Entries.Select(static e => e.Paper.Key).Should().Equal("2507.00002", "2507.00003", "2507.00001");
    }

    [Fact]
    public void Options_cut_per_topic_by_score_and_by_date()
    {
        var all = PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Topics = TestPapers.HeadlineTopics });
        var biggest = all.Sections.MaxBy(static s => s.Entries.Count)!;
        biggest.Entries.Count.Should().BeGreaterThan(2);

        var capped = PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Topics = TestPapers.HeadlineTopics, MaxPerTopic = 2 });
        capped.Sections.Should().OnlyContain(static s => s.Entries.Count <= 2);
        capped.Sections.Single(s => s.Topic == biggest.Topic).Entries.Select(static e => e.Paper.Key).Should().Equal(biggest.Entries.Take(2).Select(static e => e.Paper.Key));

        var strict = PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Topics = TestPapers.HeadlineTopics, MinimumScore = 0.9 });
        strict.Sections.SelectMany(static s => s.Entries).Should().OnlyContain(static e => e.Score >= 0.9);
        strict.Papers.Count.Should().BeLessThan(all.Papers.Count);

        var day = TestPapers.SamplePage[0].ListedOn!.Value;
        PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Since = day.AddDays(1) }).IsEmpty.Should().BeTrue();
        PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Until = day }).IsEmpty.Should().BeTrue();
        PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Topics = TestPapers.HeadlineTopics, Since = day, Until = day.AddDays(1) })
            .Papers.Should().HaveCount(all.Papers.Count);
    }

    [Fact]
    public void Unknown_topic_is_an_argument_error()
    {
        var act = () => PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Topics = ["no-such-topic"] });

        act.Should().Throw<ArgumentException>().WithMessage("*no-such-topic*");
    }

    [Fact]
    public void A_paper_listed_twice_or_in_two_versions_appears_once()
    {
        var papers = new[]
        {
            TestPapers.Lora("2507.01234v1", upvotes: 5),
            TestPapers.Lora("2507.01234v2", upvotes: 9, listedOn: new DateTimeOffset(2025, 7, 31, 0, 0, 0, TimeSpan.Zero)),
        };

        var digest = PaperDigest.Create(papers, TestPapers.Classifier);

        digest.Papers.Should().ContainSingle().Which.Key.Should().Be("2507.01234");
        digest.Papers[0].ArxivId.Should().Be(ArxivId.Parse("2507.01234v2"), "the newest version wins");
        digest.Papers[0].Upvotes.Should().Be(9);
    }

    [Fact]
    public void Long_author_lists_are_shortened_with_a_count()
    {
        var digest = PaperDigest.Create([TestPapers.Lora("2507.00600", authors: 600), TestPapers.Lora("2507.00005", "LoRA-Flow: Low-Rank Adaptation for Five", authors: 5)], TestPapers.Classifier);

        var many = digest.Papers.Single(static p => p.Key == "2507.00600");
        many.Authors.Should().Be("Author 1, Author 2, Author 3, … Author 600 (600 authors)");
        digest.Papers.Single(static p => p.Key == "2507.00005").Authors.Should().Be("Author 1, Author 2, Author 3, Author 4, Author 5");
    }

    [Fact]
    public void Links_come_from_the_arxiv_id_and_the_source_and_only_web_links_are_kept()
    {
        var paper = TestPapers.Lora("2507.04321v3") with
        {
            Links =
            [
                new PaperLink(PaperLinkKinds.Code, new Uri("https://github.com/example/lora-flow")),
                new PaperLink(PaperLinkKinds.Project, new Uri("javascript:alert(1)")),
            ],
        };

        var links = PaperDigest.Create([paper], TestPapers.Classifier).Papers.Single().Links;

        links.Select(static l => (l.Label, l.Url.AbsoluteUri)).Should().Equal(
            ("arXiv", "https://arxiv.org/abs/2507.04321v3"),
            ("PDF", "https://arxiv.org/pdf/2507.04321v3"),
            ("Hugging Face", "https://huggingface.co/papers/2507.04321"),
            ("Code", "https://github.com/example/lora-flow"));
    }

    [Fact]
    public void Snippet_marks_exactly_the_matched_text_of_the_abstract()
    {
        var digest = PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Topics = TestPapers.HeadlineTopics });

        foreach (var paper in digest.Papers)
        {
            var abstractEvidence = paper.Topics.SelectMany(static t => t.Evidence).Where(static e => e.Field == Classification.EvidenceField.Abstract).ToList();
            var marked = paper.Snippet.Where(static r => r.IsEvidence).Select(static r => r.Text).ToList();
            marked.Should().OnlyContain(text => abstractEvidence.Any(e => e.MatchedText(paper.Paper).Contains(text, StringComparison.Ordinal)));
            if (abstractEvidence.Count > 0)
            {
                marked.Should().NotBeEmpty($"the snippet of '{paper.Title}' starts around its first matched phrase");
            }

            var text = string.Concat(paper.Snippet.Select(static r => r.Text)).Trim('…', ' ');
            paper.Paper.Abstract.Should().Contain(text);
            text.Length.Should().BeLessThanOrEqualTo(DigestOptions.Default.SnippetLength);
            string.Concat(paper.TitleRuns.Select(static r => r.Text)).Should().Be(paper.Title);
        }
    }
}
