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

    /// <summary>Whether an exception means the input itself cannot be read (not that a record is bad).</summary>
    public static bool IsInputFailure(Exception exception) => exception is IOException or UnauthorizedAccessException or InvalidDataException;

    /// <summary>Reports an input failure (PM1002, or PM1090 for corrupt gzip) as a problem of the whole input.</summary>
    public static void ReportInputFailure(ProblemSink sink, Exception exception)
    {
        sink.Record = 0;
        sink.ReportAt(exception is InvalidDataException ? ReadProblems.CorruptGzip : ReadProblems.Unreadable, 0, 0, exception.Message);
    }

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
        private bool _ended;

        public PaperReadItem Current { get; private set; }

        /// <summary>
        /// Moves to the next item: a problem the sink holds, else the paper of the record just mapped, else the next
        /// step of the parser, refilling it when it needs input. False at the end of the reading.
        /// </summary>
        public async ValueTask<bool> MoveNextAsync(bool useAsync)
        {
            while (true)
            {
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

                if (_ended)
                {
                    return false;
                }

                cancellationToken.ThrowIfCancellationRequested();
                switch (parser.Next())
                {
                    case ReadStep.Record:
                        _paper = MapRecord();
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
        /// Maps the framed record. This is the one place where the failure of a record becomes a located problem (the
        /// sink knows the source, the record and its position) and reading goes on with the next record.
        /// </summary>
        internal Paper? MapRecord()
        {
            try
            {
                return parser.Map();
            }
            catch (RecordRejectedException)
            {
                // The sink already holds the located reason.
                return null;
            }
            catch (Exception ex) when (parser.TryReportFailure(ex))
            {
                return null;
            }
        }

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
            catch (Exception ex) when (IsInputFailure(ex))
            {
                ReportInputFailure(parser.Sink, ex);
                _ended = true;
            }
        }
    }
}
