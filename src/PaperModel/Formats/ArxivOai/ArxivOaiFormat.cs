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
/// <para>The one instance is <see cref="PaperFormats.ArxivOai"/>.</para>
/// </remarks>
public sealed class ArxivOaiFormat : PaperFormat
{
    /// <summary>The format's name, <c>arxiv-oai</c>.</summary>
    internal const string FormatName = "arxiv-oai";

    internal const string OaiNamespace = "http://www.openarchives.org/OAI/2.0/";

    private static readonly System.Xml.Linq.XNamespace Oai = OaiNamespace;

    internal ArxivOaiFormat()
        : base(FormatName, "arXiv OAI-PMH response (ListRecords/GetRecord; arXivRaw, arXiv or oai_dc metadata)")
    {
    }

    // An oai:record, or the oai:error of a request the repository refused (not a record).
    private static readonly XmlRecordShape Shape = new(
        RootNames: [Oai + "OAI-PMH"],
        RecordNames: [Oai + "record", Oai + "error"],
        ReadProblems.OaiInvalidXml,
        ReadProblems.OaiNotAResponse,
        ReadProblems.OaiRecordTooLong,
        ReadProblems.OaiRecordTooDeep,
        static (element, sink) => element.Name.LocalName == "error" ? ArxivOaiRecord.Error(element, sink) : ArxivOaiRecord.Map(element, sink),
        UnnumberedNames: [Oai + "error"]);

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new XmlRecordParser(stream, options, sink, Shape);
}
