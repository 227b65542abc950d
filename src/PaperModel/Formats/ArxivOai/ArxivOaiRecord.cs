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

    /// <summary>The problem for an OAI <c>error</c> element: a warning for <c>noRecordsMatch</c>, else an error.</summary>
    public static PaperReadItem Error(XElement error, string? source, int line, int column)
    {
        var code = ((string?)error.Attribute("code"))?.Trim() ?? "unknown";
        var message = SourceText.NormalizeOptional(error.Value) ?? "no message";
        return code == "noRecordsMatch"
            ? PaperReadItem.FromProblem(new ParseProblem("PM1102", $"The OAI-PMH request matched no records ({message}).", source, line, column, ProblemSeverity.Warning))
            : PaperReadItem.FromProblem(new ParseProblem("PM1102", $"The OAI-PMH repository reported an error {code}: {message}.", source, line, column));
    }

    /// <summary>Adds the paper (after its warnings) or the problem that prevented it to <paramref name="output"/>.</summary>
    public static void Map(XElement record, string? source, int line, int column, long number, List<PaperReadItem> output)
    {
        var header = record.Element(Oai + "header");
        var identifier = SourceText.NormalizeOptional(header?.Element(Oai + "identifier")?.Value);
        if ((string?)header?.Attribute("status") == "deleted")
        {
            output.Add(Problem("PM1103", $"The record {identifier ?? "without identifier"} is deleted (withdrawn from the repository); it has no metadata.", ProblemSeverity.Warning));
            return;
        }

        var metadata = record.Element(Oai + "metadata")?.Elements().FirstOrDefault();
        if (metadata is null)
        {
            output.Add(Problem("PM1104", $"The record {identifier ?? "without identifier"} has no <metadata>."));
            return;
        }

        var name = metadata.Name;
        var id = name == Raw + "arXivRaw" || name == Arxiv + "arXiv"
            ? metadata.Element(name.Namespace + "id")?.Value
            : identifier?.Substring(identifier.LastIndexOf(':') + 1);
        if (name != Raw + "arXivRaw" && name != Arxiv + "arXiv" && name != OaiDc + "dc")
        {
            output.Add(Problem("PM1105", $"The record {identifier} has metadata <{name.LocalName}> in namespace '{name.NamespaceName}'; only arXivRaw, arXiv and oai_dc are read."));
            return;
        }

        if (!ArxivId.TryParse(id?.Trim(), out var arxivId) || arxivId.HasVersion)
        {
            output.Add(Problem("PM1104", $"The record {identifier} has no arXiv id without version (found '{id?.Trim()}')."));
            return;
        }

        var title = name == OaiDc + "dc" ? metadata.Element(Dc + "title")?.Value : metadata.Element(name.Namespace + "title")?.Value;
        if (SourceText.NormalizeOptional(title) is null)
        {
            output.Add(Problem("PM1104", $"The record {arxivId} has no title."));
            return;
        }

        var paper = name == Raw + "arXivRaw" ? FromRaw(metadata, arxivId, title!)
            : name == Arxiv + "arXiv" ? FromArxiv(metadata, arxivId, title!)
            : FromDublinCore(metadata, header, arxivId, title!);
        output.Add(PaperReadItem.FromPaper(paper));

        PaperReadItem Problem(string code, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
            PaperReadItem.FromProblem(new ParseProblem(code, message, source, line, column, severity) { Record = number });

        Paper FromRaw(XElement raw, ArxivId work, string rawTitle)
        {
            var versions = new List<PaperVersion>();
            foreach (var version in raw.Elements(Raw + "version"))
            {
                var label = ((string?)version.Attribute("version"))?.Trim();
                if (label is not { Length: > 1 } || label[0] != 'v' || !int.TryParse(label.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var versionNumber))
                {
                    output.Add(Problem("PM1106", $"A version of {work} is labelled '{label}', not vN; it was left out.", ProblemSeverity.Warning));
                    continue;
                }

                versions.Add(new PaperVersion(versionNumber, Date(version.Element(Raw + "date")?.Value, SourceText.TryParseRfc1123Date, $"the date of {work}v{versionNumber}")));
            }

            var doi = Field(raw, "doi");
            var latest = versions.Count > 0 ? work.WithVersion(versions.Max(static v => v.Number)) : work;
            var categories = Categories(Field(raw, "categories"));
            return new Paper(work.ToString(), PaperText.NormalizeWhitespace(rawTitle))
            {
                ArxivId = latest,
                Abstract = Text(Field(raw, "abstract")),
                Authors = AuthorList.Parse(Field(raw, "authors")),
                Versions = versions,
                Published = versions.FirstOrDefault(static v => v.Number == 1)?.Created,
                Updated = versions.Count > 0 ? versions[versions.Count - 1].Created : null,
                Categories = categories,
                PrimaryCategory = categories.Count > 0 ? categories[0] : null,
                Comment = Field(raw, "comments"),
                JournalReference = Field(raw, "journal-ref"),
                Doi = doi,
                ReportNumber = Field(raw, "report-no"),
                License = Field(raw, "license"),
                Submitter = Field(raw, "submitter"),
                Links = ArxivLinks.For(latest, doi),
                Source = PaperSource.ArxivOai,
            };
        }

        Paper FromArxiv(XElement meta, ArxivId work, string metaTitle)
        {
            var authors = new List<Author>();
            foreach (var author in meta.Element(Arxiv + "authors")?.Elements(Arxiv + "author") ?? [])
            {
                var parts = new[] { "forenames", "keyname", "suffix" }
                    .Select(part => SourceText.NormalizeOptional(author.Element(Arxiv + part)?.Value))
                    .Where(static part => part is not null);
                var fullName = string.Join(" ", parts);
                if (fullName.Length > 0)
                {
                    authors.Add(new Author(fullName, SourceText.NormalizeOptional(author.Element(Arxiv + "affiliation")?.Value)));
                }
            }

            var doi = Field(meta, "doi");
            var categories = Categories(Field(meta, "categories"));
            return new Paper(work.ToString(), PaperText.NormalizeWhitespace(metaTitle))
            {
                ArxivId = work,
                Abstract = Text(Field(meta, "abstract")),
                Authors = authors,
                Published = Date(Field(meta, "created"), SourceText.TryParseIsoDate, $"<created> of {work}"),
                Updated = Date(Field(meta, "updated"), SourceText.TryParseIsoDate, $"<updated> of {work}"),
                Categories = categories,
                PrimaryCategory = categories.Count > 0 ? categories[0] : null,
                Comment = Field(meta, "comments"),
                JournalReference = Field(meta, "journal-ref"),
                Doi = doi,
                ReportNumber = Field(meta, "report-no"),
                License = Field(meta, "license"),
                Links = ArxivLinks.For(work, doi),
                Source = PaperSource.ArxivOai,
            };
        }

        Paper FromDublinCore(XElement dc, XElement? recordHeader, ArxivId work, string dcTitle)
        {
            // dc:creator is "Surname, Forenames"; dc:date lists the version dates, oldest first.
            var authors = dc.Elements(Dc + "creator")
                .Select(static c => SourceText.NormalizeOptional(c.Value))
                .Where(static c => c is not null)
                .Select(static c => c!.IndexOf(',') is var comma and > 0 ? c.Substring(comma + 1).Trim() + " " + c.Substring(0, comma).Trim() : c)
                .Select(static c => new Author(c.Trim()))
                .ToList();
            var dates = dc.Elements(Dc + "date").Select(d => Date(d.Value, SourceText.TryParseIsoDate, $"a <dc:date> of {work}")).Where(static d => d is not null).ToList();
            var categories = (recordHeader?.Elements(Oai + "setSpec") ?? [])
                .Select(static s => s.Value.Trim())
                .Select(static s => s.Substring(s.LastIndexOf(':') + 1))
                .Where(static s => s.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return new Paper(work.ToString(), PaperText.NormalizeWhitespace(dcTitle))
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
            if (SourceText.NormalizeOptional(text) is not { } trimmed)
            {
                return null;
            }

            if (parse(trimmed, out var date))
            {
                return date;
            }

            output.Add(Problem("PM1106", $"{what} is '{trimmed}', which is not a date; it was left out.", ProblemSeverity.Warning));
            return null;
        }
    }

    private delegate bool TryParse(string text, out DateTimeOffset value);

    private static string? Field(XElement metadata, string localName) =>
        SourceText.NormalizeOptional(metadata.Element(metadata.Name.Namespace + localName)?.Value);

    private static string Text(string? text) => text is null ? string.Empty : PaperText.NormalizeWhitespace(text);

    private static List<string> Categories(string? text) =>
        text is null ? [] : text.Split([' '], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
