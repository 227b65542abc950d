using System.IO.Compression;
using System.Text;
using PaperModel.Formats;
using PaperModel.FuzzTests.Fuzzing;
using PaperModel.Testing;

namespace PaperModel.FuzzTests;

/// <summary>
/// One test per kind of failure the outside fuzzing campaign found (issue 12), each on a small input built to show it:
/// the exception escapes, silent losses, ignored limits, invalid papers and read-size-dependent results. Every input is
/// read whole and through a stream returning 1-17 bytes per read, which must agree.
/// </summary>
public sealed class ReaderRegressionTests
{
    private const string Driver = "Fixed at the root by the reading driver (issue 12, second part)";

    private static readonly PaperReadOptions Options = new() { SourceName = "input", ReferenceDate = ReaderTarget.ReferenceDate };

    public static TheoryData<string> JsonFormats => [FormatNames.ArxivMetadata, FormatNames.HuggingFaceApi];

    public static TheoryData<string> AllFormats => [.. PaperFormats.All.Select(static f => f.Name)];

    [Theory]
    [MemberData(nameof(JsonFormats))]
    public void Invalid_UTF8_inside_a_JSON_string_is_a_located_problem_and_reading_goes_on(string format) =>
        ShouldLoseOnlyTheMiddleRecord(format, Encoding.UTF8.GetBytes("Bad \u0001").Select(static b => b == 1 ? (byte)0xC3 : b).Append((byte)0x28).ToArray());

    [Theory]
    [MemberData(nameof(JsonFormats))]
    public void A_lone_surrogate_escape_inside_a_JSON_string_is_a_located_problem_and_reading_goes_on(string format) =>
        ShouldLoseOnlyTheMiddleRecord(format, "Bad \\ud800 title"u8.ToArray());

    [Fact]
    public void An_out_of_range_version_in_the_arXiv_metadata_is_PM1075_and_reading_goes_on()
    {
        var input = MetadataLine("0704.0001", "First") + "\n"
            + """{"id":"0704.0002","title":"Second","versions":[{"version":"v1"},{"version":"v10000"}]}""" + "\n"
            + MetadataLine("0704.0003", "Third") + "\n";

        var result = ReadBothWays(PaperFormats.ArxivMetadata, Encoding.UTF8.GetBytes(input));

        result.Papers.Select(static p => p.Id).Should().Equal("0704.0001", "0704.0003");
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1075");
        (problem.Line, problem.Column).Should().Be((2, input.Split('\n')[1].IndexOf("{\"version\":\"v10000\"", StringComparison.Ordinal) + 1));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF })]
    [InlineData(new byte[] { 0x4C, 0x6F, 0xA7, 0x94 })]
    public void XML_whose_first_bytes_confuse_the_decoder_is_a_located_problem(byte[] head)
    {
        var feed = Encoding.UTF8.GetBytes("""<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2101.00001v1</id><title>T</title></entry></feed>""");

        var result = ReadBothWays(PaperFormats.ArxivAtom, [.. head, .. feed]);

        result.Papers.Should().BeEmpty();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Severity.Should().Be(ProblemSeverity.Error);
        problem.Line.Should().BeGreaterThan(0);
        problem.Column.Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_pathological_long_line_in_page_text_is_read_in_linear_time_without_a_timeout()
    {
        // Each "![" starts a match attempt that a backtracking engine scans to the end of the line: quadratic.
        var line = "- [" + string.Concat(Enumerable.Repeat("![](", 60_000));
        var page = "Jul 30\n\n" + Card("A First Title") + line + "\n\n" + Card("A Second Title");

        var result = ReadBothWays(PaperFormats.HuggingFaceDailyText, Encoding.UTF8.GetBytes(page));

        result.Papers.Select(static p => p.Title).Should().Equal("A First Title", "A Second Title");
    }

    [Theory]
    [InlineData(FormatNames.HuggingFaceApi, "hf-daily-papers-api.sample.json")]
    [InlineData(FormatNames.ArxivMetadata, "arxiv-metadata-snapshot.sample.jsonl")]
    [InlineData(FormatNames.ArxivAtom, "arxiv-api-atom.sample.xml")]
    public void A_UTF8_byte_order_mark_loses_nothing_whether_the_format_is_given_or_detected(string format, string sample)
    {
        var plain = File.ReadAllBytes(RepoPaths.Format(sample));
        var expected = ReadBothWays(PaperFormats.Get(format), plain);

        ReadBothWays(PaperFormats.Get(format), [0xEF, 0xBB, 0xBF, .. plain]).Should().BeEquivalentTo(expected);
        ReadBothWays(null, [0xEF, 0xBB, 0xBF, .. plain]).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_does_not_lose_the_first_line_of_the_library_s_own_JSON_Lines()
    {
        var line = Serialization.PaperJson.Serialize(new Paper("2310.12345", "A title"));

        var result = ReadBothWays(PaperFormats.PaperJsonLines, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(line + "\n" + line + "\n")]);

        result.Papers.Should().HaveCount(2);
        result.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData(8)] // only the trailer (CRC and length) is missing: every byte of the data came through
    [InlineData(2000)] // cut in the middle of the data
    public void Truncated_gzip_input_ends_with_PM1090_after_the_papers_it_held(int cut)
    {
        var plain = File.ReadAllBytes(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl"));
        var gzip = Gzip(plain);

        var result = ReadBothWays(PaperFormats.ArxivMetadata, gzip.AsSpan(0, gzip.Length - cut).ToArray());

        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1090");
        problem.Line.Should().BeGreaterThan(0);
        problem.Column.Should().BeGreaterThan(0);
        result.Papers.Should().NotBeEmpty();
        result.Papers.Count.Should().BeLessThanOrEqualTo(ReadBothWays(PaperFormats.ArxivMetadata, plain).Papers.Count);
    }

    // Found by the long campaign: a cut gzip input of UTF-16 text. When the input failed just after a read that decoded
    // to no character, the synchronous text decoder read again within the same call and lost the text it had decoded
    // before; the asynchronous one did not, so the papers read depended on how the input was read. The case is made
    // again from its number.
    [Fact]
    public void Text_decoded_before_the_input_fails_is_read_the_same_synchronously_and_asynchronously() =>
        Campaign.Run(ReaderTarget.For(FormatNames.ArxivOai), first: 159_763, count: 1, TimeSpan.FromSeconds(30)).Summary().Should().EndWith("nothing found");

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Every_format_names_the_source_in_its_problems(string format)
    {
        var result = PaperReader.Read(new MemoryStream("\u0001\u0002 not this format }\n"u8.ToArray()), PaperFormats.Get(format), Options with { SourceName = "my-file" });

        result.Problems.Should().NotBeEmpty().And.OnlyContain(static p => p.Source == "my-file");
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Every_format_turns_a_record_longer_than_MaxRecordLength_into_a_problem_and_reads_on(string format)
    {
        var (input, records) = ThreeRecordsWithALongMiddleOne(format, 20_000);

        var result = ReadBothWays(PaperFormats.Get(format), Encoding.UTF8.GetBytes(input), Options with { MaxRecordLength = 4096 });

        // The page text loses the long card as two problems: its abstract line (PM1014), then its title left alone (PM1011).
        result.Papers.Should().HaveCount(records - 1);
        result.Problems.Where(static p => p.Severity == ProblemSeverity.Error).Should().HaveCount(format == FormatNames.DailyText ? 2 : 1)
            .And.OnlyContain(static p => p.Line > 0 && p.Column > 0);
    }

    [Fact]
    public void The_daily_page_honours_Year_and_ReferenceDate()
    {
        var page = Encoding.UTF8.GetBytes("Jul 30\n\n" + Card("A Title"));

        ReadBothWays(PaperFormats.HuggingFaceDailyText, page, Options with { Year = 2023 }).Papers.Single().ListedOn!.Value.Year.Should().Be(2023);
        ReadBothWays(PaperFormats.HuggingFaceDailyText, page, Options with { ReferenceDate = new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero) })
            .Papers.Single().ListedOn!.Value.Year.Should().Be(2023, "Jul 30 after Jul 1 2024 would lie in the future");
    }

    [Theory]
    [InlineData("{\"id\":\"x1\",\"title\":\"T\",\"abstract\":null,\"authors\":null,\"categories\":null,\"links\":null,\"versions\":null,\"keywords\":null}")]
    [InlineData("{\"id\":\"x1\",\"title\":\"T\",\"authors\":[null],\"links\":[{\"kind\":\"pdf\"}],\"categories\":[null]}")]
    [InlineData("{\"id\":null,\"title\":\"T\"}")]
    [InlineData("{\"title\":\"T\"}")]
    public void The_library_s_own_JSON_Lines_never_give_a_paper_with_a_null_member(string line)
    {
        var result = ReadBothWays(PaperFormats.PaperJsonLines, Encoding.UTF8.GetBytes(line + "\n{\"id\":\"x2\",\"title\":\"Next\"}\n"));

        result.Papers.Should().OnlyContain(static p => PaperChecks.Problem(p) == null);
        (result.Papers.Count + result.Problems.Count(static p => p.Severity == ProblemSeverity.Error)).Should().Be(2);
        result.Papers.Should().Contain(static p => p.Id == "x2");
    }

    [Fact]
    public void The_library_s_own_JSON_Lines_fill_missing_members_with_their_defaults()
    {
        var paper = ReadBothWays(PaperFormats.PaperJsonLines, "{\"id\":\"x1\",\"title\":\"T\"}\n"u8.ToArray()).Papers.Single();

        paper.Abstract.Should().BeEmpty();
        PaperChecks.Problem(paper).Should().BeNull();
    }

    [Fact]
    public void A_UTF32_page_text_with_its_byte_order_mark_is_decoded_when_the_format_is_given()
    {
        var text = File.ReadAllText(RepoPaths.DailyPapersPage);
        var expected = ReadBothWays(PaperFormats.HuggingFaceDailyText, Encoding.UTF8.GetBytes(text));
        var utf32 = new UTF32Encoding(bigEndian: false, byteOrderMark: true);

        ReadBothWays(PaperFormats.HuggingFaceDailyText, [.. utf32.GetPreamble(), .. utf32.GetBytes(text)]).Should().BeEquivalentTo(expected);
    }

    [Theory]
    [InlineData(FormatNames.HuggingFaceApi, "[{\"paper\":{\"id\":\"2310.00001\",\"title\":\"A\"}},\n{\"paper\":{\"id\":\"2310.00002\",\"title\":\"B\",\"x\":falsy_and_then_a_long_tail_of_text_after_the_bad_token_000000000000000000}}]")]
    [InlineData(FormatNames.ArxivAtom, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2101.00001v1</id><title>A</title></entry>\n<entry><id x=1>http://arxiv.org/abs/2101.00002v1</id><title>B</title></entry></feed>")]
    public void Problem_positions_and_messages_do_not_depend_on_the_size_of_each_read(string format, string input)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        var whole = PaperReader.Read(new MemoryStream(bytes), PaperFormats.Get(format), Options);

        for (var seed = 0; seed < 20; seed++)
        {
            PaperReader.Read(new TrickleStream(bytes, seed, maxRead: 1 + seed), PaperFormats.Get(format), Options).Should().BeEquivalentTo(whole, $"reads of 1-{1 + seed} bytes");
        }

        whole.Problems.Should().ContainSingle().Which.Line.Should().Be(2);
    }

    /// <summary>Reads an input whole and through 1-17-byte reads, checks both agree, and returns the result.</summary>
    internal static PaperReadResult ReadBothWays(PaperFormat? format, byte[] input, PaperReadOptions? options = null)
    {
        options ??= Options;
        var whole = PaperReader.Read(new MemoryStream(input), format, options);
        PaperReader.Read(new TrickleStream(input, seed: 1), format, options).Should().BeEquivalentTo(whole, "the results do not depend on the size of each read");
        return whole;
    }

    private static void ShouldLoseOnlyTheMiddleRecord(string format, byte[] badTitle)
    {
        var badValue = Encoding.UTF8.GetBytes("\"").Concat(badTitle).Concat(Encoding.UTF8.GetBytes("\"")).ToArray();
        byte[] input;
        int column;
        if (format == FormatNames.ArxivMetadata)
        {
            var head = Encoding.UTF8.GetBytes("{\"id\":\"0704.0002\",\"title\":");
            column = head.Length + 1;
            input = [.. Encoding.UTF8.GetBytes(MetadataLine("0704.0001", "First") + "\n"), .. head, .. badValue, .. "}\n"u8, .. Encoding.UTF8.GetBytes(MetadataLine("0704.0003", "Third") + "\n")];
        }
        else
        {
            var head = Encoding.UTF8.GetBytes("{\"paper\":{\"id\":\"2310.00002\",\"title\":");
            column = head.Length + 1;
            input = [.. "[{\"paper\":{\"id\":\"2310.00001\",\"title\":\"First\"}},\n"u8, .. head, .. badValue, .. "}},\n{\"paper\":{\"id\":\"2310.00003\",\"title\":\"Third\"}}]\n"u8];
        }

        var result = ReadBothWays(PaperFormats.Get(format), input);

        result.Papers.Select(static p => p.Title).Should().Equal("First", "Third");
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Severity.Should().Be(ProblemSeverity.Error);
        (problem.Line, problem.Column).Should().Be((2, column));
    }

    // A card of the Daily Papers page: a title and an abstract long enough to be read as one.
    private static string Card(string title) =>
        title + "\n\nWe study how " + title.ToLowerInvariant() + " behaves when models are adapted to new tasks with few trainable parameters, "
        + "and we show on three benchmarks that it matches full fine-tuning while training less than one percent of the weights.\n\n";

    private static string OaiRecord(string id, string title, string abstractText) =>
        $"<record><header><identifier>oai:arXiv.org:{id}</identifier></header><metadata><arXivRaw xmlns='http://arxiv.org/OAI/arXivRaw/'>"
        + $"<id>{id}</id><title>{title}</title><abstract>{abstractText}</abstract></arXivRaw></metadata></record>";

    private static string MetadataLine(string id, string title) => $$"""{"id":"{{id}}","title":"{{title}}","abstract":"An abstract.","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}]}""";

    private static (string Input, int Records) ThreeRecordsWithALongMiddleOne(string format, int length)
    {
        var longText = string.Concat(Enumerable.Repeat("lora adapters ", length / 14));
        return format switch
        {
            // Many short tokens: one JSON string longer than the limit ends the reading (PM1034), see docs/reliability.md.
            FormatNames.HuggingFaceApi => ($$$"""[{"paper":{"id":"2310.00001","title":"A"}},{"paper":{"id":"2310.00002","title":"B","ai_keywords":[{{{string.Join(",", Enumerable.Repeat("\"lora adapters\"", length / 16))}}}]}},{"paper":{"id":"2310.00003","title":"C"}}]""", 3),
            FormatNames.ArxivOai => ("<OAI-PMH xmlns='http://www.openarchives.org/OAI/2.0/'><ListRecords>" + OaiRecord("0801.0001", "A", "An abstract.")
                + OaiRecord("0801.0002", "B", longText) + OaiRecord("0801.0003", "C", "An abstract.") + "</ListRecords></OAI-PMH>", 3),
            FormatNames.ArxivAtom => ($$"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2101.00001v1</id><title>A</title></entry><entry><id>http://arxiv.org/abs/2101.00002v1</id><title>B</title><summary>{{longText}}</summary></entry><entry><id>http://arxiv.org/abs/2101.00003v1</id><title>C</title></entry></feed>""", 3),
            FormatNames.DailyHtml => ("<html><body>" + string.Concat(new[] { ("2310.00001", "A"), ("2310.00002", longText), ("2310.00003", "C") }.Select(static p =>
                $"<div data-target=\"DailyPapers\" data-props=\"{{&quot;dailyPapers&quot;:[{{&quot;paper&quot;:{{&quot;id&quot;:&quot;{p.Item1}&quot;,&quot;title&quot;:&quot;{p.Item2}&quot;}}}}]}}\"></div>")) + "</body></html>", 3),
            FormatNames.ArxivRss => ($$"""<rss version="2.0"><channel><item><title>A</title><guid>oai:arXiv.org:2101.00001v1</guid></item><item><title>B</title><guid>oai:arXiv.org:2101.00002v1</guid><description>{{longText}}</description></item><item><title>C</title><guid>oai:arXiv.org:2101.00003v1</guid></item></channel></rss>""", 3),
            FormatNames.ArxivMetadata => (MetadataLine("0704.0001", "A") + "\n" + MetadataLine("0704.0002", longText) + "\n" + MetadataLine("0704.0003", "C") + "\n", 3),
            FormatNames.PaperJsonLines => ("{\"id\":\"x1\",\"title\":\"A\"}\n{\"id\":\"x2\",\"title\":\"B\",\"abstract\":\"" + longText + "\"}\n{\"id\":\"x3\",\"title\":\"C\"}\n", 3),
            _ => ("Jul 30\n\n" + Card("A First Title") + "A Long Title\n\n" + longText + ".\n\n" + Card("A Third Title"), 3),
        };
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
