using System.Xml;
using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>
/// The arXiv API's Atom feed (<c>export.arxiv.org/api/query</c>), current and legacy generations.
/// </summary>
/// <remarks>
/// <para>
/// The reader streams entry by entry with an <see cref="XmlReader"/> that prohibits DTDs and resolves nothing, so a
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
/// </remarks>
public sealed class ArxivAtomFormat : PaperFormat
{
    /// <summary>The format's name, <c>arxiv-atom</c>.</summary>
    public const string FormatName = "arxiv-atom";

    internal const string AtomNamespace = "http://www.w3.org/2005/Atom";
    internal const string ArxivNamespace = "http://arxiv.org/schemas/atom";

    /// <summary>The shared instance.</summary>
    public static ArxivAtomFormat Instance { get; } = new();

    private ArxivAtomFormat()
        : base(FormatName, "arXiv API Atom feed (export.arxiv.org/api/query)")
    {
    }

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new Parser(stream, sink);

    private sealed class Parser(Stream stream, ProblemSink sink) : XmlRecordParser(stream, sink)
    {
        protected override ReadProblem InvalidXml => ReadProblems.AtomInvalidXml;

        // A feed, or a lone entry.
        protected override bool AcceptsRoot(XmlReader reader)
        {
            if (reader.NamespaceURI == AtomNamespace && reader.LocalName is "feed" or "entry")
            {
                return true;
            }

            Sink.ReportAt(ReadProblems.AtomNotAFeed, Position.LineNumber, Position.LinePosition, reader.Name, reader.NamespaceURI, AtomNamespace);
            return false;
        }

        protected override bool IsRecord(XmlReader reader) => reader.LocalName == "entry" && reader.NamespaceURI == AtomNamespace;

        protected override Paper MapRecord(XElement record) => ArxivAtomEntry.Map(record, Sink);
    }
}
