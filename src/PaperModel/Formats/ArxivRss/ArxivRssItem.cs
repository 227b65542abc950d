using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>Maps one item (RSS 2.0) or entry (Atom) of an arXiv announcement feed to a <see cref="Paper"/>.</summary>
internal static class ArxivRssItem
{
    private static readonly XNamespace Atom = ArxivAtomFormat.AtomNamespace;
    private static readonly XNamespace Arxiv = ArxivAtomFormat.ArxivNamespace;
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private const string AnnounceMarker = "Announce Type:";
    private const string AbstractMarker = "Abstract:";

    /// <summary>
    /// Maps an item or an entry, reporting its warnings to <paramref name="sink"/> (at its start tag). Throws the
    /// sink's <see cref="RecordRejectedException"/> for one that gives no paper.
    /// </summary>
    public static Paper Map(XElement item, ProblemSink sink)
    {
        var isAtom = item.Name.Namespace == Atom;
        XName Own(string name) => isAtom ? Atom + name : name;

        var title = InputText.NormalizeOptional(item.Element(Own("title"))?.Value);
        var description = Description.Parse(item.Element(Own(isAtom ? "summary" : "description"))?.Value);
        var abstractLink = isAtom
            ? (string?)item.Elements(Atom + "link").FirstOrDefault(static l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")
            : item.Element("link")?.Value;
        var guid = item.Element(Own(isAtom ? "id" : "guid"))?.Value;

        if (!(TryId(description.Id, out var id) || TryId(guid, out id) || TryId(abstractLink, out id)))
        {
            throw sink.Reject(ReadProblems.RssNoId, -1, InputText.Quote(InputText.NormalizeOptional(guid ?? abstractLink) ?? string.Empty, 80));
        }

        if (title is null)
        {
            throw sink.Reject(ReadProblems.RssNoTitle, -1, id);
        }

        var categories = new List<string>();
        foreach (var category in item.Elements(Own("category")))
        {
            var term = InputText.NormalizeOptional(isAtom ? (string?)category.Attribute("term") : category.Value);
            if (term is not null && !categories.Contains(term, StringComparer.Ordinal))
            {
                categories.Add(term);
            }
        }

        var doi = InputText.NormalizeOptional(item.Element(Arxiv + "DOI")?.Value);
        var links = new List<PaperLink>(ArxivLinks.For(id, doi));
        return new Paper(id.WithoutVersion().ToString(), title)
        {
            ArxivId = id,
            Abstract = description.Abstract,
            Authors = AuthorList.Parse(item.Element(Dc + "creator")?.Value),
            ListedOn = Date(item.Element(Own(isAtom ? "published" : "pubDate"))?.Value),
            Categories = categories,
            PrimaryCategory = categories.Count > 0 ? categories[0] : null,
            Links = links,
            JournalReference = InputText.NormalizeOptional(item.Element(Arxiv + "journal_reference")?.Value),
            Doi = doi,
            License = InputText.NormalizeOptional(item.Element(Dc + "rights")?.Value),
            AnnounceType = AnnounceType(InputText.NormalizeOptional(item.Element(Arxiv + "announce_type")?.Value) ?? description.AnnounceType),
            Source = PaperSource.ArxivRss,
        };

        DateTimeOffset? Date(string? text)
        {
            if (InputText.NormalizeOptional(text) is not { } value)
            {
                return null;
            }

            if (InputText.TryParseIsoDate(value, out var date))
            {
                return date;
            }

            sink.Report(ReadProblems.RssBadDate, -1, isAtom ? "<published>" : "<pubDate>", id, value);
            return null;
        }

        ArxivAnnounceType? AnnounceType(string? text)
        {
            switch (text)
            {
                case null:
                    return null;
                case "new":
                    return ArxivAnnounceType.New;
                case "cross":
                    return ArxivAnnounceType.Cross;
                case "replace":
                    return ArxivAnnounceType.Replace;
                case "replace-cross":
                    return ArxivAnnounceType.ReplaceCross;
                default:
                    sink.Report(ReadProblems.RssBadAnnounceType, -1, id, text);
                    return null;
            }
        }
    }

    // An id as the description, the guid (oai:arXiv.org:2411.17700v1) or the link writes it.
    private static bool TryId(string? text, out ArxivId id)
    {
        const string OaiPrefix = "oai:arXiv.org:";
        id = default;
        if (InputText.NormalizeOptional(text) is not { } value)
        {
            return false;
        }

        return ArxivId.TryParse(value.StartsWith(OaiPrefix, StringComparison.OrdinalIgnoreCase) ? value.Substring(OaiPrefix.Length) : value, out id);
    }

    /// <summary>
    /// The parts of the description arXiv writes, <c>arXiv:2411.17700v1 Announce Type: new Abstract: …</c>; a
    /// description without them is all abstract.
    /// </summary>
    private readonly record struct Description(string? Id, string? AnnounceType, string Abstract)
    {
        public static Description Parse(string? text)
        {
            var normalized = text is null ? string.Empty : InputText.NormalizeWhitespace(text);
            var announce = normalized.IndexOf(AnnounceMarker, StringComparison.Ordinal);
            var abstractAt = normalized.IndexOf(AbstractMarker, StringComparison.Ordinal);
            if (!normalized.StartsWith("arXiv:", StringComparison.Ordinal) || announce < 0 || abstractAt < announce)
            {
                return new Description(null, null, normalized);
            }

            var id = normalized.Substring(0, announce).Trim();
            var type = normalized.Substring(announce + AnnounceMarker.Length, abstractAt - announce - AnnounceMarker.Length).Trim();
            return new Description(id, type.Length == 0 ? null : type, normalized.Substring(abstractAt + AbstractMarker.Length).Trim());
        }
    }
}
