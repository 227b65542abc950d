using PaperModel.Formats;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Formats;

public sealed class ArxivAtomFormatTests
{
    private static readonly ArxivAtomFormat Format = PaperFormats.ArxivAtom;

    [Fact]
    public void Current_feed_has_ten_papers()
    {
        var result = ReadSample(Format, "arxiv-api-atom.sample.xml");

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.ArxivId.ToString()).Should().Equal(
            "2202.12139v1", "2405.13786v1", "2005.14124v2", "2204.08348v3", "2302.03287v3",
            "1202.4527v1", "2503.05378v2", "1205.1866v1", "2502.07719v2", "1812.11470v1");
        result.Papers.Should().OnlyContain(p => p.Source == PaperSource.ArxivAtom && p.Id == p.ArxivId!.Value.WithoutVersion().ToString());
    }

    [Fact]
    public void Current_entry_maps_every_field()
    {
        var paper = ReadSample(Format, "arxiv-api-atom.sample.xml").Paper("2202.12139");

        paper.Title.Should().Be("Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques");
        paper.Abstract.Should().StartWith("Deep Learning (DL) has revolutionized the capabilities of vision-based systems (VBS)")
            .And.EndWith("discuss its results.");
        paper.Authors.Should().Equal(new Author("Mohit Kumar Ahuja"), new Author("Arnaud Gotlieb"), new Author("Helge Spieker"));
        paper.Published.Should().Be(new DateTimeOffset(2022, 2, 24, 15, 5, 19, TimeSpan.Zero));
        paper.Updated.Should().Be(paper.Published);
        paper.Categories.Should().Equal("cs.SE", "cs.LG");
        paper.PrimaryCategory.Should().Be("cs.SE");
        paper.Comment.Should().Be("Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022");
        paper.JournalReference.Should().StartWith("Artificial Intelligence in Software Testing @ 2022 IEEE International Conference");
        paper.Doi.Should().Be("10.1109/ICSTW55395.2022.00035");
        paper.Links.Should().Equal(
            new PaperLink(PaperLinkKinds.Abstract, new Uri("https://arxiv.org/abs/2202.12139v1")),
            new PaperLink(PaperLinkKinds.Pdf, new Uri("https://arxiv.org/pdf/2202.12139v1")),
            new PaperLink(PaperLinkKinds.Doi, new Uri("https://doi.org/10.1109/ICSTW55395.2022.00035")));
        paper.Versions.Should().BeEmpty("the Atom feed does not list the versions");
    }

    [Fact]
    public void Later_versions_have_their_own_updated_date()
    {
        var paper = ReadSample(Format, "arxiv-api-atom.sample.xml").Paper("2204.08348");

        paper.ArxivId.Should().Be(ArxivId.Parse("2204.08348v3"));
        paper.Title.Should().Be("Automated Test Generation for REST APIs: No Time to Rest Yet");
        paper.Published.Should().Be(new DateTimeOffset(2022, 4, 18, 14, 46, 24, TimeSpan.Zero));
        paper.Updated.Should().Be(new DateTimeOffset(2022, 7, 6, 5, 12, 56, TimeSpan.Zero));
    }

    [Fact]
    public void Old_style_id_with_affiliations()
    {
        var result = ReadSample(Format, "arxiv-api-atom-oldid-affiliation.sample.xml");

        result.Problems.Should().BeEmpty();
        var paper = result.Papers.Should().ContainSingle().Subject;
        paper.Id.Should().Be("astro-ph/0601001");
        paper.ArxivId.Should().Be(ArxivId.Parse("astro-ph/0601001v1"));
        paper.Authors.Should().Equal(
            new Author("Andrew Gould", "Ohio State"),
            new Author("Susan Dorsher", "Ohio State"),
            new Author("B. Scott Gaudi", "CfA"),
            new Author("Andrzej Udalski", "Warsaw University Observatory"));
        paper.Abstract.Should().StartWith("We derive the frequencies of hot Jupiters").And.Contain("V_max<17.5").And.Contain("Gould & Morgan (2003)");
        paper.Categories.Should().Equal("astro-ph");
        paper.JournalReference.Should().Be("ActaAstron.56:1-50,2006");
        paper.Doi.Should().BeNull();
    }

    [Fact]
    public void Legacy_feed_with_wrapped_titles_and_dx_doi_links()
    {
        var result = ReadSample(Format, "arxiv-api-atom-legacy.sample.xml");

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.ArxivId.ToString()).Should().Equal("1111.2011v2", "cond-mat/0607501v2");

        var first = result.Papers[0];
        first.Title.Should().Be("Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit");
        first.Abstract.Should().StartWith("Theoretical description of anisotropic systems, such as layered superconductors").And.NotContain("\n");
        first.Published.Should().Be(new DateTimeOffset(2011, 11, 8, 18, 48, 36, TimeSpan.Zero));
        first.Updated.Should().Be(new DateTimeOffset(2012, 4, 2, 12, 38, 54, TimeSpan.Zero));
        first.Categories.Should().Equal("cond-mat.str-el", "cond-mat.stat-mech");
        first.Doi.Should().Be("10.1103/PhysRevB.85.115117");
        first.Links.Should().Contain(new PaperLink(PaperLinkKinds.Doi, new Uri("http://dx.doi.org/10.1103/PhysRevB.85.115117")));
        first.Comment.Should().Be("8 pages, 3 figures. Published version");
        first.JournalReference.Should().Be("Phys. Rev. B 85, 115117 (2012)");

        var second = result.Papers[1];
        second.Id.Should().Be("cond-mat/0607501");
        second.Authors.Select(a => a.Name).Should().Equal("R. G. Melko", "A. Del Maestro", "A. A. Burkov");
        second.Categories.Should().Equal("cond-mat.str-el");
    }

    [Fact]
    public void Docs_example_takes_the_version_from_the_abstract_link_and_keeps_offsets()
    {
        var result = ReadSample(Format, "arxiv-api-atom-docs-example.sample.xml");

        result.Problems.Should().BeEmpty();
        var paper = result.Papers.Should().ContainSingle().Subject;
        paper.Id.Should().Be("hep-ex/0307015");
        paper.ArxivId.Should().Be(ArxivId.Parse("hep-ex/0307015v1"));
        paper.Title.Should().Be("Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA");
        paper.Published.Should().Be(new DateTimeOffset(2003, 7, 7, 13, 46, 39, TimeSpan.FromHours(-4)));
        paper.Published!.Value.Offset.Should().Be(TimeSpan.FromHours(-4));
        paper.Authors.Should().Equal(new Author("H1 Collaboration"));
        paper.Abstract.Should().EndWith("of 0.30 \\pm 0.04 and 0.23 \\pm 0.04, respectively.");
        paper.Comment.Should().Be("23 pages, 8 figures and 4 tables");
        paper.JournalReference.Should().Be("Eur.Phys.J. C31 (2003) 17-29");
        paper.Categories.Should().Equal("hep-ex");
    }

    [Theory]
    [InlineData("arxiv-api-atom-error.sample.xml", "incorrect id format for abc", 9)]
    [InlineData("arxiv-api-atom-error-legacy.sample.xml", "incorrect id format for 1234.12345", 11)]
    public void Error_feed_is_a_problem_not_a_paper(string sample, string message, int line)
    {
        var result = ReadSample(Format, sample);

        result.Papers.Should().BeEmpty();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1051");
        problem.Severity.Should().Be(ProblemSeverity.Error);
        problem.Message.Should().Contain(message);
        problem.Line.Should().Be(line);
        problem.Source.Should().Be(sample);
        problem.Record.Should().Be(1);
    }

    [Fact]
    public void Billion_laughs_is_refused_at_once()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2202.12139v1</id><title>&lol9;</title></entry></feed>
            """;

        var result = ReadText(Format, bomb);

        result.Papers.Should().BeEmpty();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1050");
        problem.Message.Should().Contain("DTD is prohibited");
    }

    [Fact]
    public void External_entities_are_not_resolved()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2202.12139v1</id><title>&secret;</title></entry></feed>
            """;

        var result = ReadText(Format, xxe);

        result.Papers.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.Code.Should().Be("PM1050");
    }

    [Fact]
    public void Broken_xml_keeps_the_entries_before_it()
    {
        var text = SampleText("arxiv-api-atom.sample.xml");
        var cut = text.IndexOf("<id>http://arxiv.org/abs/2005.14124v2</id>", StringComparison.Ordinal) + 20;

        var result = ReadText(Format, text.Substring(0, cut) + "</entry></feed>");

        result.Papers.Select(p => p.Id).Should().Equal("2202.12139", "2405.13786");
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1050");
        problem.Line.Should().Be(PositionOf(text, cut).Line);
        problem.Record.Should().Be(3);
    }

    [Fact]
    public void Entries_that_cannot_be_papers_are_problems_and_the_rest_is_read()
    {
        const string feed = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><title>No id</title></entry>
              <entry><id>http://example.org/not-arxiv</id><title>Bad id</title></entry>
              <entry><id>http://arxiv.org/abs/2202.12139v1</id></entry>
              <entry><id>http://arxiv.org/abs/2202.12139v2</id><title>Bad date</title><published>last week</published></entry>
            </feed>
            """;

        var result = ReadText(Format, feed);

        result.Papers.Should().ContainSingle().Which.Published.Should().BeNull();
        result.Problems.Select(p => (p.Code, p.Line, p.Column, p.Severity)).Should().Equal(
            ("PM1052", 2, 3, ProblemSeverity.Error),
            ("PM1052", 3, 3, ProblemSeverity.Error),
            ("PM1053", 4, 3, ProblemSeverity.Error),
            ("PM1054", 5, 3, ProblemSeverity.Warning));
        var errors = result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        (result.Papers.Count + errors).Should().Be(4, "every entry is a paper or an error");
    }

    [Fact]
    public void Other_xml_is_not_an_atom_feed()
    {
        var result = ReadSample(Format, "arxiv-oai-arxivraw.sample.xml");

        result.Papers.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.Should().Match<ParseProblem>(p => p.Code == "PM1055" && p.Line == 2 && p.Message.Contains("OAI-PMH"));
    }
}
