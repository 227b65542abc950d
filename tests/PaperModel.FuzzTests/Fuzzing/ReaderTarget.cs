using System.IO.Compression;
using System.Text;
using PaperModel.Formats;
using PaperModel.Serialization;
using PaperModel.Testing;

namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>
/// One input format. Each case reads its input three times through <see cref="PaperReader"/> — whole from a
/// <see cref="MemoryStream"/>, synchronously through a stream returning 1-17 bytes per read, and asynchronously through
/// such a stream — and checks the invariants of <c>docs/reliability.md</c>.
/// </summary>
internal sealed class ReaderTarget : FuzzTarget
{
    /// <summary>The reference date of every case, so that dates without a year resolve the same on every day.</summary>
    public static readonly DateTimeOffset ReferenceDate = new(2025, 8, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Allocation allowed per byte of input, raw and decoded (plus the allowances below).</summary>
    public const int AllocationPerInputByte = 48;

    /// <summary>Allocation allowed per line of input (each is classified or split on its own).</summary>
    public const int AllocationPerLine = 2 * 1024;

    /// <summary>Allocation allowed per paper or problem produced (its strings, lists, message).</summary>
    public const int AllocationPerItem = 8 * 1024;

    /// <summary>
    /// Allocation allowed whatever the input: buffers, the formats' tables, and the page text's linear-time regexes,
    /// which build their automata lazily (a first input with new kinds of characters adds states to a bounded cache).
    /// </summary>
    public const long AllocationSlack = 32L << 20;

    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\\"", "\\", "null", "true", "false", "0", "-1", "1e999", "1.5", "-0", "\n", "\r\n", " ",
        "\"id\":", "\"title\":", "\"\\ud800\"", "\"\\u0000\"", "\"\\udc00\\ud800\"", "\"a\\uD83D\"", "{}", "[]", "[[[[", "]]]]",
    ];

    private readonly byte[][] _seeds;
    private readonly string[] _tokens;

    private readonly Lazy<bool> _warmUp;

    private ReaderTarget(PaperFormat format, byte[][] seeds, string[] tokens)
    {
        Format = format;
        _seeds = seeds;
        _tokens = tokens;
        _warmUp = new Lazy<bool>(WarmUp);
    }

    // One read of each seed in every encoding and gzip first, so that one-time costs (types, tables, encoders) are not
    // counted against the first case that needs them.
    private bool WarmUp()
    {
        foreach (var seed in _seeds)
        {
            var text = Encoding.UTF8.GetString(seed);
            foreach (var encoding in new Encoding[] { new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true), new UTF32Encoding(false, true), new UTF32Encoding(true, true) })
            {
                byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
                PaperReader.Read(new MemoryStream(bytes), Format);
                PaperReader.Read(new MemoryStream(Gzip(bytes)), null);
            }
        }

        return true;
    }

    /// <summary>The format read.</summary>
    public PaperFormat Format { get; }

    public override string Name => Format.Name;

    public override IReadOnlyList<byte[]> Seeds => _seeds;

    public override IReadOnlyList<string> Tokens => _tokens;

    /// <summary>Every format, with seeds made from the real samples in <c>samples/</c>.</summary>
    public static IReadOnlyList<ReaderTarget> All { get; } = CreateAll();

    /// <summary>The target of a format.</summary>
    public static ReaderTarget For(string formatName) => All.Single(t => t.Name == formatName);

    private static ReaderTarget[] CreateAll()
    {
        var atom = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "formats"), "*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var oai = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "formats"), "arxiv-oai-*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var rss = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "formats"), "arxiv-rss*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var api = new[] { "hf-daily-papers-api.sample.json", "hf-paper-page-embedded.sample.json", "hf-papers-search.sample.json" }.Select(f => File.ReadAllBytes(RepoPaths.Format(f))).ToArray();
        var metadata = File.ReadAllBytes(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl"));
        var html = File.ReadAllBytes(RepoPaths.Format("hf-paper-page.sample.html"));
        return
        [
            new(PaperFormats.HuggingFaceDailyText, DailyPageSlices(), [
                "\n", "\n\n", "\r", "Jul 30\n", "Feb 29, 2025\n", "Dec 99\n", "Submitted by\n", "Submitted by someone\n", "· 3 authors\n", "·",
                "12\n", "1.2k\n", "-\n", "[-] 3\n", "### [A title](https://huggingface.co/papers/2310.12345)\n", "[abstract](", "](", "\\\n",
                "GitHub ★ 1.2k\n", "![img](x)", "- [Nav](x)\n", "#1 Paper of the day\n", "https://huggingface.co/papers/9999.99999\n",
                "arxiv: 2310.12345\n", "[1]: http://x\n", "Daily Papers\n", "Published on Jul 30\n", "Jul 30 [3](x)\n", "+12\n", " \\\\   ",
                " 1111111111111111 ", "5 comments\n", "on Jul 30, 2025\n", "[", "]", "(", ")", "![", "- ", "* ",
            ]),
            new(PaperFormats.HuggingFaceDailyHtml, [html, DailyListingHtml(api[0])], [
                "<", ">", "</", "/>", "<!--", "-->", "<script>", "</script>", "<style>", "'", "\"", "=", "&quot;", "&amp;", "&#39;", "&#x27;", "&bogus;",
                " data-target=\"DailyPapers\"", " data-target=\"PaperContent\"", " data-props=\"", " data-props='", "{&quot;dailyPapers&quot;:[",
                "{&quot;paper&quot;:{", "&quot;upvotes&quot;:&quot;x&quot;", "\r\n", " ",
            ]),
            new(PaperFormats.HuggingFaceApi, api, [
                .. JsonTokens, "\"paper\":{", "\"upvotes\":\"x\"", "\"upvotes\":1e30", "\"numComments\":12.5", "\"summary\":null", "\"authors\":[{}]",
                "\"authors\":[null]", "\"publishedAt\":\"not a date\"", "\"githubRepo\":\"::\"", "\"id\":\"2310.12345v99999\"", "\"ai_keywords\":[1]",
            ]),
            new(PaperFormats.ArxivAtom, atom, [
                "<", ">", "</", "/>", "<entry>", "</entry>", "<entry xmlns=\"http://www.w3.org/2005/Atom\">", "<![CDATA[", "]]>", "&amp;", "&#0;",
                "&#x1F600;", "&bogus;", "<!DOCTYPE feed [<!ENTITY a \"aaaa\">]>", "<?xml version=\"1.0\"?>", "<?xml version = '1.0'\u000B?>",
                "<!-- -->", "<title>", "</title>", "<summary>", "</summary>", "<id>http://arxiv.org/abs/2101.00001v99999</id>", " xmlns:x=\"urn:x\"",
                "<arxiv:primary_category term=\"cs.LG\"/>", "<link href=\"::bad\" rel=\"alternate\"/>", "<published>not a date</published>", " ", "\t",
                "\r\n", "\"", "'", "=", "<author><name></name></author>", "<id></id>",
            ]),
            new(PaperFormats.ArxivOai, oai, [
                "<", ">", "</", "/>", "<record>", "</record>", "<header status=\"deleted\">", "<metadata>", "</metadata>", "<![CDATA[", "]]>", "&amp;",
                "&#0;", "<!DOCTYPE x>", "<resumptionToken>", "<error code=\"badArgument\">x</error>", "<id>0801.3673v99999</id>", "<version version=\"vx\">",
                "<date>not a date</date>", "<title>", "</title>", "<abstract>", "</abstract>", " xmlns=\"urn:x\"", "\r\n", "\"", "'",
            ]),
            new(PaperFormats.ArxivRss, rss, [
                "<", ">", "</", "/>", "<item>", "</item>", "<entry>", "</entry>", "<![CDATA[", "]]>", "&amp;", "&#0;", "<!DOCTYPE rss>",
                "<title>Feed error for query: x</title>", "<description>", "</description>", "arXiv:2401.00001v99999 Announce Type: new Abstract: ",
                "Announce Type:", "Abstract:", "<arxiv:announce_type>replace-cross</arxiv:announce_type>", "<arxiv:announce_type>x</arxiv:announce_type>",
                "<guid>oai:arXiv.org:2401.00001v1</guid>", "<pubDate>not a date</pubDate>", "<dc:creator>A, B and C</dc:creator>", "<category>", "\r\n", "\"", "'",
            ]),
            new(PaperFormats.ArxivMetadata, [metadata, MetadataArray(metadata)], [
                .. JsonTokens, "\"versions\":[{\"version\":\"v10000\",\"created\":\"x\"}]", "\"versions\":[{\"version\":\"v2147483648\"}]", "\"version\":\"v0\"",
                "\"authors_parsed\":[[]]", "\"authors_parsed\":[[null,null,null,null,null]]", "\"categories\":\"\"", "\"id\":\"0704.0001v2\"", "\"abstract\":1",
                "{\"id\":\"0704.0001\",\"title\":\"t\"}\n",
            ]),
            new(PaperFormats.PaperJsonLines, [PaperJsonLinesSeed(api, atom, metadata)], [
                .. JsonTokens, "\"abstract\":null", "\"authors\":null", "\"authors\":[null]", "\"authors\":[{\"name\":null}]", "\"links\":[{\"kind\":null}]",
                "\"categories\":[null]", "\"arxivId\":\"bad\"", "\"arxivId\":\"2310.12345v0\"", "\"versions\":[null]", "\"published\":\"x\"", "\"source\":\"nope\"",
                "{\"id\":\"x\",\"title\":\"y\"}\n", "\"upvotes\":-1", "\"upvotes\":1e99",
            ]),
        ];
    }

    // The records of the metadata sample as one JSON array, the snapshot's other shape.
    private static byte[] MetadataArray(byte[] lines) =>
        Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", Encoding.UTF8.GetString(lines).Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "\n]\n");

    // A saved listing page: the API sample's papers embedded as the page does, in the data-props of the DailyPapers element.
    private static byte[] DailyListingHtml(byte[] api) =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\""
            + System.Net.WebUtility.HtmlEncode("{\"dailyPapers\":" + Encoding.UTF8.GetString(api) + "}") + "\"></div></body></html>");

    // The real page copy, cut into pieces of a few cards at blank lines so that each case stays small.
    private static byte[][] DailyPageSlices()
    {
        var text = File.ReadAllText(RepoPaths.DailyPapersPage);
        var slices = new List<byte[]>();
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + 6000);
            var blank = end < text.Length ? text.IndexOf("\n\n", end, StringComparison.Ordinal) : -1;
            end = blank < 0 ? text.Length : blank + 2;
            slices.Add(Encoding.UTF8.GetBytes(text.Substring(start, end - start)));
            start = end;
        }

        return [.. slices];
    }

    // The library's own JSON Lines, written by PaperJson from the papers of the other samples.
    private static byte[] PaperJsonLinesSeed(byte[][] api, byte[][] atom, byte[] metadata)
    {
        var lines = new StringBuilder();
        foreach (var (format, input) in api.Select(a => ((PaperFormat)PaperFormats.HuggingFaceApi, a))
            .Concat(atom.Select(a => ((PaperFormat)PaperFormats.ArxivAtom, a)))
            .Append((PaperFormats.ArxivMetadata, metadata)))
        {
            foreach (var paper in PaperReader.Read(new MemoryStream(input), format).Papers)
            {
                lines.Append(PaperJson.Serialize(paper)).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(lines.ToString());
    }

    public override void Run(byte[] input, long caseNumber, Action<FindingKind, string> report)
    {
        _warmUp.Value.GetHashCode();
        var random = new Random(unchecked((int)caseNumber ^ 0x3C6EF372));
        var options = new PaperReadOptions
        {
            SourceName = "case",
            ReferenceDate = ReferenceDate,
            MaxRecordLength = random.Next(4) == 0 ? random.Next(64, 64 * 1024) : PaperReadOptions.Default.MaxRecordLength,
        };

        var gzipDamaged = false;
        if (random.Next(12) == 0)
        {
            input = Gzip(input);
            if (random.Next(2) == 0)
            {
                gzipDamaged = true;
                var cut = random.Next(2) == 0 ? input.Length - 1 - random.Next(8) : random.Next(input.Length);
                input = input.AsSpan(0, Math.Max(cut, 2)).ToArray();
            }
        }

        var format = random.Next(8) == 0 ? null : Format;
        var whole = ReadWhole(input, format, options, report, out var allocated);
        if (whole is null)
        {
            return;
        }

        var trickled = Render(Read(() => ReadSync(new TrickleStream(input, random.Next()), format, options), report, "1-17 bytes per read"));
        var asynchronous = Render(Read(() => ReadAsync(new TrickleStream(input, random.Next()), format, options), report, "asynchronously, 1-17 bytes per read"));
        var expected = Render(whole);
        Compare(expected, trickled, "whole", "1-17 bytes per read", report);
        Compare(expected, asynchronous, "synchronously", "asynchronously", report);

        CheckItems(whole, input, format, options, gzipDamaged, allocated, report);
    }

    private static List<PaperReadItem>? ReadWhole(byte[] input, PaperFormat? format, PaperReadOptions options, Action<FindingKind, string> report, out long allocated)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var items = Read(() => ReadSync(new MemoryStream(input, writable: false), format, options), report, "whole");
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return items;
    }

    private static List<PaperReadItem>? Read(Func<List<PaperReadItem>?> read, Action<FindingKind, string> report, string how)
    {
        try
        {
            return read();
        }
        catch (Exception ex)
        {
            report(FindingKind.Escape, $"read {how}: {Describe(ex)}");
            return null;
        }
    }

    private static List<PaperReadItem> ReadSync(Stream stream, PaperFormat? format, PaperReadOptions options) =>
        [.. PaperReader.Enumerate(stream, format, options)];

    private static List<PaperReadItem> ReadAsync(Stream stream, PaperFormat? format, PaperReadOptions options)
    {
        async Task<List<PaperReadItem>> Collect()
        {
            var items = new List<PaperReadItem>();
            await foreach (var item in PaperReader.EnumerateAsync(stream, format, options).ConfigureAwait(false))
            {
                items.Add(item);
            }

            return items;
        }

        return Collect().GetAwaiter().GetResult();
    }

    private static List<string>? Render(List<PaperReadItem>? items) => items?.Select(Render).ToList();

    private static string Render(PaperReadItem item)
    {
        if (item.Problem is { } problem)
        {
            return $"{problem} #{problem.Record}";
        }

        try
        {
            return PaperJson.Serialize(item.Paper!);
        }
        catch (Exception ex)
        {
            return $"paper '{item.Paper!.Id}' ({ex.GetType().Name})";
        }
    }

    private static void Compare(List<string>? expected, List<string>? actual, string expectedHow, string actualHow, Action<FindingKind, string> report)
    {
        if (expected is null || actual is null)
        {
            return;
        }

        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(nothing)";
            var a = i < actual.Count ? actual[i] : "(nothing)";
            if (e != a)
            {
                report(FindingKind.ReadSizeDependent, $"item {i} read {expectedHow}: {Cut(e)}; read {actualHow}: {Cut(a)}");
                return;
            }
        }
    }

    private void CheckItems(List<PaperReadItem> items, byte[] input, PaperFormat? format, PaperReadOptions options, bool gzipDamaged, long allocated, Action<FindingKind, string> report)
    {
        foreach (var problem in items.Select(static i => i.Problem).OfType<ParseProblem>())
        {
            if (problem.Line < 1 || problem.Column < 1)
            {
                report(FindingKind.Unlocated, problem.ToString());
                break;
            }
        }

        // The page text applies the limit per line (a card spans several), so the check needs the format read: the one
        // given, not one detection may choose (page text, for a damaged page of another format).
        var limited = options.MaxRecordLength < PaperReadOptions.Default.MaxRecordLength && format is not null && Format != PaperFormats.HuggingFaceDailyText;
        foreach (var paper in items.Select(static i => i.Paper).OfType<Paper>())
        {
            if (PaperChecks.Problem(paper) is { } invalid)
            {
                report(FindingKind.InvalidPaper, invalid);
                break;
            }

            if (limited && (long)paper.Title.Length + paper.Abstract.Length > options.MaxRecordLength)
            {
                report(FindingKind.LimitIgnored, $"paper '{paper.Id}' has {paper.Title.Length + paper.Abstract.Length} characters of title and abstract, over MaxRecordLength {options.MaxRecordLength}");
                break;
            }
        }

        var decoded = RecordOracle.Decode(input);
        var size = decoded?.Length ?? 0;
        var lines = decoded is null ? 0 : decoded.Count(static b => b is (byte)'\n' or (byte)'\r');
        if (allocated > (AllocationPerInputByte * ((long)input.Length + size)) + (AllocationPerLine * (long)lines) + (AllocationPerItem * (long)items.Count) + AllocationSlack)
        {
            report(FindingKind.Memory, $"{allocated:N0} bytes allocated to read {input.Length:N0} bytes ({size:N0} decoded)");
        }

        if (decoded is null || format is null)
        {
            return;
        }

        var count = RecordOracle.Count(Format, decoded, options);
        // A deleted OAI-PMH record is a warning instead of a paper: it stands for its record as an error does.
        var errors = items.Count(static i => i.Problem is { Severity: ProblemSeverity.Error } or { Code: "PM1103" });
        var actual = items.Count(static i => i.Paper is not null) + errors;
        if (gzipDamaged)
        {
            // Reading reaches the cut and says so, unless an error that ends the reading came first (invalid JSON or XML,
            // the metadata array's own problems).
            var stoppedEarly = items.Count > 0 && items[^1].Problem is { Severity: ProblemSeverity.Error } last
                && (Format is ArxivAtomFormat or HuggingFaceApiFormat or ArxivOaiFormat or ArxivRssFormat || last.Code is "PM1077" or "PM1078" or "PM1079");
            if (!stoppedEarly && !items.Any(static i => i.Problem?.Code == "PM1090"))
            {
                report(FindingKind.LostRecord, "truncated gzip input without PM1090; last item: " + (items.Count == 0 ? "none" : Render(items[^1])));
            }

            count = count with { Records = count.Records + 1, IsExact = false };
        }

        if (count.IsExact ? actual != count.Records : actual > count.Records)
        {
            report(FindingKind.LostRecord, $"{actual} papers + error problems for {(count.IsExact ? string.Empty : "at most ")}{count.Records} records ({count.Rule}); last item: {(items.Count == 0 ? "none" : Render(items[^1]))}");
        }
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static string Cut(string text) => text.Length > 300 ? text.Substring(0, 300) + "…" : text;
}
