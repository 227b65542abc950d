namespace PaperModel.Formats;

/// <summary>What a <see cref="RecordParser"/> asks of its driver.</summary>
internal enum ReadStep
{
    /// <summary>A record is framed: call <see cref="RecordParser.Map"/>, then ask again.</summary>
    Record,

    /// <summary>The parser needs more input: call <see cref="RecordParser.Fill"/> or <see cref="RecordParser.FillAsync"/>, then ask again.</summary>
    NeedMore,

    /// <summary>The input has ended (or cannot be read further).</summary>
    End,
}

/// <summary>
/// The one streaming protocol every format implements: a reentrant push parser, in the shape of
/// <c>Utf8JsonReader</c> with <c>JsonReaderState</c>. <see cref="Next"/> frames the next record from the input it
/// holds, or asks for more (<see cref="ReadStep.NeedMore"/>); only <see cref="Fill"/> and <see cref="FillAsync"/>
/// read, so one parser serves the synchronous and the asynchronous <see cref="RecordDriver"/> loops and its state
/// survives across awaits. <see cref="Map"/> turns the framed record into a paper. Problems go to <see cref="Sink"/>.
/// Not thread-safe.
/// </summary>
internal abstract class RecordParser : IDisposable
{
    protected RecordParser(ProblemSink sink) => Sink = sink;

    /// <summary>Where the parser reports problems.</summary>
    public ProblemSink Sink { get; }

    /// <summary>Frames the next record (calling <see cref="ProblemSink.BeginRecord"/>), or says what is needed first.</summary>
    public abstract ReadStep Next();

    /// <summary>
    /// Maps the record <see cref="Next"/> framed to a paper, or <see langword="null"/> when it gives none (its problems
    /// are in <see cref="Sink"/>). May throw <see cref="RecordRejectedException"/> or another exception that
    /// <see cref="TryReportFailure"/> knows; the driver catches both and goes on.
    /// </summary>
    public abstract Paper? Map();

    /// <summary>Reports an exception <see cref="Map"/> threw for a known reason (invalid JSON in a record) as a located problem.</summary>
    /// <returns>Whether the exception was reported; when not, the driver decides.</returns>
    public virtual bool TryReportFailure(Exception exception) => false;

    /// <summary>
    /// The record <see cref="Next"/> framed, copied so that it can be mapped on another thread while this parser frames
    /// the next ones; <see langword="null"/> when the format maps its records only where it reads them.
    /// </summary>
    public virtual DeferredRecord? Defer() => null;

    /// <summary>Reads more input.</summary>
    public abstract void Fill();

    /// <summary>Reads more input asynchronously.</summary>
    public abstract ValueTask FillAsync(CancellationToken cancellationToken);

    /// <summary>Releases the parser's buffers (never the caller's stream).</summary>
    public virtual void Dispose()
    {
    }
}
