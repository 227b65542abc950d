using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using PaperModel.Formats;

namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>How many records an input holds, as papers + error problems must add up to.</summary>
/// <param name="Records">The number of records.</param>
/// <param name="IsExact">Whether the sum must equal <paramref name="Records"/> (otherwise it may be less).</param>
/// <param name="Rule">How the number was counted, for reports.</param>
internal readonly record struct RecordCount(long Records, bool IsExact, string Rule);

/// <summary>
/// Counts the records of an input independently of the readers (with the framework's own JSON and XML readers, or by
/// splitting lines), following the rules documented in <c>docs/reliability.md</c>:
/// <list type="bullet">
/// <item>JSON Lines (<c>arxiv-metadata-jsonl</c>, <c>paper-jsonl</c>): every line (split on LF) that holds anything but
/// spaces, tabs and CR is one record.</item>
/// <item><c>hf-api-json</c>: each element of a root array, or a root object, or a root scalar (one record that is not a
/// paper). When the JSON is invalid, the elements completed before the error, plus one for the error.</item>
/// <item><c>arxiv-atom</c>: each outermost Atom <c>entry</c> element; a root that is not an Atom feed or entry is one
/// record. When the XML is not well-formed, the entries completed before the error, plus one for the error.</item>
/// <item><c>arxiv-oai</c>: each outermost OAI-PMH <c>record</c> element (a deleted one is a warning, PM1103, instead of a
/// paper), and each <c>error</c> element but <c>noRecordsMatch</c>; a root that is not <c>OAI-PMH</c> is one record. When
/// the XML is not well-formed, the records completed before the error, plus one for the error.</item>
/// <item><c>arxiv-rss</c>: each outermost RSS <c>item</c> or Atom <c>entry</c>, and the channel's description when its
/// title says the feed is an error feed; when the XML is not well-formed, those completed before the error, plus one.</item>
/// <item><c>hf-daily-html</c>: only bounded, by one record per <c>{</c> of the input plus one.</item>
/// <item><c>hf-daily-text</c>: the reader alone decides where a card ends, so the count is only bounded by the number of
/// non-blank lines.</item>
/// </list>
/// Before counting, input is decoded the way every reader decodes it: gzip is decompressed, a UTF-8 byte order mark is
/// dropped, and text with a UTF-16 or UTF-32 byte order mark is transcoded to UTF-8.
/// </summary>
internal static class RecordOracle
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private const string OaiNamespace = "http://www.openarchives.org/OAI/2.0/";

    private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

    // The readers' XML settings: no DTD, nothing resolved, few characters from entities.
    private static XmlReaderSettings XmlSettings() => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 1024 };

    /// <summary>Counts the records of an input read as <paramref name="format"/>.</summary>
    public static RecordCount Count(PaperFormat format, byte[] decoded, PaperReadOptions options)
    {
        var isArray = format.Name == FormatNames.ArxivMetadata && StartsArray(decoded);
        var count = format.Name switch
        {
            FormatNames.ArxivMetadata when isArray => Json(decoded),
            FormatNames.ArxivMetadata or FormatNames.PaperJsonLines => JsonLines(decoded),
            FormatNames.HuggingFaceApi => Json(decoded),
            FormatNames.ArxivAtom => Atom(decoded),
            FormatNames.ArxivOai => Oai(decoded),
            FormatNames.ArxivRss => Rss(decoded, options.MaxRecordLength < decoded.Length),
            FormatNames.DailyHtml => new RecordCount(decoded.LongCount(static b => b == (byte)'{') + 1, false, "at most one record per '{', plus one"),
            _ => new RecordCount(NonBlankLines(decoded), false, "at most one record per non-blank line"),
        };

        // A JSON token longer than the limit ends the reading (PM1034, PM1079): with a small limit, only the bound holds.
        return (format.Name == FormatNames.HuggingFaceApi || isArray) && options.MaxRecordLength < decoded.Length
            ? count with { Records = count.Records + 1, IsExact = false, Rule = count.Rule + " (+1, small MaxRecordLength)" }
            : count;
    }

    /// <summary>
    /// Decodes input as the readers do: decompresses gzip, drops a UTF-8 byte order mark and transcodes UTF-16/UTF-32
    /// with a byte order mark to UTF-8. Returns <see langword="null"/> when the gzip data cannot be decompressed.
    /// </summary>
    public static byte[]? Decode(byte[] input)
    {
        var bytes = input;
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                bytes = plain.ToArray();
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        var encoding = EncodingOf(bytes, out var markLength);
        if (encoding is null)
        {
            return markLength == 0 ? bytes : bytes.AsSpan(markLength).ToArray();
        }

        return Utf8.GetBytes(encoding.GetString(bytes, markLength, bytes.Length - markLength));
    }

    // The encoding named by a byte order mark (null for UTF-8 or none) and the mark's length.
    private static Encoding? EncodingOf(byte[] bytes, out int markLength)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            markLength = 3;
            return null;
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            markLength = 4;
            return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            markLength = 4;
            return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            markLength = 2;
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            markLength = 2;
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        }

        markLength = 0;
        return null;
    }

    private static RecordCount JsonLines(byte[] bytes)
    {
        long records = 0;
        var blank = true;
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                records += blank ? 0 : 1;
                blank = true;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                blank = false;
            }
        }

        return new RecordCount(records + (blank ? 0 : 1), true, "one record per non-blank line");
    }

    private static long NonBlankLines(byte[] bytes) =>
        Utf8.GetString(bytes).Split(['\n', '\r']).LongCount(static l => !string.IsNullOrWhiteSpace(l));

    private static RecordCount Json(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        long completed = 0;
        try
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        reader.Skip();
                        completed++;
                    }

                    break;
                case JsonTokenType.StartObject:
                    reader.Skip();
                    completed = 1;
                    break;
                default:
                    return new RecordCount(1, true, "a root scalar is one record");
            }

            while (reader.Read())
            {
                // Trailing content after the root is invalid JSON: Read throws.
            }

            return new RecordCount(completed, true, "one record per element of the root array (or the root value)");
        }
        catch (JsonException)
        {
            return new RecordCount(completed + 1, true, "elements completed before invalid JSON, plus the error");
        }
    }

    // The metadata reader reads one JSON array when the first byte that is not white space (in its first KiB) is '['.
    private static bool StartsArray(byte[] bytes)
    {
        foreach (var b in bytes.AsSpan(0, Math.Min(bytes.Length, 1024)))
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'[';
            }
        }

        return false;
    }

    // RSS: each outermost item (no namespace) or Atom entry; the channel's description when its title says the feed is
    // an error feed; a channel title or description nested too deep (an error of its own). A record is complete at its
    // end tag, as the reader sees it. With a small limit, the channel's own title and description may be too long as
    // well: only a bound holds then.
    private static RecordCount Rss(byte[] bytes, bool smallLimit)
    {
        const int MaxDepth = 64;
        long completed = 0;
        long channelElements = 0;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), XmlSettings());
            if (reader.MoveToContent() != XmlNodeType.Element
                || !((reader.NamespaceURI.Length == 0 && reader.LocalName == "rss") || (reader.NamespaceURI == AtomNamespace && reader.LocalName == "feed")))
            {
                return new RecordCount(1, true, "a root that is not <rss> or an Atom feed is one record");
            }

            var errorFeed = false;
            var recordDepth = -1;
            string? kind = null;
            var tooDeep = false;
            var title = new StringBuilder();

            void Complete()
            {
                if (kind == "item" || tooDeep)
                {
                    completed++;
                }
                else if (kind == "title")
                {
                    errorFeed = title.ToString().TrimStart().StartsWith("Feed error for query", StringComparison.OrdinalIgnoreCase);
                }
                else if (errorFeed)
                {
                    completed++;
                }
            }

            do
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when recordDepth < 0:
                        var plain = reader.NamespaceURI.Length == 0;
                        kind = (plain && reader.LocalName == "item") || (reader.NamespaceURI == AtomNamespace && reader.LocalName == "entry") ? "item"
                            : plain && reader.LocalName is "title" or "description" ? reader.LocalName : null;
                        if (kind is null)
                        {
                            break;
                        }

                        channelElements += kind == "item" ? 0 : 1;
                        tooDeep = false;
                        title.Clear();
                        if (reader.IsEmptyElement)
                        {
                            Complete();
                        }
                        else
                        {
                            recordDepth = reader.Depth;
                        }

                        break;
                    case XmlNodeType.Element:
                        // The reader counts the record and its open elements; an empty element is never open.
                        tooDeep |= reader.Depth - recordDepth >= (reader.IsEmptyElement ? MaxDepth + 1 : MaxDepth);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when recordDepth >= 0 && kind == "title":
                        title.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement when reader.Depth == recordDepth:
                        Complete();
                        recordDepth = -1;
                        break;
                }
            }
            while (reader.Read());

            return smallLimit
                ? new RecordCount(completed + channelElements, false, "one record per outermost item or entry, plus the channel's title and description (small MaxRecordLength)")
                : new RecordCount(completed, true, "one record per outermost item or entry (and an error feed's description)");
        }
        catch (Exception ex) when (ex is XmlException or ArgumentException or InvalidOperationException)
        {
            return smallLimit
                ? new RecordCount(completed + channelElements + 1, false, "items completed before the XML error, plus the error (small MaxRecordLength)")
                : new RecordCount(completed + 1, true, "items completed before the XML error, plus the error");
        }
    }

    private static RecordCount Atom(byte[] bytes) =>
        Xml(bytes, AtomNamespace, ["feed", "entry"], "entry", errorName: null, "Atom entry");

    private static RecordCount Oai(byte[] bytes) =>
        Xml(bytes, OaiNamespace, ["OAI-PMH"], "record", errorName: "error", "OAI-PMH record");

    // Each outermost record element in the format's namespace is one record. An error element of the repository is one
    // record too, unless it says the request matched nothing (a warning, not a lost record).
    private static RecordCount Xml(byte[] bytes, string ns, string[] roots, string recordName, string? errorName, string what)
    {
        long completed = 0;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), XmlSettings());
            if (reader.MoveToContent() != XmlNodeType.Element || reader.NamespaceURI != ns || Array.IndexOf(roots, reader.LocalName) < 0)
            {
                return new RecordCount(1, true, $"a root that is not <{roots[0]}> is one record");
            }

            var recordDepth = -1;
            var counts = false;
            do
            {
                if (reader.NodeType == XmlNodeType.Element && recordDepth < 0 && reader.NamespaceURI == ns
                    && (reader.LocalName == recordName || reader.LocalName == errorName))
                {
                    counts = reader.LocalName == recordName || reader.GetAttribute("code") != "noRecordsMatch";
                    if (reader.IsEmptyElement)
                    {
                        completed += counts ? 1 : 0;
                    }
                    else
                    {
                        recordDepth = reader.Depth;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == recordDepth)
                {
                    completed += counts ? 1 : 0;
                    recordDepth = -1;
                }
            }
            while (reader.Read());

            return new RecordCount(completed, true, $"one record per outermost {what}");
        }
        catch (Exception ex) when (ex is XmlException or ArgumentException or InvalidOperationException)
        {
            return new RecordCount(completed + 1, true, $"{what}s completed before the XML error, plus the error");
        }
    }
}
