using PaperModel.Formats;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Formats;

public sealed class ArxivOaiFormatTests
{
    private const string Sample = "arxiv-oai-arxivraw.sample.xml";

    private static readonly PaperFormat Format = PaperFormats.ArxivOai;

    private static string Envelope(string records) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <responseDate>2026-01-05T10:00:00Z</responseDate>
        <request verb="ListRecords" metadataPrefix="arXiv">https://oaipmh.arxiv.org/oai</request>
        <ListRecords>
        {records}
        </ListRecords>
        </OAI-PMH>
        """;

    [Fact]
    public void The_real_arxivraw_page_has_eight_papers_and_no_problems()
    {
        var result = ReadSample(Format, Sample);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(static p => p.ArxivId.ToString()).Should().Equal(
            "0801.3673v1", "0801.3674v4", "0801.3675v1", "0801.3676v2", "0801.3677v2", "0801.3678v1", "0801.3698v2", "0801.3711v1");
        result.Papers.Should().OnlyContain(static p => p.Source == PaperSource.ArxivOai);
    }

    [Fact]
    public void Arxivraw_versions_give_the_dates_and_every_field_is_mapped()
    {
        var paper = ReadSample(Format, Sample).Paper("0801.3674");

        paper.Title.Should().Be("A Study of Structure Formation and Reheating in the D3/D7 Brane Inflation Model");
        paper.Authors.Should().Equal(
            new Author("Robert H. Brandenberger", "McGill"),
            new Author("Keshav Dasgupta", "McGill"),
            new Author("Anne-Christine Davis", "DAMTP, Cambridge"));
        paper.Versions.Select(static v => v.Number).Should().Equal(1, 2, 3, 4);
        paper.Published.Should().Be(new DateTimeOffset(2008, 1, 23, 21, 13, 53, TimeSpan.Zero));
        paper.Updated.Should().Be(new DateTimeOffset(2008, 9, 11, 22, 3, 53, TimeSpan.Zero));
        paper.Categories.Should().Equal("hep-th", "astro-ph", "gr-qc", "hep-ph");
        paper.PrimaryCategory.Should().Be("hep-th");
        paper.JournalReference.Should().Be("Phys.Rev.D78:083502,2008");
        paper.Doi.Should().Be("10.1103/PhysRevD.78.083502");
        paper.License.Should().Be("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
        paper.Submitter.Should().Be("Robert Brandenberger");
        paper.Comment.Should().StartWith("Some sections expanded, typos corrected and references added. Final version");
        paper.Abstract.Should().StartWith("We study the spectrum of cosmological fluctuations in the D3/D7 brane inflationary universe");
        paper.Links.Should().Contain(new PaperLink(PaperLinkKinds.Pdf, new Uri("https://arxiv.org/pdf/0801.3674v4")));

        ReadSample(Format, Sample).Paper("0801.3698").ReportNumber.Should().Be("LA-UR 07-7165");
    }

    [Fact]
    public void The_real_arxiv_metadata_record_is_mapped_field_by_field()
    {
        var result = PaperReader.ReadFile(Repo("arxiv-oai-arxiv.sample.xml"));

        result.Problems.Should().BeEmpty();
        var paper = result.Papers.Should().ContainSingle().Subject;
        (paper.Id, paper.ArxivId, paper.Source).Should().Be(("0801.3931", ArxivId.Parse("0801.3931"), PaperSource.ArxivOai));
        paper.Title.Should().Be("Dynamical study of 2D and 3D barred galaxy models");
        paper.Authors.Should().Equal(new Author("T. Manos"), new Author("E. Athanassoula"));
        paper.Published.Should().Be(new DateTimeOffset(2008, 1, 25, 0, 0, 0, TimeSpan.Zero));
        paper.Updated.Should().BeNull();
        paper.Categories.Should().Equal("astro-ph");
        paper.Comment.Should().Be("8 pages, 3 figures, to appear in the proceedings of the international conference \"Chaos in Astronomy\", Athens, Greece (talk contribution)");
        paper.JournalReference.Should().Be("Chaos in Astronomy Astrophysics and Space Science Proceedings 2009, pp 115-122");
        paper.Doi.Should().Be("10.1007/978-3-540-75826-6_11");
        paper.Abstract.Should().StartWith("We study the dynamics of 2D and 3D barred galaxy analytical models")
            .And.Contain("a Poincar\\'{e} $(y,p_y)$ surface of section").And.EndWith("larger relatively distances from it.");
    }

    [Fact]
    public void The_sample_is_detected_and_read_through_the_reader()
    {
        var result = PaperReader.ReadFile(Repo(Sample));

        result.Papers.Should().HaveCount(8);
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void A_deleted_record_is_a_warning_naming_it_and_no_paper()
    {
        var result = ReadText(Format, Envelope("""
            <record><header status="deleted"><identifier>oai:arXiv.org:1234.5678</identifier><datestamp>2020-01-01</datestamp></header></record>
            """));

        result.Papers.Should().BeEmpty();
        var problem = result.Problems.Single();
        problem.Code.Should().Be("PM1103");
        problem.Severity.Should().Be(ProblemSeverity.Warning);
        problem.Message.Should().Contain("oai:arXiv.org:1234.5678").And.Contain("deleted");
        (problem.Line, problem.Column).Should().Be((6, 1));
    }

    [Fact]
    public void The_arxiv_format_has_structured_authors_and_its_dates()
    {
        var result = ReadText(Format, Envelope("""
            <record><header><identifier>oai:arXiv.org:2401.00001</identifier><datestamp>2024-01-03</datestamp><setSpec>cs</setSpec></header>
            <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2401.00001</id><created>2024-01-01</created><updated>2024-01-02</updated>
            <authors><author><keyname>Lee</keyname><forenames>Ada B.</forenames><affiliation>MIT</affiliation></author><author><keyname>Collaboration X</keyname></author></authors>
            <title>Low-rank
              adapters</title><categories>cs.CL cs.LG</categories><abstract>  An abstract.
            </abstract></arXiv></metadata></record>
            """));

        result.Problems.Should().BeEmpty();
        var paper = result.Papers.Single();
        paper.Title.Should().Be("Low-rank adapters");
        paper.Authors.Should().Equal(new Author("Ada B. Lee", "MIT"), new Author("Collaboration X"));
        paper.Published.Should().Be(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        paper.Updated.Should().Be(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        paper.Categories.Should().Equal("cs.CL", "cs.LG");
        paper.ArxivId.Should().Be(ArxivId.Parse("2401.00001"));
    }

    [Fact]
    public void Oai_dc_names_are_turned_round_and_sets_become_categories()
    {
        var result = ReadText(Format, Envelope("""
            <record><header><identifier>oai:arXiv.org:0801.3673</identifier><datestamp>2008-01-25</datestamp><setSpec>physics:quant-ph</setSpec></header>
            <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title>Variational Functionals for Excited States</dc:title><dc:creator>Bacalis, Naoum C.</dc:creator>
            <dc:description>Functionals that have local minima.</dc:description><dc:date>2008-01-23</dc:date><dc:date>2008-02-01</dc:date>
            </oai_dc:dc></metadata></record>
            """));

        var paper = result.Papers.Single();
        paper.Id.Should().Be("0801.3673");
        paper.Authors.Should().Equal(new Author("Naoum C. Bacalis"));
        paper.Categories.Should().Equal("quant-ph");
        paper.Published.Should().Be(new DateTimeOffset(2008, 1, 23, 0, 0, 0, TimeSpan.Zero));
        paper.Updated.Should().Be(new DateTimeOffset(2008, 2, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("noRecordsMatch", ProblemSeverity.Warning)]
    [InlineData("badArgument", ProblemSeverity.Error)]
    public void An_oai_error_is_one_problem_with_the_repositorys_message(string code, ProblemSeverity severity)
    {
        var result = ReadText(Format, $"""<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="{code}">the message</error></OAI-PMH>""");

        result.Papers.Should().BeEmpty();
        var problem = result.Problems.Single();
        (problem.Code, problem.Severity).Should().Be(("PM1102", severity));
        problem.Message.Should().Contain("the message");
    }

    [Fact]
    public void Another_document_is_one_problem_naming_its_root()
    {
        var result = ReadText(Format, """<html><body>Service unavailable</body></html>""");

        result.Problems.Single().Message.Should().Contain("root element is <html>");
        result.Papers.Should().BeEmpty();
    }

    private static string Repo(string file) => PaperModel.Testing.RepoPaths.Format(file);
}
