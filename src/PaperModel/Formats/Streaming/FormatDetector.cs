using System.Text;
using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// Chooses the format of an input from its first bytes (<see cref="HeadLength"/> of them), and tells gzip input.
/// </summary>
/// <remarks>
/// Rules, on the first non-blank bytes after an optional UTF-8 byte order mark:
/// <list type="bullet">
/// <item><c>&lt;</c> and an Atom <c>&lt;feed</c> (or <c>&lt;entry</c>) root: <see cref="ArxivAtomFormat"/>, unless it
/// names <c>rss.arxiv.org</c> or carries <c>announce_type</c>: <see cref="ArxivRssFormat"/>, as is an <c>&lt;rss</c>
/// root that also declares the arXiv namespace; an <c>&lt;OAI-PMH</c> root: <see cref="ArxivOaiFormat"/>; other markup
/// with <c>data-target="DailyPapers"</c> or <c>"PaperContent"</c>, or an <c>&lt;html</c> page of
/// <c>huggingface.co/papers</c>: <see cref="HuggingFaceDailyHtmlFormat"/>.</item>
/// <item><c>[</c>: <see cref="ArxivMetadataFormat"/> when the first element has an arXiv metadata key (the snapshot
/// saved as one array), else <see cref="HuggingFaceApiFormat"/> (the <c>/api/daily_papers</c> array, search results).</item>
/// <item><c>{</c>: the keys of the first object decide. The library's own camelCase keys (<c>arxivId</c>,
/// <c>published</c>, <c>listedOn</c>, <c>primaryCategory</c>...): <see cref="PaperJsonLinesFormat"/>; <c>paper</c>, or Hugging Face keys (<c>upvotes</c>, <c>summary</c>,
/// <c>publishedAt</c>, <c>discussionId</c>, <c>ai_summary</c>...): <see cref="HuggingFaceApiFormat"/>; arXiv metadata keys
/// (<c>submitter</c>, <c>authors_parsed</c>, <c>versions</c>, <c>abstract</c>, <c>categories</c>...):
/// <see cref="ArxivMetadataFormat"/>. Otherwise an object that ends on its first line is JSON Lines, one spread over
/// several lines is a single Hugging Face object.</item>
/// <item>Anything else: no structured format (the caller falls back to page text).</item>
/// </list>
/// </remarks>
internal static class FormatDetector
{
    /// <summary>How many bytes are looked at.</summary>
    public const int HeadLength = 16 * 1024;

    private static readonly string[] HuggingFaceKeys =
        ["paper", "upvotes", "summary", "publishedAt", "discussionId", "ai_summary", "ai_keywords", "githubRepo", "projectPage", "submittedOnDailyAt", "numComments"];

    private static readonly string[] ArxivMetadataKeys =
        ["submitter", "authors_parsed", "versions", "update_date", "journal-ref", "report-no", "license", "comments", "doi"];

    // Keys every paper-like record has: an object with one of them is left to the readers, which report what is missing.
    private static readonly string[] CommonKeys = ["id", "title", "authors", "abstract", "categories"];

    private static readonly string[] PaperJsonKeys =
        ["arxivId", "published", "updated", "listedOn", "primaryCategory", "links", "commentCount", "journalReference", "reportNumber", "aiSummary"];

    // The keys that name a format, in the order they are tried.
    private static readonly (string[] Keys, string Format)[] KeyedFormats =
    [
        (PaperJsonKeys, PaperJsonLinesFormat.FormatName),
        (HuggingFaceKeys, HuggingFaceApiFormat.FormatName),
        (ArxivMetadataKeys, ArxivMetadataFormat.FormatName),
    ];

    private static ReadOnlySpan<byte> ArxivNamespace => "\"http://arxiv.org/schemas/atom\""u8;

    /// <summary>How many bytes tell gzip input (its magic bytes <c>1f 8b</c>).</summary>
    public const int GzipHeadLength = 2;

    /// <summary>Whether an input starts with the gzip magic bytes <c>1f 8b</c>.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>Names the format of an input from its first bytes, or <see langword="null"/>.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        head = Content(head);
        if (head.IsEmpty)
        {
            return null;
        }

        return head[0] switch
        {
            (byte)'<' => Markup(head),
            (byte)'[' => DetectArray(head),
            (byte)'{' => DetectObject(head),
            _ => null,
        };
    }

    /// <summary>
    /// When the input is markup, or a JSON object, that no format reads, says what it is (the message of the one PM1003
    /// problem that replaces reading it); otherwise <see langword="null"/>. Page text is never markup or JSON.
    /// </summary>
    public static string? DescribeUnreadable(ReadOnlySpan<byte> head)
    {
        head = Content(head);
        if (head.IsEmpty)
        {
            return null;
        }

        if (head[0] == (byte)'<')
        {
            var root = RootElement(head);
            return Markup(head) is not null ? null : root switch
            {
                null => "this is markup, but no root element was found in its first bytes; no format reads it",
                _ when root.Equals("html", StringComparison.OrdinalIgnoreCase) =>
                    "this is HTML (a saved web page) but not a Hugging Face papers page, which no format reads (hf-daily-html reads the saved Daily Papers and paper pages): copy the page's text for --format hf-daily-text, or fetch the list with 'papers fetch hf-daily'",
                "rss" => "root element <rss>: an RSS feed that is not an arXiv announcement feed (arxiv-rss reads the feeds of rss.arxiv.org), which no format reads",
                _ => $"root element <{root}>: this XML is no format the library reads (arxiv-atom reads <feed>, arxiv-oai reads <OAI-PMH>, arxiv-rss reads the <rss> feeds of rss.arxiv.org)",
            };
        }

        return head[0] == (byte)'{' ? DescribeObject(head) : null;
    }

    // The format of a markup document, by its root element and, for feeds, what marks an arXiv announcement feed.
    private static string? Markup(ReadOnlySpan<byte> head) => RootElement(head) switch
    {
        "feed" when IsAnnouncementFeed(head) => ArxivRssFormat.FormatName,
        "feed" or "entry" => ArxivAtomFormat.FormatName,
        "OAI-PMH" => ArxivOaiFormat.FormatName,
        "rss" when IsAnnouncementFeed(head) || head.IndexOf(ArxivNamespace) >= 0 => ArxivRssFormat.FormatName,
        "feed" or "entry" or "rss" or null => null,
        { } root when IsHuggingFacePage(root, head) => HuggingFaceDailyHtmlFormat.FormatName,
        _ => null,
    };

    // Markup with the element a Hugging Face page embeds its papers in, or an HTML page of huggingface.co/papers (whose
    // element may come after the first bytes; the reader says so when there is none).
    private static bool IsHuggingFacePage(string root, ReadOnlySpan<byte> head) =>
        head.IndexOf("data-target=\"DailyPapers\""u8) >= 0 || head.IndexOf("data-target=\"PaperContent\""u8) >= 0
        || (root.Equals("html", StringComparison.OrdinalIgnoreCase) && head.IndexOf("huggingface.co/papers"u8) >= 0);

    // The announcement feeds name rss.arxiv.org (their link, or the Atom feed's id) and carry announce types; the
    // arXiv API's Atom feed does neither.
    private static bool IsAnnouncementFeed(ReadOnlySpan<byte> head) =>
        head.IndexOf("rss.arxiv.org"u8) >= 0 || head.IndexOf("announce_type>"u8) >= 0;

    // The input after an optional UTF-8 byte order mark and white space.
    private static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            head = head.Slice(3);
        }

        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return head.Slice(start);
    }

    // A recorded HTTP response, or a whole object none of whose top-level keys any format knows.
    private static string? DescribeObject(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        var keys = new List<string>();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var key = reader.GetString()!;
                    if (PaperJsonKeys.Contains(key) || HuggingFaceKeys.Contains(key) || ArxivMetadataKeys.Contains(key) || CommonKeys.Contains(key))
                    {
                        return null;
                    }

                    keys.Add(key);
                    if (keys.Contains("status_code") && (keys.Contains("body") || keys.Contains("url")))
                    {
                        return "this is a recorded HTTP response ({\"url\", \"status_code\", \"body\"}): the document is the string in \"body\"; save that string to a file and read the file";
                    }
                }
                else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    return $"a JSON object with the keys {string.Join(", ", keys.Take(8).Select(static k => "\"" + k + "\""))}, none of which a format reads (hf-api-json, arxiv-metadata-jsonl, paper-jsonl)";
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON: the format chosen by layout reports the error with its position.
        }

        return null;
    }

    // An array of arXiv metadata records (the snapshot saved as one array) is that format; any other array is the
    // Hugging Face API's (daily papers, search results).
    private static string DetectArray(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        try
        {
            if (reader.Read() && reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && FormatOfKeys(ref reader, depth: 2) == ArxivMetadataFormat.FormatName)
            {
                return ArxivMetadataFormat.FormatName;
            }
        }
        catch (JsonException)
        {
            // Broken JSON: the Hugging Face reader reports the error with its position.
        }

        return HuggingFaceApiFormat.FormatName;
    }

    // The format the first known key of the object being read names (the library's own keys first), or null when
    // the object ends without one (or the head does).
    private static string? FormatOfKeys(ref Utf8JsonReader reader, int depth)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth)
            {
                foreach (var (keys, format) in KeyedFormats)
                {
                    foreach (var key in keys)
                    {
                        if (reader.ValueTextEquals(key))
                        {
                            return format;
                        }
                    }
                }
            }
            else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth - 1)
            {
                return null;
            }
        }

        return null;
    }

    private static string? RootElement(ReadOnlySpan<byte> head)
    {
        // The local name of the first element after the prolog (XML declaration, comments), any prefix.
        var at = 0;
        while (at < head.Length)
        {
            var lt = head.Slice(at).IndexOf((byte)'<');
            if (lt < 0 || at + lt + 1 >= head.Length)
            {
                return null;
            }

            at += lt + 1;
            var next = head[at];
            if (next is (byte)'?' or (byte)'!')
            {
                continue;
            }

            var nameEnd = at;
            while (nameEnd < head.Length && head[nameEnd] is not ((byte)' ' or (byte)'>' or (byte)'/' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                nameEnd++;
            }

            var name = head.Slice(at, nameEnd - at);
            var colon = name.IndexOf((byte)':');
            var local = colon >= 0 ? name.Slice(colon + 1) : name;
            return local.IsEmpty ? null : Encoding.UTF8.GetString(local.ToArray());
        }

        return null;
    }

    private static string DetectObject(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        try
        {
            if (FormatOfKeys(ref reader, depth: 1) is { } format)
            {
                return format;
            }
        }
        catch (JsonException)
        {
            // Broken JSON: decide by layout below; the chosen reader reports the error with its position.
        }

        // An object that ends before the first line break is a JSON Lines record.
        var firstLineBreak = head.IndexOf((byte)'\n');
        var ended = reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0;
        return ended && (firstLineBreak < 0 || reader.BytesConsumed <= firstLineBreak)
            ? ArxivMetadataFormat.FormatName
            : HuggingFaceApiFormat.FormatName;
    }
}
