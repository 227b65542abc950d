using System.Xml;
using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>
/// The base of the XML formats: frames the record elements of a document node by node. <see cref="Fill"/> advances
/// an <see cref="XmlReader"/> by one node (synchronously or asynchronously; the reader prohibits DTDs and resolves
/// nothing), and <see cref="Next"/> builds the current record as an <see cref="XElement"/> from the nodes, so no read
/// happens outside a fill. A format describes its root, its record elements and its mapping in an
/// <see cref="XmlRecordShape"/>. An XML error ends the reading with the format's problem and keeps the records before it.
/// Text is read in chunks, and a record with more text than <see cref="PaperReadOptions.MaxRecordLength"/> or nesting
/// deeper than a record needs is skipped with the shape's problem, without being held.
/// </summary>
internal sealed class XmlRecordParser : RecordParser
{
    private const int TextChunk = 4096;

    /// <summary>How deeply elements may nest inside a record; no format's record needs more than a few levels.</summary>
    private const int MaxRecordDepth = 64;

    private static readonly XNamespace XmlnsNamespace = XNamespace.Xmlns;

    private readonly XmlRecordShape _shape;
    private readonly XmlReader _reader;
    private readonly IXmlLineInfo _lineInfo;
    private readonly Stack<XElement> _open = new();
    private readonly int _maxRecordLength;
    private readonly char[] _chunk = new char[TextChunk];
    private readonly System.Text.StringBuilder _textBuilder = new();
    private long _recordLength;
    private bool _recordTooLong;
    private bool _recordTooDeep;
    private XElement? _record;
    private long _recordNumber;
    private int _recordLine;
    private int _recordColumn;
    private bool _rootChecked;
    private bool _done;
    private bool _hasNode;
    private bool _endOfInput;
    private Exception? _error;
    private string? _text;

    public XmlRecordParser(Stream stream, PaperReadOptions options, ProblemSink sink, XmlRecordShape shape)
        : base(sink)
    {
        _shape = shape;
        _maxRecordLength = Math.Max(1, options.MaxRecordLength);
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
                var xml = error as XmlException;
                Sink.ReportAt(
                    _shape.InvalidXml,
                    xml?.LineNumber > 0 ? xml.LineNumber : Math.Max(1, _lineInfo.LineNumber),
                    xml?.LineNumber > 0 ? xml.LinePosition : Math.Max(1, _lineInfo.LinePosition),
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
        return _recordTooDeep ? throw Sink.Reject(_shape.RecordTooDeep, -1, MaxRecordDepth)
            : _recordTooLong ? throw Sink.Reject(_shape.RecordTooLong, -1, _maxRecordLength)
            : _shape.Map(record, Sink);
    }

    public override void Fill()
    {
        try
        {
            _hasNode = _reader.Read();
            _endOfInput = !_hasNode;
            _text = null;
            if (_hasNode && IsText(_reader.NodeType))
            {
                // The reader parses text lazily, chunk by chunk: only what a record may hold is kept.
                int read;
                while ((read = _reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                {
                    KeepText(read);
                }

                _text = TakeText();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !RecordDriver.IsInputFailure(ex))
        {
            // System.Xml throws more than XmlException on some malformed input (a decoder error, a bad declaration);
            // a failure of the input itself (I/O, truncated gzip) is the driver's to report.
            _error = ex;
        }
    }

    public override async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        try
        {
            _hasNode = await _reader.ReadAsync().ConfigureAwait(false);
            _endOfInput = !_hasNode;
            _text = null;
            if (_hasNode && IsText(_reader.NodeType))
            {
                // The reader parses text lazily: take it here, where reading may happen, chunk by chunk.
                int read;
                while ((read = await _reader.ReadValueChunkAsync(_chunk, 0, _chunk.Length).ConfigureAwait(false)) > 0)
                {
                    KeepText(read);
                }

                _text = TakeText();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !RecordDriver.IsInputFailure(ex))
        {
            _error = ex;
        }
    }

    public override void Dispose() => _reader.Dispose();

    // Counts text towards the record's length and keeps it while the record is within the limit.
    private void KeepText(int read)
    {
        if (_record is not null)
        {
            _recordLength += read;
            _recordTooLong |= _recordLength > _maxRecordLength;
        }

        if (!_recordTooLong && _textBuilder.Length + read <= _maxRecordLength)
        {
            _textBuilder.Append(_chunk, 0, read);
        }
    }

    private string TakeText()
    {
        var text = _textBuilder.ToString();
        _textBuilder.Clear();
        return text;
    }

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
        if (_reader.NodeType == XmlNodeType.Element && IsAny(_shape.RootNames))
        {
            return true;
        }

        _done = true;
        Sink.ReportAt(_shape.WrongRoot, _lineInfo.LineNumber, _lineInfo.LinePosition, _reader.Name, _reader.NamespaceURI, _shape.RootNames[0].NamespaceName);
        return false;
    }

    // Outside a record: a record's start tag starts one. True when it is already complete (<entry/>).
    private bool StartRecord()
    {
        if (_reader.NodeType != XmlNodeType.Element || !IsAny(_shape.RecordNames))
        {
            return false;
        }

        // The reader's position is the element name; problems point at its '<'.
        _recordLine = _lineInfo.LineNumber;
        _recordColumn = Math.Max(1, _lineInfo.LinePosition - 1);
        _recordLength = 0;
        _recordTooLong = false;
        _recordTooDeep = false;
        _record = OpenElement();
        return _open.Count == 0;
    }

    // Inside a record: adds the node to the element being built. True when the node ends the record.
    private bool AddToRecord()
    {
        switch (_reader.NodeType)
        {
            case XmlNodeType.Element:
                // Past the depth allowed, elements are only counted (to find the record's end), never built.
                var parent = _open.Peek();
                var element = OpenElement();
                _recordTooDeep |= _open.Count > MaxRecordDepth;
                if (!_recordTooDeep)
                {
                    parent.Add(element);
                }

                return false;
            case XmlNodeType.CDATA when !_recordTooLong:
                _open.Peek().Add(new XCData(_text!));
                return false;
            case var kind when IsText(kind) && !_recordTooLong:
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

    // Whether the element at the reader has one of the names (namespace and local name; never the prefix).
    private bool IsAny(XName[] names)
    {
        foreach (var name in names)
        {
            if (_reader.LocalName == name.LocalName && _reader.NamespaceURI == name.NamespaceName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsText(XmlNodeType kind) =>
        kind is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace;

    private ReadStep CompleteRecord()
    {
        var numbered = _shape.UnnumberedNames is not { } unnumbered || Array.IndexOf(unnumbered, _record!.Name) < 0;
        Sink.BeginRecord(numbered ? ++_recordNumber : 0, default, _recordLine, _recordColumn);
        return ReadStep.Record;
    }
}

/// <summary>What the records of an XML format are.</summary>
/// <param name="RootNames">The root elements the format accepts (the first one's namespace is the one named by <paramref name="WrongRoot"/>).</param>
/// <param name="RecordNames">The record elements (at any depth outside a record).</param>
/// <param name="InvalidXml">XML that cannot be read; its argument is the reader's message.</param>
/// <param name="WrongRoot">Another root; its arguments are the root's name, its namespace and the namespace of the first of <paramref name="RootNames"/>.</param>
/// <param name="RecordTooLong">A record with more text than the limit; its argument is the limit.</param>
/// <param name="RecordTooDeep">A record nesting elements too deeply; its argument is the depth allowed.</param>
/// <param name="Map">Maps a record element, reporting to the sink (problems point at its start tag).</param>
/// <param name="UnnumberedNames">Record elements not counted as records (their problems carry no record number).</param>
internal sealed record XmlRecordShape(
    XName[] RootNames,
    XName[] RecordNames,
    ReadProblem InvalidXml,
    ReadProblem WrongRoot,
    ReadProblem RecordTooLong,
    ReadProblem RecordTooDeep,
    Func<XElement, ProblemSink, Paper?> Map,
    XName[]? UnnumberedNames = null);
