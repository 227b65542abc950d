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
/// <para>The one instance is <see cref="PaperFormats.ArxivAtom"/>.</para>
/// </remarks>
public sealed class ArxivAtomFormat : PaperFormat
{
    /// <summary>The format's name, <c>arxiv-atom</c>.</summary>
    internal const string FormatName = "arxiv-atom";

    internal const string AtomNamespace = "http://www.w3.org/2005/Atom";
    internal const string ArxivNamespace = "http://arxiv.org/schemas/atom";

    private static readonly XName EntryName = XName.Get("entry", AtomNamespace);

    internal ArxivAtomFormat()
        : base(FormatName, "arXiv API Atom feed (export.arxiv.org/api/query)")
    {
    }

    /// <summary>The XML settings the reader uses: no DTD, no resolver, no entity expansion.</summary>
    internal static XmlReaderSettings Settings(PaperReadOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

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
        using var reader = XmlReader.Create(stream, Settings(options));
        var source = options.SourceName;
        var lineInfo = (IXmlLineInfo)reader;
        var entryNumber = 0L;
        var started = false;
        var items = new List<PaperReadItem>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            items.Clear();
            var done = false;
            try
            {
                if (!started)
                {
                    started = true;
                    if (reader.MoveToContent() != XmlNodeType.Element
                        || reader.NamespaceURI != AtomNamespace
                        || (reader.LocalName != "feed" && reader.LocalName != "entry"))
                    {
                        items.Add(PaperReadItem.FromProblem(new ParseProblem(
                            "PM1055",
                            $"The document is not an Atom feed: its root element is <{reader.Name}> in namespace '{reader.NamespaceURI}', not <feed> in '{AtomNamespace}'.",
                            source,
                            lineInfo.LineNumber,
                            lineInfo.LinePosition)));
                        done = true;
                    }
                }

                if (!done)
                {
                    if (MoveToNextEntry(reader))
                    {
                        // The reader's position is the element name; the problem points at its '<'.
                        var line = lineInfo.LineNumber;
                        var column = Math.Max(1, lineInfo.LinePosition - 1);
                        var entry = (XElement)XNode.ReadFrom(reader);
                        ArxivAtomEntry.Map(entry, source, line, column, ++entryNumber, items);
                    }
                    else
                    {
                        done = true;
                    }
                }
            }
            catch (XmlException ex)
            {
                items.Add(PaperReadItem.FromProblem(new ParseProblem(
                    "PM1050",
                    "The XML cannot be read: " + ex.Message,
                    source,
                    ex.LineNumber > 0 ? ex.LineNumber : lineInfo.LineNumber,
                    ex.LineNumber > 0 ? ex.LinePosition : lineInfo.LinePosition)
                { Record = entryNumber + 1 }));
                done = true;
            }

            foreach (var item in items)
            {
                yield return item;
            }

            if (done)
            {
                yield break;
            }
        }
    }

    // Moves to the next atom:entry start tag (at any depth below the feed); false at the end of the document.
    private static bool MoveToNextEntry(XmlReader reader)
    {
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == EntryName.LocalName && reader.NamespaceURI == AtomNamespace)
            {
                return true;
            }

            reader.Read();
        }

        return false;
    }
}
