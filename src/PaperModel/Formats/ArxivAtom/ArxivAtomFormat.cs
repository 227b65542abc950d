namespace PaperModel.Formats;

/// <summary>
/// The arXiv API's Atom feed (<c>export.arxiv.org/api/query</c>), current and legacy generations.
/// </summary>
/// <remarks>
/// <para>
/// The reader streams entry by entry with an <see cref="System.Xml.XmlReader"/> that prohibits DTDs and resolves nothing, so a
/// document type declaration (and with it every entity-expansion "XML bomb") or an external entity is a problem, not a
/// hang. Elements are matched by namespace and local name, never by prefix or position. Problems have codes
/// PM1050-PM1069; an XML error stops the reading at that point (the entries before it are kept).
/// </para>
/// <para>
/// The API reports a bad query as a feed with one entry titled <c>Error</c> whose id contains <c>/api/errors#</c>; that
/// entry becomes a problem (PM1051) carrying the API's message, not a paper.
/// </para>
/// <para>
/// Mapping: the versioned id comes from <c>atom:id</c> (or, when that has no version, from the abstract link);
/// <c>published</c> and <c>updated</c>, authors with their <c>arxiv:affiliation</c>s, <c>arxiv:primary_category</c>
/// (first in <see cref="Paper.Categories"/>) and the other <c>category</c> terms, <c>arxiv:comment</c>,
/// <c>arxiv:journal_ref</c>, <c>arxiv:doi</c> and the abstract, PDF and DOI links.
/// </para>
/// <para>The one instance is <see cref="PaperFormats.ArxivAtom"/>.</para>
/// </remarks>
public sealed class ArxivAtomFormat : PaperFormat
{
    /// <summary>The format's name, <c>arxiv-atom</c>.</summary>
    internal const string FormatName = "arxiv-atom";

    internal const string AtomNamespace = "http://www.w3.org/2005/Atom";
    internal const string ArxivNamespace = "http://arxiv.org/schemas/atom";

    private static readonly System.Xml.Linq.XNamespace Atom = AtomNamespace;

    internal ArxivAtomFormat()
        : base(FormatName, "arXiv API Atom feed (export.arxiv.org/api/query)")
    {
    }

    // A feed, or a lone entry; its entries at any depth.
    private static readonly XmlRecordShape Shape = new(
        RootNames: [Atom + "feed", Atom + "entry"],
        RecordNames: [Atom + "entry"],
        ReadProblems.AtomInvalidXml,
        ReadProblems.AtomNotAFeed,
        ReadProblems.AtomEntryTooLong,
        ReadProblems.AtomEntryTooDeep,
        ArxivAtomEntry.Map);

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new XmlRecordParser(stream, options, sink, Shape);
}
