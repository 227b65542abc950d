namespace PaperModel.Formats;

/// <summary>
/// The parser behind <see cref="PaperReader"/>: opens the file (when given a path), looks at the first bytes to
/// decompress gzip and to detect the format when none was given, then hands every step to the format's parser. Each
/// look at the input is a fill like any other, so a failure there is a problem and the asynchronous read never blocks.
/// </summary>
internal sealed class InputParser : RecordParser
{
    private const int FileBufferSize = 64 * 1024;

    // The longest byte order mark, UTF-32's.
    private const int ByteOrderMarkLength = 4;

    private readonly string? _path;
    private readonly FileOptions _fileOptions;
    private readonly PaperFormat? _format;
    private readonly PaperReadOptions _options;
    private readonly List<Stream> _owned = [];
    private Stream? _input;
    private StreamHead? _head;
    private Phase _phase;
    private RecordParser? _inner;

    private InputParser(string? path, Stream? stream, bool isAsync, PaperFormat? format, PaperReadOptions options)
        : base(new ProblemSink(options.SourceName))
    {
        _path = path;
        _input = stream;
        _fileOptions = isAsync ? FileOptions.SequentialScan | FileOptions.Asynchronous : FileOptions.SequentialScan;
        _format = format;
        _options = options;
    }

    private enum Phase
    {
        Open,
        Gzip,
        Encoding,
        Format,
        Records,
        Done,
    }

    /// <summary>A parser over a file, opened when reading starts.</summary>
    public static InputParser ForFile(string path, bool isAsync, PaperFormat? format, PaperReadOptions options) => new(path, null, isAsync, format, options);

    /// <summary>A parser over a stream the caller owns.</summary>
    public static InputParser ForStream(Stream stream, PaperFormat? format, PaperReadOptions options) => new(null, stream, false, format, options);

    public override ReadStep Next()
    {
        while (true)
        {
            switch (_phase)
            {
                case Phase.Open:
                    if (_input is null && !TryOpenFile())
                    {
                        _phase = Phase.Done;
                        continue;
                    }

                    _head = new StreamHead(_input!, FormatDetector.GzipHeadLength);
                    _phase = Phase.Gzip;
                    continue;
                case Phase.Gzip:
                    if (!_head!.IsComplete)
                    {
                        return ReadStep.NeedMore;
                    }

                    var isGzip = FormatDetector.IsGzip(_head.Bytes);
                    _input = Own(_head.Replay());
                    if (isGzip)
                    {
                        _input = Own(new CheckedGzipStream(_input));
                    }

                    _head = new StreamHead(_input, ByteOrderMarkLength);
                    _phase = Phase.Encoding;
                    continue;
                case Phase.Encoding:
                    if (!_head!.IsComplete)
                    {
                        return ReadStep.NeedMore;
                    }

                    // A byte order mark is handled here, once for every format: UTF-8's is dropped, UTF-16 and UTF-32
                    // are turned into UTF-8. Then every read is answered in full, so no parser sees how the input arrives.
                    // The decoder reads in full too: what it decoded before the input failed (a cut gzip) is handed out
                    // before the failure, however the input arrived.
                    var mark = _head.Bytes;
                    var encoding = Utf8TranscodingStream.EncodingOf(mark);
                    _input = encoding is not null
                        ? Own(Utf8TranscodingStream.Open(Own(new FullReadStream(Own(_head.Replay()))), encoding))
                        : Own(_head.Replay(skip: Utf8TranscodingStream.StartsWithUtf8Mark(mark) ? 3 : 0));
                    _input = Own(new FullReadStream(_input));
                    _head = _format is null ? new StreamHead(_input, FormatDetector.HeadLength) : null;
                    _phase = Phase.Format;
                    continue;
                case Phase.Format:
                    if (_head is { IsComplete: false })
                    {
                        return ReadStep.NeedMore;
                    }

                    // Markup or JSON that no format reads is one problem saying what it is, never read as page text.
                    if (_format is null && FormatDetector.DescribeUnreadable(_head!.Bytes) is { } what)
                    {
                        Sink.ReportAt(ReadProblems.UnknownDocument, 1, 1, what);
                        _head = null;
                        _phase = Phase.Done;
                        continue;
                    }

                    var format = _format ?? PaperFormats.Detect(_head!.Bytes);
                    var input = _head is null ? _input! : Own(_head.Replay());
                    _head = null;
                    _inner = format.CreateParser(input, _options, Sink);
                    _phase = Phase.Records;
                    continue;
                case Phase.Records:
                    return _inner!.Next();
                default:
                    return ReadStep.End;
            }
        }
    }

    public override Paper? Map() => _inner!.Map();

    public override bool TryReportFailure(Exception exception) => _inner!.TryReportFailure(exception);

    public override DeferredRecord? Defer() => _inner!.Defer();

    public override void Fill()
    {
        if (_inner is not null)
        {
            _inner.Fill();
        }
        else
        {
            _head!.Fill();
        }
    }

    public override ValueTask FillAsync(CancellationToken cancellationToken) =>
        _inner is not null ? _inner.FillAsync(cancellationToken) : _head!.FillAsync(cancellationToken);

    public override void Dispose()
    {
        _inner?.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    private Stream Own(Stream stream)
    {
        _owned.Add(stream);
        return stream;
    }

    private bool TryOpenFile()
    {
        if (InputFile.TryOpen(_path!, FileBufferSize, _fileOptions, out var failure, out var error) is { } file)
        {
            _input = Own(file);
            return true;
        }

        switch (failure)
        {
            case InputFileFailure.Missing:
                Sink.ReportAt(ReadProblems.FileNotFound, 0, 0);
                break;
            case InputFileFailure.Directory:
                Sink.ReportAt(ReadProblems.IsDirectory, 0, 0);
                break;
            default:
                RecordDriver.ReportInputFailure(Sink, error!);
                break;
        }

        return false;
    }
}
