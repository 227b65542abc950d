using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PaperModel.Formats;

/// <summary>
/// Runs a <see cref="RecordParser"/> over its input and hands out its papers and problems. The synchronous and the
/// asynchronous enumerations run one loop (<see cref="Cursor.MoveNextAsync"/>) that differs only in how it refills:
/// with <c>useAsync: false</c> it fills synchronously and completes before it returns, the way the runtime's HTTP
/// connection shares its code between <c>Send</c> and <c>SendAsync</c>. The driver is the one place where a failure
/// becomes a problem: a record that cannot be mapped becomes a located problem and reading goes on
/// (<see cref="Cursor.MapRecord"/>); an input that fails part-way (a disk or network error, corrupt gzip) becomes a
/// final problem (<see cref="Cursor.RefillAsync"/>).
/// </summary>
internal static class RecordDriver
{
    /// <summary>Streams the items of the parser <paramref name="open"/> creates when the enumeration starts; disposes it at the end.</summary>
    public static IEnumerable<PaperReadItem> Read(Func<RecordParser> open, CancellationToken cancellationToken)
    {
        using var cursor = new Cursor(open(), cancellationToken);
        while (Completed(cursor.MoveNextAsync(useAsync: false)))
        {
            yield return cursor.Current;
        }
    }

    /// <summary>Streams the items of the parser asynchronously, refilling with <see cref="RecordParser.FillAsync"/>.</summary>
    public static async IAsyncEnumerable<PaperReadItem> ReadAsync(Func<RecordParser> open, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cursor = new Cursor(open(), cancellationToken);
        while (await cursor.MoveNextAsync(useAsync: true).ConfigureAwait(false))
        {
            yield return cursor.Current;
        }
    }

    /// <summary>
    /// Streams the records of the parser as <see cref="Read"/> does, each one framed and copied but not mapped
    /// (<see cref="RecordParser.Defer"/>), so the caller can map them on other threads; problems found while framing, and
    /// records of a format that cannot defer, come already read (<see cref="DeferredRecord.Ready"/>).
    /// </summary>
    public static IEnumerable<DeferredRecord> ReadDeferred(Func<RecordParser> open, CancellationToken cancellationToken)
    {
        using var cursor = new Cursor(open(), cancellationToken) { Defers = true };
        while (Completed(cursor.MoveNextAsync(useAsync: false)))
        {
            yield return cursor.Deferred ?? DeferredRecord.Ready(cursor.Current);
        }
    }

    /// <summary>
    /// Maps a framed record. This is the one place where the failure of a record becomes a located problem (the sink
    /// knows the source, the record and its position) and reading goes on with the next record.
    /// </summary>
    public static Paper? MapRecord<TState>(ProblemSink sink, TState state, Func<TState, Paper?> map, Func<TState, Exception, bool> tryReportFailure)
    {
        try
        {
            return map(state);
        }
        catch (RecordRejectedException)
        {
            // The sink already holds the located reason.
            return null;
        }
        catch (Exception ex) when (tryReportFailure(state, ex))
        {
            return null;
        }
        catch (Exception ex) when (!MustEscape(ex))
        {
            // Anything else a record makes the mapping throw: that record is lost, located, and reading goes on.
            sink.Reject(ReadProblems.RecordUnreadable, -1, Describe(ex));
            return null;
        }
    }

    /// <summary>Whether an exception means the input itself cannot be read (not that a record is bad).</summary>
    public static bool IsInputFailure(Exception exception) => exception is IOException or UnauthorizedAccessException or InvalidDataException;

    /// <summary>
    /// Reports an input failure (PM1002, or PM1090 for corrupt or truncated gzip) as a problem of the whole input, at the
    /// start of the record being read when it failed (the first line before any record).
    /// </summary>
    public static void ReportInputFailure(ProblemSink sink, Exception exception)
    {
        sink.Record = 0;
        sink.ReportAtRecord(exception is InvalidDataException ? ReadProblems.CorruptGzip : ReadProblems.Unreadable, exception.Message);
    }

    /// <summary>Whether an exception must end the reading as it is: cancellation, and a process out of memory.</summary>
    private static bool MustEscape(Exception exception) => exception is OperationCanceledException or OutOfMemoryException;

    // What an unexpected exception says in a problem: its message, without the framework's type name.
    private static string Describe(Exception exception) => exception.Message.TrimEnd('.');

    // A step run with useAsync: false has filled synchronously, so it is complete.
    private static bool Completed(ValueTask<bool> step)
    {
        Debug.Assert(step.IsCompleted, "A synchronous step must not wait.");
        return step.GetAwaiter().GetResult();
    }

    /// <summary>The state of one enumeration: the parser, the paper of the record just mapped, and whether reading is over.</summary>
    private sealed class Cursor(RecordParser parser, CancellationToken cancellationToken) : IDisposable
    {
        private Paper? _paper;
        private DeferredRecord? _deferred;
        private bool _ended;

        public PaperReadItem Current { get; private set; }

        /// <summary>Whether records are handed out unmapped (<see cref="RecordParser.Defer"/>) when the parser can.</summary>
        public bool Defers { get; init; }

        /// <summary>The record just framed, when the step gave one unmapped; else <see langword="null"/> and <see cref="Current"/> holds the item.</summary>
        public DeferredRecord? Deferred { get; private set; }

        /// <summary>
        /// Moves to the next item: a problem the sink holds, else the paper of the record just mapped, else the next
        /// step of the parser, refilling it when it needs input. False at the end of the reading.
        /// </summary>
        public async ValueTask<bool> MoveNextAsync(bool useAsync)
        {
            while (true)
            {
                Deferred = null;
                if (parser.Sink.TryTake(out var problem))
                {
                    Current = PaperReadItem.FromProblem(problem);
                    return true;
                }

                if (_paper is { } paper)
                {
                    _paper = null;
                    Current = PaperReadItem.FromPaper(paper);
                    return true;
                }

                if (_deferred is { } deferred)
                {
                    _deferred = null;
                    Deferred = deferred;
                    return true;
                }

                if (_ended)
                {
                    return false;
                }

                cancellationToken.ThrowIfCancellationRequested();
                switch (Next())
                {
                    case ReadStep.Record:
                        if (Defers && parser.Defer() is { } record)
                        {
                            _deferred = record;
                        }
                        else
                        {
                            _paper = MapRecord();
                        }

                        break;
                    case ReadStep.NeedMore:
                        await RefillAsync(useAsync).ConfigureAwait(false);
                        break;
                    default:
                        _ended = true;
                        break;
                }
            }
        }

        public void Dispose() => parser.Dispose();

        /// <summary>
        /// Asks the parser for its next step. A parser that fails while framing (its own reader broke on the input) has
        /// lost its place, so the failure ends the reading with a located problem instead of an exception.
        /// </summary>
        internal ReadStep Next()
        {
            try
            {
                return parser.Next();
            }
            catch (Exception ex) when (!MustEscape(ex))
            {
                if (IsInputFailure(ex))
                {
                    ReportInputFailure(parser.Sink, ex);
                }
                else if (!parser.TryReportFailure(ex))
                {
                    parser.Sink.ReportAtRecord(ReadProblems.InputStopped, Describe(ex));
                }

                return ReadStep.End;
            }
        }

        /// <summary>Maps the framed record (<see cref="RecordDriver.MapRecord"/>).</summary>
        internal Paper? MapRecord() =>
            RecordDriver.MapRecord(parser.Sink, parser, static p => p.Map(), static (p, e) => p.TryReportFailure(e));

        /// <summary>Refills the parser; an input that fails part-way becomes a final problem instead of an exception.</summary>
        internal async ValueTask RefillAsync(bool useAsync)
        {
            try
            {
                if (useAsync)
                {
                    await parser.FillAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    parser.Fill();
                }
            }
            catch (Exception ex) when (!MustEscape(ex))
            {
                // A stream that fails part-way (I/O, corrupt gzip), or one that throws something else entirely.
                if (IsInputFailure(ex))
                {
                    ReportInputFailure(parser.Sink, ex);
                }
                else
                {
                    parser.Sink.ReportAtRecord(ReadProblems.InputStopped, Describe(ex));
                }

                _ended = true;
            }
        }
    }
}
