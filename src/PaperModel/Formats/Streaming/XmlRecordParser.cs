using System.Xml;
using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>
/// The base of the XML formats: frames the record elements of a document node by node. <see cref="Fill"/> advances
/// an <see cref="XmlReader"/> by one node (synchronously or asynchronously; the reader prohibits DTDs and resolves
/// nothing), and <see cref="Next"/> builds the current record as an <see cref="XElement"/> from the nodes, so no read
/// happens outside a fill. A format says which root it accepts (<see cref="AcceptsRoot"/>), which elements are its
/// records (<see cref="IsRecord"/>) and how one maps (<see cref="MapRecord"/>). An XML error ends the reading with the
/// format's problem (<see cref="InvalidXml"/>) and keeps the records before it.
/// </summary>
internal abstract class XmlRecordParser : RecordParser
{
    private static readonly XNamespace XmlnsNamespace = XNamespace.Xmlns;

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

    protected XmlRecordParser(Stream stream, ProblemSink sink)
        : base(sink)
    {
        _reader = XmlReader.Create(stream, CreateSettings());
        _lineInfo = (IXmlLineInfo)_reader;
    }

    /// <summary>The problem that reports XML that cannot be read; its argument is the reader's message.</summary>
    protected abstract ReadProblem InvalidXml { get; }

    /// <summary>Where the reader is (for problems about the node it is on).</summary>
    protected IXmlLineInfo Position => _lineInfo;

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
                    InvalidXml,
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

    public sealed override Paper? Map()
    {
        var record = _record!;
        _record = null;
        return MapRecord(record);
    }

    public sealed override void Fill()
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

    public sealed override async ValueTask FillAsync(CancellationToken cancellationToken)
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

    /// <summary>Whether the root element at the reader is the format's; when not, reports why (at <see cref="Position"/>).</summary>
    protected abstract bool AcceptsRoot(XmlReader reader);

    /// <summary>Whether the element at the reader (at any depth outside a record) starts a record.</summary>
    protected abstract bool IsRecord(XmlReader reader);

    /// <summary>Whether a record element is numbered as a record (problems of the others carry no record number).</summary>
    protected virtual bool IsNumbered(XElement record) => true;

    /// <summary>Maps a record element, reporting to <see cref="RecordParser.Sink"/> (problems point at its start tag).</summary>
    protected abstract Paper? MapRecord(XElement record);

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
        if (AcceptsRoot(_reader))
        {
            return true;
        }

        _done = true;
        return false;
    }

    // Outside a record: a record's start tag starts one. True when it is already complete (<entry/>).
    private bool StartRecord()
    {
        if (_reader.NodeType != XmlNodeType.Element || !IsRecord(_reader))
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
        Sink.BeginRecord(IsNumbered(_record!) ? ++_recordNumber : 0, default, _recordLine, _recordColumn);
        return ReadStep.Record;
    }
}
