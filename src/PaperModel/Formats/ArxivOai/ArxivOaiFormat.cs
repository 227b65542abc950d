using System.Xml;
using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>
/// An arXiv OAI-PMH response (<c>oaipmh.arxiv.org/oai</c>, formerly <c>export.arxiv.org/oai2</c>): <c>ListRecords</c> or
/// <c>GetRecord</c> with <c>arXivRaw</c>, <c>arXiv</c> or <c>oai_dc</c> metadata.
/// </summary>
/// <remarks>
/// <para>
/// The reader streams record by record with the same XML settings as <see cref="ArxivAtomFormat"/> (no DTD, nothing
/// resolved). Problems have codes PM1100-PM1106; an XML error stops the reading at that point.
/// </para>
/// <para>
/// A record whose header has <c>status="deleted"</c> carries no metadata: it becomes a warning (PM1103) naming the
/// withdrawn identifier, not a paper. An OAI error response (<c>&lt;error code="badArgument"&gt;</c>) is an error
/// (PM1102) carrying the repository's message, except <c>noRecordsMatch</c>, which is a warning: the request was
/// valid and matched nothing. The <c>resumptionToken</c> is not a paper; harvesters read it from the envelope.
/// </para>
/// <para>
/// <c>arXivRaw</c> is the richest mapping: every version with its date (<see cref="Paper.Published"/> is v1's,
/// <see cref="Paper.Updated"/> the newest one's, <see cref="Paper.ArxivId"/> carries the newest version).
/// <c>arXiv</c> has structured authors but only <c>created</c>/<c>updated</c> dates and no versions; <c>oai_dc</c>
/// has names as <c>Surname, Forenames</c>, subject names instead of category codes, and its dates.
/// </para>
/// </remarks>
public sealed class ArxivOaiFormat : PaperFormat
{
    /// <summary>The format's name, <c>arxiv-oai</c>.</summary>
    public const string FormatName = "arxiv-oai";

    internal const string OaiNamespace = "http://www.openarchives.org/OAI/2.0/";

    /// <summary>The shared instance.</summary>
    public static ArxivOaiFormat Instance { get; } = new();

    private ArxivOaiFormat()
        : base(FormatName, "arXiv OAI-PMH response (ListRecords/GetRecord; arXivRaw, arXiv or oai_dc metadata)")
    {
    }

    /// <inheritdoc/>
    public override IEnumerable<PaperReadItem> Read(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return ReadIterator(stream, options ?? PaperReadOptions.Default, cancellationToken);
    }

    private static IEnumerable<PaperReadItem> ReadIterator(Stream stream, PaperReadOptions options, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(stream, ArxivAtomFormat.Settings(options));
        var source = options.SourceName;
        var lineInfo = (IXmlLineInfo)reader;
        var recordNumber = 0L;
        var items = new List<PaperReadItem>();
        var done = false;
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.NamespaceURI != OaiNamespace || reader.LocalName != "OAI-PMH")
            {
                items.Add(Problem(
                    "PM1101",
                    $"The document is not an OAI-PMH response: its root element is <{reader.Name}> in namespace '{reader.NamespaceURI}', not <OAI-PMH> in '{OaiNamespace}'."));
                done = true;
            }
        }
        catch (XmlException ex)
        {
            items.Add(XmlProblem(ex));
            done = true;
        }

        foreach (var item in items)
        {
            yield return item;
        }

        while (!done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            items.Clear();
            try
            {
                if (MoveToNext(reader))
                {
                    var line = lineInfo.LineNumber;
                    var column = Math.Max(1, lineInfo.LinePosition - 1);
                    var element = (XElement)XNode.ReadFrom(reader);
                    if (element.Name.LocalName == "error")
                    {
                        items.Add(ArxivOaiRecord.Error(element, source, line, column));
                    }
                    else
                    {
                        ArxivOaiRecord.Map(element, source, line, column, ++recordNumber, items);
                    }
                }
                else
                {
                    done = true;
                }
            }
            catch (XmlException ex)
            {
                items.Add(XmlProblem(ex));
                done = true;
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }

        PaperReadItem Problem(string code, string message) =>
            PaperReadItem.FromProblem(new ParseProblem(code, message, source, lineInfo.LineNumber, lineInfo.LinePosition));

        PaperReadItem XmlProblem(XmlException ex) =>
            PaperReadItem.FromProblem(new ParseProblem(
                "PM1100",
                "The XML cannot be read: " + ex.Message,
                source,
                ex.LineNumber > 0 ? ex.LineNumber : lineInfo.LineNumber,
                ex.LineNumber > 0 ? ex.LinePosition : lineInfo.LinePosition)
            { Record = recordNumber + 1 });
    }

    // Moves to the next oai:record or oai:error start tag; false at the end of the document.
    private static bool MoveToNext(XmlReader reader)
    {
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == OaiNamespace && reader.LocalName is "record" or "error")
            {
                return true;
            }

            reader.Read();
        }

        return false;
    }
}
