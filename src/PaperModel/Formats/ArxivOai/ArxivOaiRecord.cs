using System.Globalization;
using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>Maps one OAI-PMH <c>record</c> (<c>arXivRaw</c>, <c>arXiv</c> or <c>oai_dc</c>) to a paper, or an OAI error to a problem.</summary>
internal static class ArxivOaiRecord
{
    private static readonly XNamespace Oai = ArxivOaiFormat.OaiNamespace;
    private static readonly XNamespace Raw = "http://arxiv.org/OAI/arXivRaw/";
    private static readonly XNamespace Arxiv = "http://arxiv.org/OAI/arXiv/";
    private static readonly XNamespace OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>Reports an OAI <c>error</c> element: a warning for <c>noRecordsMatch</c>, else an error. It gives no paper.</summary>
    public static Paper? Error(XElement error, ProblemSink sink)
    {
        var code = ((string?)error.Attribute("code"))?.Trim() ?? "unknown";
        var message = InputText.NormalizeOptional(error.Value) ?? "no message";
        if (code == "noRecordsMatch")
        {
            sink.Report(ReadProblems.OaiNoRecords, -1, message);
        }
        else
        {
            sink.Report(ReadProblems.OaiError, -1, code, message);
        }

        return null;
    }

    /// <summary>
    /// Maps a record, reporting its warnings to <paramref name="sink"/>; a deleted record is a warning and gives no
    /// paper. Throws the sink's <see cref="RecordRejectedException"/> for a record that cannot be read.
    /// </summary>
    public static Paper? Map(XElement record, ProblemSink sink)
    {
        var header = record.Element(Oai + "header");
        var identifier = InputText.NormalizeOptional(header?.Element(Oai + "identifier")?.Value);
        if ((string?)header?.Attribute("status") == "deleted")
        {
            sink.Report(ReadProblems.OaiDeleted, -1, identifier ?? "without identifier");
            return null;
        }

        var metadata = record.Element(Oai + "metadata")?.Elements().FirstOrDefault();
        if (metadata is null)
        {
            throw sink.Reject(ReadProblems.OaiNoMetadata, -1, identifier ?? "without identifier");
        }

        var name = metadata.Name;
        var id = name == Raw + "arXivRaw" || name == Arxiv + "arXiv"
            ? metadata.Element(name.Namespace + "id")?.Value
            : identifier?.Substring(identifier.LastIndexOf(':') + 1);
        if (name != Raw + "arXivRaw" && name != Arxiv + "arXiv" && name != OaiDc + "dc")
        {
            throw sink.Reject(ReadProblems.OaiUnknownMetadata, -1, identifier, name.LocalName, name.NamespaceName);
        }

        if (!ArxivId.TryParse(id?.Trim(), out var arxivId) || arxivId.HasVersion)
        {
            throw sink.Reject(ReadProblems.OaiNoId, -1, identifier, id?.Trim());
        }

        var title = name == OaiDc + "dc" ? metadata.Element(Dc + "title")?.Value : metadata.Element(name.Namespace + "title")?.Value;
        if (InputText.NormalizeOptional(title) is null)
        {
            throw sink.Reject(ReadProblems.OaiNoTitle, -1, arxivId);
        }

        return name == Raw + "arXivRaw" ? FromRaw(metadata, arxivId, title!)
            : name == Arxiv + "arXiv" ? FromArxiv(metadata, arxivId, title!)
            : FromDublinCore(metadata, header, arxivId, title!);

        Paper FromRaw(XElement raw, ArxivId work, string rawTitle)
        {
            var versions = new List<PaperVersion>();
            foreach (var version in raw.Elements(Raw + "version"))
            {
                var label = ((string?)version.Attribute("version"))?.Trim();
                if (label is not { Length: > 1 } || label[0] != 'v' || !int.TryParse(label.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var versionNumber))
                {
                    sink.Report(ReadProblems.OaiBadVersion, -1, work, label);
                    continue;
                }

                versions.Add(new PaperVersion(versionNumber, Date(version.Element(Raw + "date")?.Value, InputText.TryParseRfc1123Date, $"the date of {work}v{versionNumber}")));
            }

            var latest = versions.Count > 0 ? work.WithVersion(versions.Max(static v => v.Number)) : work;
            return Bibliographic(raw, work, latest, rawTitle) with
            {
                Authors = AuthorList.Parse(Field(raw, "authors")),
                Versions = versions,
                Published = versions.FirstOrDefault(static v => v.Number == 1)?.Created,
                Updated = versions.Count > 0 ? versions[versions.Count - 1].Created : null,
                Submitter = Field(raw, "submitter"),
            };
        }

        Paper FromArxiv(XElement meta, ArxivId work, string metaTitle)
        {
            var authors = new List<Author>();
            foreach (var author in meta.Element(Arxiv + "authors")?.Elements(Arxiv + "author") ?? [])
            {
                var parts = new[] { "forenames", "keyname", "suffix" }
                    .Select(part => InputText.NormalizeOptional(author.Element(Arxiv + part)?.Value))
                    .Where(static part => part is not null);
                var fullName = string.Join(" ", parts);
                if (fullName.Length > 0)
                {
                    authors.Add(new Author(fullName, InputText.NormalizeOptional(author.Element(Arxiv + "affiliation")?.Value)));
                }
            }

            return Bibliographic(meta, work, work, metaTitle) with
            {
                Authors = authors,
                Published = Date(Field(meta, "created"), InputText.TryParseIsoDate, $"<created> of {work}"),
                Updated = Date(Field(meta, "updated"), InputText.TryParseIsoDate, $"<updated> of {work}"),
            };
        }

        // What arXivRaw and arXiv metadata share, element for element: the paper without authors, versions and dates.
        static Paper Bibliographic(XElement meta, ArxivId work, ArxivId latest, string metaTitle)
        {
            var doi = Field(meta, "doi");
            var categories = Categories(Field(meta, "categories"));
            return new Paper(work.ToString(), InputText.NormalizeWhitespace(metaTitle))
            {
                ArxivId = latest,
                Abstract = Text(Field(meta, "abstract")),
                Categories = categories,
                PrimaryCategory = categories.Count > 0 ? categories[0] : null,
                Comment = Field(meta, "comments"),
                JournalReference = Field(meta, "journal-ref"),
                Doi = doi,
                ReportNumber = Field(meta, "report-no"),
                License = Field(meta, "license"),
                Links = ArxivLinks.For(latest, doi),
                Source = PaperSource.ArxivOai,
            };
        }

        Paper FromDublinCore(XElement dc, XElement? recordHeader, ArxivId work, string dcTitle)
        {
            // dc:creator is "Surname, Forenames"; dc:date lists the version dates, oldest first.
            var authors = dc.Elements(Dc + "creator")
                .Select(static c => InputText.NormalizeOptional(c.Value))
                .Where(static c => c is not null)
                .Select(static c => c!.IndexOf(',') is var comma and > 0 ? c.Substring(comma + 1).Trim() + " " + c.Substring(0, comma).Trim() : c)
                .Select(static c => new Author(c.Trim()))
                .ToList();
            var dates = dc.Elements(Dc + "date").Select(d => Date(d.Value, InputText.TryParseIsoDate, $"a <dc:date> of {work}")).Where(static d => d is not null).ToList();
            var categories = (recordHeader?.Elements(Oai + "setSpec") ?? [])
                .Select(static s => s.Value.Trim())
                .Select(static s => s.Substring(s.LastIndexOf(':') + 1))
                .Where(static s => s.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return new Paper(work.ToString(), InputText.NormalizeWhitespace(dcTitle))
            {
                ArxivId = work,
                Abstract = Text(dc.Element(Dc + "description")?.Value),
                Authors = authors,
                Published = dates.Count > 0 ? dates[0] : null,
                Updated = dates.Count > 1 ? dates[dates.Count - 1] : null,
                Categories = categories,
                PrimaryCategory = categories.Count > 0 ? categories[0] : null,
                Links = ArxivLinks.For(work, null),
                Source = PaperSource.ArxivOai,
            };
        }

        DateTimeOffset? Date(string? text, TryParse parse, string what)
        {
            if (InputText.NormalizeOptional(text) is not { } trimmed)
            {
                return null;
            }

            if (parse(trimmed, out var date))
            {
                return date;
            }

            sink.Report(ReadProblems.OaiBadDate, -1, what, trimmed);
            return null;
        }
    }

    private delegate bool TryParse(string text, out DateTimeOffset value);

    private static string? Field(XElement metadata, string localName) =>
        InputText.NormalizeOptional(metadata.Element(metadata.Name.Namespace + localName)?.Value);

    private static string Text(string? text) => text is null ? string.Empty : InputText.NormalizeWhitespace(text);

    private static List<string> Categories(string? text) =>
        text is null ? [] : text.Split([' '], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
