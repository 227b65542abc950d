namespace PaperModel.Formats;

/// <summary>
/// A record framed by a <see cref="RecordParser"/> and mapped later, on any thread (<see cref="RecordParser.Defer"/>):
/// what lets <see cref="PaperReader.EnumerateInParallel"/> frame records on one thread and map them on the others. It
/// maps with a <see cref="ProblemSink"/> of its own and the driver's rules (<see cref="RecordDriver.MapRecord"/>), so
/// its items are those the sequential read gives for the record, in the same order. A record of a format that maps
/// where it reads is <see cref="Ready"/>: already mapped.
/// </summary>
internal abstract class DeferredRecord
{
    /// <summary>An item already read: a problem, or a paper the parser mapped itself.</summary>
    public static DeferredRecord Ready(PaperReadItem item) => new ReadyRecord(item);

    /// <summary>Maps the record: its problems in the order reported, then its paper if it gives one. Thread-safe.</summary>
    public virtual PaperReadItem[] Map()
    {
        var sink = CreateSink();
        var paper = RecordDriver.MapRecord(sink, (Record: this, Sink: sink), static s => s.Record.Map(s.Sink), static (s, e) => s.Record.TryReportFailure(e, s.Sink));
        if (!sink.TryTake(out var first))
        {
            // The common case: a paper and no problem.
            return paper is null ? [] : [PaperReadItem.FromPaper(paper)];
        }

        var items = new List<PaperReadItem> { PaperReadItem.FromProblem(first) };
        while (sink.TryTake(out var problem))
        {
            items.Add(PaperReadItem.FromProblem(problem));
        }

        if (paper is not null)
        {
            items.Add(PaperReadItem.FromPaper(paper));
        }

        return [.. items];
    }

    /// <summary>A sink for this record's problems, naming its source.</summary>
    protected abstract ProblemSink CreateSink();

    /// <summary>Maps the record, reporting to <paramref name="sink"/> (begins the record there first).</summary>
    protected abstract Paper? Map(ProblemSink sink);

    /// <summary>Reports an exception <see cref="Map(ProblemSink)"/> threw for a known reason; see <see cref="RecordParser.TryReportFailure"/>.</summary>
    protected abstract bool TryReportFailure(Exception exception, ProblemSink sink);

    private sealed class ReadyRecord(PaperReadItem item) : DeferredRecord
    {
        public override PaperReadItem[] Map() => [item];

        protected override ProblemSink CreateSink() => throw new NotSupportedException();

        protected override Paper? Map(ProblemSink sink) => throw new NotSupportedException();

        protected override bool TryReportFailure(Exception exception, ProblemSink sink) => throw new NotSupportedException();
    }
}
