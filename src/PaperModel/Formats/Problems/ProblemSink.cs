namespace PaperModel.Formats;

/// <summary>
/// Where a reader reports its problems: the one reporter of every format. It knows the input's name and the record
/// being read (its number, and where its UTF-8 bytes start), so a reader reports a <see cref="ReadProblem"/> at a byte
/// offset of the record and the sink turns it into a line and a column (counted in characters). The driver hands the
/// problems out in the order they were reported, before the paper of the record they belong to. Not thread-safe: one
/// sink per read.
/// </summary>
internal sealed class ProblemSink
{
    private readonly List<ParseProblem> _pending = [];
    private int _taken;
    private int _recordStart;
    private ReadOnlyMemory<byte> _recordBytes;
    private long _recordLine;
    private long _recordColumn;

    public ProblemSink(string? sourceName) => SourceName = sourceName;

    /// <summary>The name problems carry (<see cref="PaperReadOptions.SourceName"/>).</summary>
    public string? SourceName { get; }

    /// <summary>The 1-based number of the record being read, or 0 before the first (problems then have no record).</summary>
    public long Record { get; set; }

    /// <summary>The UTF-8 bytes of the record being read (empty when the format does not read bytes).</summary>
    public ReadOnlySpan<byte> RecordBytes => _recordBytes.Span;

    /// <summary>
    /// Starts a record: byte offsets given to <see cref="Report"/> then count from the start of
    /// <paramref name="utf8"/>, which is at <paramref name="line"/> and <paramref name="column"/> of the input.
    /// </summary>
    public void BeginRecord(long number, ReadOnlyMemory<byte> utf8, long line, long column)
    {
        Record = number;
        _recordBytes = utf8;
        _recordLine = line;
        _recordColumn = column;
        _recordStart = _pending.Count;
    }

    /// <summary>Reports a problem at a byte offset of the current record (a negative offset: the record's start).</summary>
    public void Report(ReadProblem problem, long offset, params object?[] arguments)
    {
        long line = _recordLine, column = _recordColumn;
        if (offset > 0)
        {
            var bytes = _recordBytes.Span;
            InputText.Advance(bytes.Slice(0, (int)Math.Min(offset, bytes.Length)), ref line, ref column);
        }

        ReportAt(problem, line, column, arguments);
    }

    /// <summary>Reports a problem at a line and column of the input (0 when unknown), in the current record.</summary>
    public void ReportAt(ReadProblem problem, long line, long column, params object?[] arguments) => Add(Create(problem, line, column, arguments));

    /// <summary>
    /// Reports that the current record cannot be read, dropping the warnings it gave so far (a lost record reports
    /// only why it was lost), and returns the exception that abandons the record; the driver catches it.
    /// </summary>
    public RecordRejectedException Reject(ReadProblem problem, long offset, params object?[] arguments)
    {
        _pending.RemoveRange(_recordStart, _pending.Count - _recordStart);
        Report(problem, offset, arguments);
        return new RecordRejectedException();
    }

    /// <summary>A located problem of the current record, not yet reported (for readers that order their output themselves).</summary>
    public ParseProblem Create(ReadProblem problem, long line, long column, params object?[] arguments) =>
        new(problem.Code, problem.Format(arguments), SourceName, InputText.ToInt(line), InputText.ToInt(column), problem.Severity)
        {
            Record = Record > 0 ? Record : null,
        };

    /// <summary>Reports a problem made by <see cref="Create"/>.</summary>
    public void Add(ParseProblem problem) => _pending.Add(problem);

    /// <summary>Takes the next problem reported and not yet handed out.</summary>
    public bool TryTake(out ParseProblem problem)
    {
        if (_taken < _pending.Count)
        {
            problem = _pending[_taken++];
            return true;
        }

        _pending.Clear();
        _taken = _recordStart = 0;
        problem = null!;
        return false;
    }
}

/// <summary>
/// Abandons the record being read after <see cref="ProblemSink.Reject"/> reported why; the driver catches it and goes
/// on with the next record. Only the sink creates it.
/// </summary>
internal sealed class RecordRejectedException : Exception
{
    internal RecordRejectedException()
        : base("The record was rejected; the problem sink holds the reason.")
    {
    }
}
