using System.Text;
using PaperModel.Formats;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Formats;

public sealed class ArxivMetadataFormatTests
{
    private const string Sample = "arxiv-metadata-snapshot.sample.jsonl";
    private static readonly ArxivMetadataFormat Format = PaperFormats.ArxivMetadata;

    private static string[] SampleLines => SampleText(Sample).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Every_sample_line_is_a_paper()
    {
        var result = ReadSample(Format, Sample);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Id).Should().Equal(
            "0704.0001", "0704.0002", "0704.0005", "0704.0009", "0704.0010",
            "0704.0011", "0704.0020", "0704.0025", "0704.0031", "0704.0033");
        result.Papers.Should().OnlyContain(p => p.Source == PaperSource.ArxivMetadata);
    }

    [Fact]
    public void First_line_maps_every_field()
    {
        var paper = ReadSample(Format, Sample).Paper("0704.0001");

        paper.ArxivId.Should().Be(ArxivId.Parse("0704.0001v2"));
        paper.Title.Should().Be("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        paper.Abstract.Should().StartWith("A fully differential calculation in perturbative quantum chromodynamics is presented");
        paper.Abstract.Should().NotContain("\n").And.NotStartWith(" ");
        paper.Authors.Select(a => a.Name).Should().Equal("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan");
        paper.Authors.Should().OnlyContain(a => a.Affiliation == null);
        paper.Categories.Should().Equal("hep-ph");
        paper.PrimaryCategory.Should().Be("hep-ph");
        paper.Versions.Should().Equal(
            new PaperVersion(1, new DateTimeOffset(2007, 4, 2, 19, 18, 42, TimeSpan.Zero)),
            new PaperVersion(2, new DateTimeOffset(2007, 7, 24, 20, 10, 27, TimeSpan.Zero)));
        paper.Published.Should().Be(new DateTimeOffset(2007, 4, 2, 19, 18, 42, TimeSpan.Zero));
        paper.Updated.Should().Be(new DateTimeOffset(2007, 7, 24, 20, 10, 27, TimeSpan.Zero));
        paper.Doi.Should().Be("10.1103/PhysRevD.76.013009");
        paper.JournalReference.Should().Be("Phys.Rev.D76:013009,2007");
        paper.ReportNumber.Should().Be("ANL-HEP-PR-07-12");
        paper.Comment.Should().Be("37 pages, 15 figures; published version");
        paper.License.Should().BeNull();
        paper.Submitter.Should().Be("Pavel Nadolsky");
        paper.Links.Should().Equal(
            new PaperLink(PaperLinkKinds.Abstract, new Uri("https://arxiv.org/abs/0704.0001v2")),
            new PaperLink(PaperLinkKinds.Pdf, new Uri("https://arxiv.org/pdf/0704.0001v2")),
            new PaperLink(PaperLinkKinds.Doi, new Uri("https://doi.org/10.1103/PhysRevD.76.013009")));
    }

    [Fact]
    public void Sample_quirks_are_mapped()
    {
        var result = ReadSample(Format, Sample);

        var twoCategories = result.Paper("0704.0002");
        twoCategories.Categories.Should().Equal("math.CO", "cs.CG");
        twoCategories.PrimaryCategory.Should().Be("math.CO");
        twoCategories.License.Should().Be("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
        twoCategories.Comment.Should().Be("To appear in Graphs and Combinatorics");

        result.Paper("0704.0005").Title.Should().Be("From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$");

        var threeVersions = result.Paper("0704.0011");
        threeVersions.ArxivId.Should().Be(ArxivId.Parse("0704.0011v3"));
        threeVersions.Versions.Select(v => v.Number).Should().Equal(1, 2, 3);
        threeVersions.Updated.Should().Be(new DateTimeOffset(2008, 8, 20, 13, 15, 9, TimeSpan.Zero));

        var collaboration = result.Paper("0704.0020");
        collaboration.Authors[0].Name.Should().Be("The BABAR Collaboration");
        collaboration.ReportNumber.Should().Be("BABAR-PUB-07/015, SLAC-PUB-12417");

        var affiliations = result.Paper("0704.0025");
        affiliations.Authors.Should().Equal(new Author("A. S. Mishchenko", "1 and 2"), new Author("N. Nagaosa", "1 and 3"));

        result.Paper("0704.0031").Authors.Should().Equal(new Author("V. M. Biryukov", "Serpukhov, IHEP"));

        var twoDois = result.Paper("0704.0033");
        twoDois.License.Should().Be("http://creativecommons.org/licenses/by-nc-nd/4.0/");
        twoDois.Links.Where(l => l.Kind == PaperLinkKinds.Doi).Select(l => l.Url.ToString()).Should().Equal(
            "https://doi.org/10.1364/JOSAA.23.002578", "https://doi.org/10.1364/JOSAA.32.002407");
    }

    [Fact]
    public void Authors_string_is_used_when_authors_parsed_is_missing()
    {
        var lines = SampleLines;
        var biryukov = RemoveAuthorsParsed(lines[8]);
        var streinu = RemoveAuthorsParsed(lines[1]);

        var result = ReadText(Format, biryukov + "\n" + streinu + "\n");

        result.Problems.Should().BeEmpty();
        result.Paper("0704.0031").Authors.Should().Equal(new Author("V. M. Biryukov", "Serpukhov, IHEP"));
        result.Paper("0704.0002").Authors.Should().Equal(new Author("Ileana Streinu"), new Author("Louis Theran"));
    }

    [Fact]
    public void Bad_lines_become_problems_with_positions_and_reading_goes_on()
    {
        var lines = SampleLines;
        var truncated = lines[1].Substring(0, 120);
        var wrongType = lines[2].Replace("\"categories\":\"math.CA math.FA\"", "\"categories\":42", StringComparison.Ordinal);
        var wrongVersionDate = lines[3].Replace("\"created\":\"Mon, 2 Apr 2007 19:41:34 GMT\"", "\"created\":true", StringComparison.Ordinal);
        var notObject = "[\"0704.0001\"]";
        var noId = lines[4].Replace("\"id\":\"0704.0010\",", string.Empty, StringComparison.Ordinal);
        var versionedId = lines[5].Replace("\"id\":\"0704.0011\"", "\"id\":\"0704.0011v3\"", StringComparison.Ordinal);
        wrongType.Should().NotBe(lines[2]);
        wrongVersionDate.Should().NotBe(lines[3]);
        noId.Should().NotBe(lines[4]);
        versionedId.Should().NotBe(lines[5]);
        var input = string.Join("\n", lines[0], truncated, wrongType, "", wrongVersionDate, notObject, noId, versionedId, lines[6]) + "\n";

        var result = ReadText(Format, input);

        result.Papers.Select(p => p.Id).Should().Equal("0704.0001", "0704.0020");
        result.Problems.Select(p => (p.Code, p.Line)).Should().Equal(
            ("PM1070", 2), ("PM1072", 3), ("PM1072", 5), ("PM1071", 6), ("PM1073", 7), ("PM1075", 8));
        result.Problems.Should().OnlyContain(p => p.Severity == ProblemSeverity.Error && p.Source == "input");

        result.Problems[0].Column.Should().Be(121, "the line ends after 120 characters in the middle of a value");
        result.Problems[1].Message.Should().Contain("$.categories").And.Contain("a number");
        result.Problems[1].Column.Should().Be(wrongType.IndexOf("42", StringComparison.Ordinal) + 1);
        result.Problems[2].Message.Should().Contain("$.versions[0].created");
        result.Problems[2].Column.Should().Be(wrongVersionDate.IndexOf("true", StringComparison.Ordinal) + 1);
        result.Problems[5].Column.Should().Be(versionedId.IndexOf("\"0704.0011v3\"", StringComparison.Ordinal) + 1);
        result.Problems[1].ToString().Should().StartWith("input(3,");

        // Every non-blank line is a paper or an error.
        (result.Papers.Count + result.Problems.Count).Should().Be(8);
    }

    [Fact]
    public void A_bad_version_date_is_a_warning_and_the_paper_is_kept()
    {
        var line = SampleLines[0].Replace("Tue, 24 Jul 2007 20:10:27 GMT", "24/07/2007", StringComparison.Ordinal);

        var result = ReadText(Format, line);

        result.Papers.Should().ContainSingle().Which.Versions.Should().Equal(
            new PaperVersion(1, new DateTimeOffset(2007, 4, 2, 19, 18, 42, TimeSpan.Zero)),
            new PaperVersion(2, null));
        result.Problems.Should().ContainSingle().Which.Should().Match<ParseProblem>(p =>
            p.Code == "PM1076" && p.Severity == ProblemSeverity.Warning && p.Line == 1 && p.Message.Contains("24/07/2007"));
    }

    [Theory]
    [InlineData("v2", 2, true)]
    [InlineData("V2", 2, true)]
    [InlineData("v02", 2, true)]
    [InlineData("\\u0076\\u0032", 2, true)]
    [InlineData("v9999", 9999, true)]
    [InlineData("v10000", 0, false)]
    [InlineData("v99999999999", 0, false)]
    [InlineData("v0", 0, false)]
    [InlineData("v", 0, false)]
    [InlineData("v-2", 0, false)]
    [InlineData("v 2", 0, false)]
    [InlineData("v\u0663", 0, false)]
    public void A_version_is_v_and_a_number_and_problems_quote_it_as_written(string version, int number, bool valid)
    {
        // The second version's date is no date: its warning names the version as the line writes it.
        var line = SampleLines[0]
            .Replace("\"version\":\"v2\"", $"\"version\":\"{version}\"", StringComparison.Ordinal)
            .Replace("Tue, 24 Jul 2007 20:10:27 GMT", "24/07/2007", StringComparison.Ordinal);
        var written = System.Text.Json.JsonDocument.Parse($"\"{version}\"").RootElement.GetString();

        var result = ReadText(Format, line);

        var problem = result.Problems.Should().ContainSingle().Subject;
        if (valid)
        {
            result.Papers.Should().ContainSingle().Which.Versions.Select(v => v.Number).Should().Equal(1, number);
            problem.Code.Should().Be("PM1076");
            problem.Message.Should().Contain($"of 0704.0001{written} is not");
        }
        else
        {
            result.Papers.Should().BeEmpty();
            problem.Severity.Should().Be(ProblemSeverity.Error);
            problem.Message.Should().Contain($"'{written}'");
        }
    }

    [Fact]
    public void Carriage_returns_and_a_missing_final_newline_are_fine()
    {
        var lines = SampleLines;

        var result = ReadText(Format, lines[0] + "\r\n\r\n" + lines[1]);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Id).Should().Equal("0704.0001", "0704.0002");
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_skipped_without_being_held()
    {
        var lines = SampleLines;
        var prefix = Encoding.UTF8.GetBytes(lines[0] + "\n{\"id\":\"0704.9999\",\"title\":\"");
        var suffix = Encoding.UTF8.GetBytes("\"}\n" + lines[1] + "\n");
        const long fiftyMegabytes = 50L * 1024 * 1024;
        using var stream = new GeneratedStream(prefix, fiftyMegabytes, (byte)'a', suffix);

        var result = PaperReadResult.From(Format.Read(stream, new PaperReadOptions { SourceName = "big.jsonl" }));

        result.Papers.Select(p => p.Id).Should().Equal("0704.0001", "0704.0002");
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1074");
        problem.Line.Should().Be(2);
        problem.Record.Should().Be(2);
        problem.Message.Should().Contain((16 * 1024 * 1024).ToString());
    }

    [Fact]
    public void The_limit_comes_from_the_options()
    {
        var lines = SampleLines;

        var result = ReadText(Format, string.Join("\n", lines), new PaperReadOptions { MaxRecordLength = 1500 });

        var longLines = lines.Select((l, i) => (Length: Encoding.UTF8.GetByteCount(l), Line: i + 1)).Where(x => x.Length > 1500).Select(x => x.Line).ToList();
        longLines.Should().NotBeEmpty().And.HaveCountLessThan(lines.Length);
        result.Problems.Select(p => p.Line).Should().Equal(longLines);
        result.Problems.Should().OnlyContain(p => p.Code == "PM1074");
        result.Papers.Should().HaveCount(lines.Length - longLines.Count);
    }

    [Fact]
    public async Task Async_reading_gives_the_same_items()
    {
        var sync = ReadSample(Format, Sample);
        var papers = new List<Paper>();
        await using var stream = File.OpenRead(PaperModel.Testing.RepoPaths.Format(Sample));
        await foreach (var item in Format.ReadAsync(stream))
        {
            item.Problem.Should().BeNull();
            papers.Add(item.Paper!);
        }

        papers.Should().Equal(sync.Papers);
    }

    private static string RemoveAuthorsParsed(string line)
    {
        var at = line.IndexOf(",\"authors_parsed\":", StringComparison.Ordinal);
        at.Should().BePositive();
        return line.Substring(0, at) + "}";
    }
}
