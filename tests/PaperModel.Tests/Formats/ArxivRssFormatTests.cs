using PaperModel.Formats;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Formats;

public sealed class ArxivRssFormatTests
{
    private const string Sample = "arxiv-rss.sample.xml";
    private const string AtomSample = "arxiv-rss-atom.sample.xml";

    private static readonly PaperFormat Format = PaperFormats.ArxivRss;

    private static readonly DateTimeOffset November28 = new(2024, 11, 28, 0, 0, 0, TimeSpan.FromHours(-5));

    private static string Channel(string items) =>
        $"""
        <?xml version='1.0' encoding='UTF-8'?>
        <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
        <channel><title>cs.CL updates on arXiv.org</title><description>cs.CL updates on the arXiv.org e-print archive.</description>
        {items}
        </channel></rss>
        """;

    [Fact]
    public void The_real_rss_feed_has_eight_papers_with_their_announce_types_and_no_problems()
    {
        var result = ReadSample(Format, Sample);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(static p => (p.ArxivId.ToString(), p.AnnounceType)).Should().Equal(
            ("2411.17700v1", ArxivAnnounceType.New),
            ("2411.17701v1", ArxivAnnounceType.New),
            ("2411.17702v1", ArxivAnnounceType.New),
            ("2202.06515v3", ArxivAnnounceType.Cross),
            ("2405.12090v3", ArxivAnnounceType.Cross),
            ("1401.3665v4", ArxivAnnounceType.Replace),
            ("1708.06999v4", ArxivAnnounceType.Replace),
            ("1712.07645v2", ArxivAnnounceType.Replace));
        result.Papers.Should().OnlyContain(static p => p.Source == PaperSource.ArxivRss && p.ListedOn == November28);
    }

    [Fact]
    public void Every_field_of_a_new_item_is_mapped()
    {
        var paper = ReadSample(Format, Sample).Paper("2411.17702");

        paper.Title.Should().Be("Finding \"Good Views\" of Electrocardiogram Signals for Inferring Abnormalities in Cardiac Condition");
        paper.Abstract.Should().StartWith("Electrocardiograms (ECGs) are an established technique to screen for abnormal cardiac signals.")
            .And.EndWith("We made our code available in: https://github.com/mandiehyewon/goodviews_ecg.git")
            .And.NotContain("Announce Type").And.NotContain("Abstract:");
        paper.Authors.Should().Equal(new Author("Hyewon Jeong"), new Author("Suyeol Yun"), new Author("Hammaad Adam"));
        paper.Categories.Should().Equal("eess.SP", "cs.LG");
        paper.PrimaryCategory.Should().Be("eess.SP");
        paper.License.Should().Be("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
        paper.Links.Should().Equal(
            new PaperLink(PaperLinkKinds.Abstract, new Uri("https://arxiv.org/abs/2411.17702v1")),
            new PaperLink(PaperLinkKinds.Pdf, new Uri("https://arxiv.org/pdf/2411.17702v1")));
        (paper.Published, paper.Updated, paper.Doi, paper.JournalReference).Should().Be((null, null, null, null));
        paper.Versions.Should().BeEmpty();
    }

    [Fact]
    public void A_cross_list_keeps_its_doi_and_journal_reference()
    {
        var paper = ReadSample(Format, Sample).Paper("2405.12090");

        paper.Title.Should().Be("Two-dimensional Synchrotron Beam Characterisation from a Single Interferogram");
        paper.Doi.Should().Be("10.1103/PhysRevAccelBeams.27.112802");
        paper.JournalReference.Should().Be("Phys. Rev. Accel. Beams 27, (2024) 112802");
        paper.Categories.Should().Equal("physics.acc-ph", "astro-ph.IM", "physics.optics");
        paper.Links.Should().Contain(new PaperLink(PaperLinkKinds.Doi, new Uri("https://doi.org/10.1103/PhysRevAccelBeams.27.112802")));
        paper.Authors.Select(static a => a.Name).Should().StartWith(["Bojan Nikolic", "Christopher L. Carilli", "Nithyanandan Thyagarajan"]);
    }

    [Fact]
    public void The_atom_variant_of_the_feed_is_read_the_same_way()
    {
        var result = ReadSample(Format, AtomSample);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(static p => (p.Id, p.AnnounceType)).Should().Equal(
            ("2508.13167", ArxivAnnounceType.New),
            ("2508.13171", ArxivAnnounceType.New),
            ("2508.13174", ArxivAnnounceType.New),
            ("2508.00875", ArxivAnnounceType.Cross),
            ("2508.12365", ArxivAnnounceType.Cross));

        var paper = result.Paper("2508.13167");
        paper.Title.Should().Be("Chain-of-Agents: End-to-End Agent Foundation Models via Multi-Agent Distillation and Agentic RL");
        paper.ArxivId.Should().Be(ArxivId.Parse("2508.13167v1"));
        paper.Authors.Should().HaveCount(30);
        paper.Authors[0].Should().Be(new Author("Weizhen Li"));
        paper.Authors[^1].Should().Be(new Author("Wangchunshu Zhou"));
        paper.Categories.Should().Equal("cs.AI", "cs.CL");
        paper.ListedOn.Should().Be(new DateTimeOffset(2025, 8, 20, 0, 0, 0, TimeSpan.FromHours(-4)));
        paper.License.Should().Be("http://creativecommons.org/licenses/by-nc-sa/4.0/");
        paper.Abstract.Should().StartWith("Recent advances in large language models (LLMs) and multi-agent systems");
        result.Paper("2508.00875").Doi.Should().Be("10.7249/PEA3971-1");
    }

    [Fact]
    public void The_error_feed_is_one_error_with_arxivs_message()
    {
        var result = ReadSample(Format, "arxiv-rss-error.sample.xml");

        result.Papers.Should().BeEmpty();
        var problem = result.Problems.Should().ContainSingle().Which;
        (problem.Code, problem.Severity, problem.Record).Should().Be(("PM1122", ProblemSeverity.Error, null));
        problem.Message.Should().Contain("Bad archive 'astroph'. Valid archive names are: astro-ph, cond-mat, cs");
        (problem.Line, problem.Column).Should().Be((6, 5));
    }

    [Fact]
    public void The_empty_feed_of_a_weekend_has_no_paper_and_no_problem()
    {
        var result = ReadSample(Format, "arxiv-rss-empty.sample.xml");

        result.Papers.Should().BeEmpty();
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_sample_is_detected_and_read_through_the_reader()
    {
        foreach (var (file, count) in new[] { (Sample, 8), (AtomSample, 5), ("arxiv-rss-empty.sample.xml", 0) })
        {
            var result = PaperReader.ReadFile(PaperModel.Testing.RepoPaths.Format(file));

            result.Problems.Should().BeEmpty(file);
            result.Papers.Should().HaveCount(count, file);
            result.Papers.Should().NotContain(static p => p.Source != PaperSource.ArxivRss, file);
        }
    }

    [Fact]
    public void An_item_without_an_id_is_an_error_at_its_start_tag_and_the_others_are_read()
    {
        var result = ReadText(Format, Channel("""
            <item><title>No id here</title><link>https://example.org/post</link><description>Just text.</description></item>
              <item><title>Kept</title><description>arXiv:2401.00001v2 Announce Type: replace-cross Abstract: Kept abstract.</description></item>
            """));

        var problem = result.Problems.Should().ContainSingle().Which;
        (problem.Code, problem.Severity, problem.Line, problem.Column, problem.Record).Should().Be(("PM1123", ProblemSeverity.Error, 4, 1, 1));
        problem.Message.Should().Contain("https://example.org/post");
        var paper = result.Papers.Single();
        (paper.Id, paper.ArxivId!.Value.Version, paper.AnnounceType, paper.Abstract).Should().Be(("2401.00001", 2, ArxivAnnounceType.ReplaceCross, "Kept abstract."));
    }

    [Fact]
    public void Unknown_announce_types_and_bad_dates_are_warnings_and_the_paper_is_kept()
    {
        var result = ReadText(Format, Channel("""
            <item><title>T</title><guid>oai:arXiv.org:2401.00002v1</guid><pubDate>someday</pubDate><arxiv:announce_type>retract</arxiv:announce_type></item>
            """));

        result.Problems.Select(static p => (p.Code, p.Severity, p.Line)).Should().Equal(("PM1125", ProblemSeverity.Warning, 4), ("PM1125", ProblemSeverity.Warning, 4));
        result.Problems[0].Message.Should().Contain("'someday'");
        result.Problems[1].Message.Should().Contain("'retract'");
        var paper = result.Papers.Single();
        (paper.Id, paper.AnnounceType, paper.ListedOn).Should().Be(("2401.00002", null, null));
    }

    [Fact]
    public void An_item_longer_than_the_limit_is_skipped_and_the_next_one_read()
    {
        var result = ReadText(
            Format,
            Channel($"""
                <item><title>Long</title><guid>oai:arXiv.org:2401.00003v1</guid><description>{new string('x', 5000)}</description></item>
                <item><title>Short</title><guid>oai:arXiv.org:2401.00004v1</guid></item>
                """),
            new PaperReadOptions { SourceName = "input", MaxRecordLength = 1000 });

        result.Problems.Select(static p => (p.Code, p.Record)).Should().Equal(("PM1124", 1L));
        result.Papers.Select(static p => p.Id).Should().Equal("2401.00004");
    }

    [Fact]
    public void Broken_xml_keeps_the_items_before_it_and_says_where()
    {
        var text = Channel("""
            <item><title>Before</title><guid>oai:arXiv.org:2401.00005v1</guid></item>
            <item><title>Broken</title></guid></item>
            """);
        var result = ReadText(Format, text);

        result.Papers.Select(static p => p.Id).Should().Equal("2401.00005");
        var problem = result.Problems.Single();
        (problem.Code, problem.Line).Should().Be(("PM1120", 5));
    }

    [Fact]
    public void Another_document_is_one_problem_naming_its_root()
    {
        var result = ReadText(Format, """<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"/>""");

        var problem = result.Problems.Single();
        problem.Code.Should().Be("PM1121");
        problem.Message.Should().Contain("root element is <OAI-PMH>");
    }
}
