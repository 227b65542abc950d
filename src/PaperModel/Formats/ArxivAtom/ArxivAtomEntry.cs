using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>Maps one <c>atom:entry</c> of the arXiv API to a <see cref="Paper"/>, or its error entry to a problem.</summary>
internal static class ArxivAtomEntry
{
    private static readonly XNamespace Atom = ArxivAtomFormat.AtomNamespace;
    private static readonly XNamespace Arxiv = ArxivAtomFormat.ArxivNamespace;

    /// <summary>
    /// Maps an entry, reporting its warnings to <paramref name="sink"/> (at the entry's start tag). Throws the sink's
    /// <see cref="RecordRejectedException"/> for an entry that gives no paper.
    /// </summary>
    public static Paper Map(XElement entry, ProblemSink sink)
    {
        var idText = Text(entry, Atom + "id");
        var title = Text(entry, Atom + "title");
        var summary = Text(entry, Atom + "summary");

        if (IsError(entry, idText, title))
        {
            var message = InputText.NormalizeOptional(summary) ?? "the API reported an error without a message";
            throw sink.Reject(ReadProblems.AtomApiError, -1, message);
        }

        if (idText is null)
        {
            throw sink.Reject(ReadProblems.AtomMissingId, -1);
        }

        if (!ArxivId.TryParse(idText, out var id))
        {
            throw sink.Reject(ReadProblems.AtomBadId, -1, idText.Trim());
        }

        if (title is null)
        {
            throw sink.Reject(ReadProblems.AtomMissingTitle, -1, id);
        }

        var links = new List<PaperLink>();
        foreach (var link in entry.Elements(Atom + "link"))
        {
            if (InputText.TryAbsoluteUri((string?)link.Attribute("href")) is not { } href)
            {
                continue;
            }

            var rel = (string?)link.Attribute("rel");
            var linkTitle = (string?)link.Attribute("title");
            var kind = rel == "alternate" ? PaperLinkKinds.Abstract
                : linkTitle == "pdf" ? PaperLinkKinds.Pdf
                : linkTitle == "doi" ? PaperLinkKinds.Doi
                : PaperLinkKinds.Related;
            links.Add(new PaperLink(kind, href));

            // The docs example's <id> has no version while its abstract link has one.
            if (kind == PaperLinkKinds.Abstract && !id.HasVersion && ArxivId.TryParse(href.ToString(), out var linked) && linked.IsSameWork(id) && linked.HasVersion)
            {
                id = linked;
            }
        }

        var categories = new List<string>();
        var primary = (string?)entry.Element(Arxiv + "primary_category")?.Attribute("term");
        if (!string.IsNullOrWhiteSpace(primary))
        {
            primary = primary!.Trim();
            categories.Add(primary);
        }

        foreach (var category in entry.Elements(Atom + "category"))
        {
            var term = ((string?)category.Attribute("term"))?.Trim();
            if (!string.IsNullOrEmpty(term) && !categories.Contains(term!, StringComparer.Ordinal))
            {
                categories.Add(term!);
            }
        }

        var published = Date(entry, "published");
        var updated = Date(entry, "updated");
        return new Paper(id.WithoutVersion().ToString(), InputText.NormalizeWhitespace(title))
        {
            ArxivId = id,
            Abstract = summary is null ? string.Empty : InputText.NormalizeWhitespace(summary),
            Authors = Authors(entry),
            Published = published,
            Updated = updated,
            Categories = categories,
            PrimaryCategory = primary ?? (categories.Count > 0 ? categories[0] : null),
            Links = links,
            Comment = InputText.NormalizeOptional(Text(entry, Arxiv + "comment")),
            JournalReference = InputText.NormalizeOptional(Text(entry, Arxiv + "journal_ref")),
            Doi = InputText.NormalizeOptional(Text(entry, Arxiv + "doi")),
            Source = PaperSource.ArxivAtom,
        };

        // A bad date is a warning, reported before the paper, which is kept without it.
        DateTimeOffset? Date(XElement owner, string name)
        {
            var text = Text(owner, Atom + name);
            if (text is null)
            {
                return null;
            }

            if (InputText.TryParseIsoDate(text, out var date))
            {
                return date;
            }

            sink.Report(ReadProblems.AtomBadDate, -1, name, id, text.Trim());
            return null;
        }
    }

    // The error entry: title "Error" and author "arXiv api core", or an id under /api/errors#.
    private static bool IsError(XElement entry, string? id, string? title) =>
        (id is not null && id.IndexOf("/api/errors", StringComparison.OrdinalIgnoreCase) >= 0)
        || (title?.Trim() == "Error"
            && entry.Elements(Atom + "author").Any(a => Text(a, Atom + "name")?.Trim() == "arXiv api core"));

    private static IReadOnlyList<Author> Authors(XElement entry)
    {
        var authors = new List<Author>();
        foreach (var author in entry.Elements(Atom + "author"))
        {
            var name = InputText.NormalizeOptional(Text(author, Atom + "name"));
            if (name is null)
            {
                continue;
            }

            var affiliations = author.Elements(Arxiv + "affiliation")
                .Select(static a => InputText.NormalizeOptional(a.Value))
                .Where(static a => a is not null)
                .ToList();
            authors.Add(new Author(name, affiliations.Count == 0 ? null : string.Join("; ", affiliations)));
        }

        return authors;
    }

    private static string? Text(XElement owner, XName name) => owner.Element(name)?.Value;
}
