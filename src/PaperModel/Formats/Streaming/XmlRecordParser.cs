using System.Xml;
using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>
/// The base of the XML formats: frames the record elements of a document node by node. <see cref="Fill"/> advances
/// an <see cref="XmlReader"/> by one node (synchronously or asynchronously; the reader prohibits DTDs and resolves
/// nothing), and <see cref="Next"/> builds the current record as an <see cref="XElement"/> from the nodes, so no read
/// happens outside a fill. A format describes its root, its record elements and its mapping in an
/// <see cref="XmlRecordShape"/>. An XML error ends the reading with the format's problem and keeps the records before it.
/// </summary>
internal sealed class XmlRecordParser : RecordParser
{
    private static readonly XNamespace XmlnsNamespace = XNamespace.Xmlns;

    private readonly XmlRecordShape _shape;
    private readonly XmlReader _reader;
    private readonly IXmlLineInfo _lineInfo;
    private readonly Stack<XElement> _open = new();
    private XElement? _record;
    private long _recordNumber;
    private int _recordLine;
    private int _recordColumn;
    private bool _rootChecked;
    private bool _done;
    private bool _hasNode;
    private bool _endOfInput;
    private XmlException? _error;
    private string? _text;

    public XmlRecordParser(Stream stream, ProblemSink sink, XmlRecordShape shape)
        : base(sink)
    {
        _shape = shape;
        _reader = XmlReader.Create(stream, CreateSettings());
        _lineInfo = (IXmlLineInfo)_reader;
    }

    /// <summary>
    /// The XML settings of every XML format: no DTD (so no entity-expansion "XML bomb"), no resolver, no external
    /// entity; asynchronous, so that the asynchronous read never blocks (synchronous reads are allowed too).
    /// </summary>
    public static XmlReaderSettings CreateSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
        Async = true,
    };

    public override ReadStep Next()
    {
        while (true)
        {
            if (_error is { } error)
            {
                _error = null;
                _done = true;
                Sink.Record = _recordNumber + 1;
                Sink.ReportAt(
                    _shape.InvalidXml,
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

            if (_record is null ? StartRecord() : AddToRecord())
            {
                return CompleteRecord();
            }
        }
    }

    public override Paper? Map()
    {
        var record = _record!;
        _record = null;
        return _shape.Map(record, Sink);
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

    // At the first content node: the root must be the format's. False when it is not.
    private bool CheckRoot()
    {
        if (_reader.NodeType is XmlNodeType.XmlDeclaration or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace
            or XmlNodeType.Comment or XmlNodeType.ProcessingInstruction or XmlNodeType.DocumentType)
        {
            // Not content yet: the check waits for the next node.
            return true;
        }

        _rootChecked = true;
        if (_reader.NodeType == XmlNodeType.Element && _reader.NamespaceURI == _shape.Namespace && Array.IndexOf(_shape.RootNames, _reader.LocalName) >= 0)
        {
            return true;
        }

        _done = true;
        Sink.ReportAt(_shape.WrongRoot, _lineInfo.LineNumber, _lineInfo.LinePosition, _reader.Name, _reader.NamespaceURI, _shape.Namespace);
        return false;
    }

    // Outside a record: a record's start tag starts one. True when it is already complete (<entry/>).
    private bool StartRecord()
    {
        if (_reader.NodeType != XmlNodeType.Element || _reader.NamespaceURI != _shape.Namespace || Array.IndexOf(_shape.RecordNames, _reader.LocalName) < 0)
        {
            return false;
        }

        // The reader's position is the element name; problems point at its '<'.
        _recordLine = _lineInfo.LineNumber;
        _recordColumn = Math.Max(1, _lineInfo.LinePosition - 1);
        _record = OpenElement();
        return _open.Count == 0;
    }

    // Inside a record: adds the node to the element being built. True when the node ends the record.
    private bool AddToRecord()
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

    private ReadStep CompleteRecord()
    {
        var numbered = _record!.Name.LocalName != _shape.UnnumberedName;
        Sink.BeginRecord(numbered ? ++_recordNumber : 0, default, _recordLine, _recordColumn);
        return ReadStep.Record;
    }
}

/// <summary>What the records of an XML format are.</summary>
/// <param name="Namespace">The namespace of the root and the record elements.</param>
/// <param name="RootNames">The root elements the format accepts.</param>
/// <param name="RecordNames">The record elements (at any depth outside a record).</param>
/// <param name="InvalidXml">XML that cannot be read; its argument is the reader's message.</param>
/// <param name="WrongRoot">Another root; its arguments are the root's name, its namespace and <paramref name="Namespace"/>.</param>
/// <param name="Map">Maps a record element, reporting to the sink (problems point at its start tag).</param>
/// <param name="UnnumberedName">A record element not counted as a record (its problems carry no record number).</param>
internal sealed record XmlRecordShape(
    string Namespace,
    string[] RootNames,
    string[] RecordNames,
    ReadProblem InvalidXml,
    ReadProblem WrongRoot,
    Func<XElement, ProblemSink, Paper?> Map,
    string? UnnumberedName = null);
