using System.Xml;
using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>
/// Frames the entries of an Atom feed node by node: <see cref="Fill"/> advances an <see cref="XmlReader"/> by one node
/// (synchronously or asynchronously), and <see cref="Next"/> builds the current <c>atom:entry</c> as an
/// <see cref="XElement"/> from the nodes, so no read ever happens outside a fill. Checks the root first (PM1055); an
/// XML error ends the reading (PM1050) and keeps the entries before it.
/// </summary>
internal sealed class ArxivAtomParser : RecordParser
{
    private static readonly XNamespace XmlnsNamespace = XNamespace.Xmlns;

    private readonly XmlReader _reader;
    private readonly IXmlLineInfo _lineInfo;
    private readonly Stack<XElement> _open = new();
    private XElement? _entry;
    private long _entryNumber;
    private int _entryLine;
    private int _entryColumn;
    private bool _rootChecked;
    private bool _done;
    private bool _hasNode;
    private bool _endOfInput;
    private XmlException? _error;
    private string? _text;

    public ArxivAtomParser(Stream stream, ProblemSink sink)
        : base(sink)
    {
        _reader = XmlReader.Create(stream, ArxivAtomFormat.CreateSettings());
        _lineInfo = (IXmlLineInfo)_reader;
    }

    public override ReadStep Next()
    {
        while (true)
        {
            if (_error is { } error)
            {
                _error = null;
                _done = true;
                Sink.Record = _entryNumber + 1;
                Sink.ReportAt(
                    ReadProblems.AtomInvalidXml,
                    error.LineNumber > 0 ? error.LineNumber : _lineInfo.LineNumber,
                    error.LineNumber > 0 ? error.LinePosition : _lineInfo.LinePosition,
                    error.Message);
            }

            if (_done || (!_hasNode && _endOfInput))
            {
                return ReadStep.End;
            }

            if (!_hasNode)
            {
                return ReadStep.NeedMore;
            }

            _hasNode = false;
            if (!_rootChecked && !CheckRoot())
            {
                return ReadStep.End;
            }

            if (_entry is null ? StartEntry() : AddToEntry())
            {
                return CompleteEntry();
            }
        }
    }

    public override Paper Map()
    {
        var entry = _entry!;
        _entry = null;
        return ArxivAtomEntry.Map(entry, Sink);
    }

    public override void Fill()
    {
        try
        {
            _hasNode = _reader.Read();
            _endOfInput = !_hasNode;
            _text = _hasNode && IsText(_reader.NodeType) ? _reader.Value : null;
        }
        catch (XmlException ex)
        {
            _error = ex;
        }
    }

    public override async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        try
        {
            _hasNode = await _reader.ReadAsync().ConfigureAwait(false);
            _endOfInput = !_hasNode;

            // The reader parses text lazily: take it here, where reading may happen.
            _text = _hasNode && IsText(_reader.NodeType) ? await _reader.GetValueAsync().ConfigureAwait(false) : null;
        }
        catch (XmlException ex)
        {
            _error = ex;
        }
    }

    public override void Dispose() => _reader.Dispose();

    // At the first content node: the root must be an Atom <feed> (or a lone <entry>). False when it is not.
    private bool CheckRoot()
    {
        if (_reader.NodeType is XmlNodeType.XmlDeclaration or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace
            or XmlNodeType.Comment or XmlNodeType.ProcessingInstruction or XmlNodeType.DocumentType)
        {
            // Not content yet: the check waits for the next node.
            return true;
        }

        _rootChecked = true;
        if (_reader.NodeType == XmlNodeType.Element && _reader.NamespaceURI == ArxivAtomFormat.AtomNamespace
            && _reader.LocalName is "feed" or "entry")
        {
            return true;
        }

        _done = true;
        Sink.ReportAt(ReadProblems.AtomNotAFeed, _lineInfo.LineNumber, _lineInfo.LinePosition, _reader.Name, _reader.NamespaceURI, ArxivAtomFormat.AtomNamespace);
        return false;
    }

    // Outside an entry: an atom:entry start tag (at any depth below the feed) starts one. True when it is already complete (<entry/>).
    private bool StartEntry()
    {
        if (_reader.NodeType != XmlNodeType.Element || _reader.LocalName != "entry" || _reader.NamespaceURI != ArxivAtomFormat.AtomNamespace)
        {
            return false;
        }

        // The reader's position is the element name; problems point at its '<'.
        _entryLine = _lineInfo.LineNumber;
        _entryColumn = Math.Max(1, _lineInfo.LinePosition - 1);
        _entry = OpenElement();
        return _open.Count == 0;
    }

    // Inside an entry: adds the node to the element being built. True when the node ends the entry.
    private bool AddToEntry()
    {
        switch (_reader.NodeType)
        {
            case XmlNodeType.Element:
                var parent = _open.Peek();
                parent.Add(OpenElement());
                return false;
            case XmlNodeType.CDATA:
                _open.Peek().Add(new XCData(_text!));
                return false;
            case var kind when IsText(kind):
                _open.Peek().Add(new XText(_text!));
                return false;
            case XmlNodeType.EndElement:
                _open.Pop();
                return _open.Count == 0;
            default:
                return false;
        }
    }

    // The element at the reader with its attributes (namespace declarations left out); open unless it is empty.
    private XElement OpenElement()
    {
        var element = new XElement(XNamespace.Get(_reader.NamespaceURI) + _reader.LocalName);
        var isEmpty = _reader.IsEmptyElement;
        while (_reader.MoveToNextAttribute())
        {
            if (_reader.NamespaceURI != XmlnsNamespace.NamespaceName)
            {
                element.Add(new XAttribute(XNamespace.Get(_reader.NamespaceURI) + _reader.LocalName, _reader.Value));
            }
        }

        _reader.MoveToElement();
        if (!isEmpty)
        {
            _open.Push(element);
        }

        return element;
    }

    private static bool IsText(XmlNodeType kind) =>
        kind is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace;

    private ReadStep CompleteEntry()
    {
        Sink.BeginRecord(++_entryNumber, default, _entryLine, _entryColumn);
        return ReadStep.Record;
    }
}
