namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>What a case can find: each kind is an invariant of <c>docs/reliability.md</c> that did not hold.</summary>
internal enum FindingKind
{
    /// <summary>An exception escaped that is not documented.</summary>
    Escape,

    /// <summary>The case did not finish within its time bound.</summary>
    Hang,

    /// <summary>Papers + error problems do not add up to the records of the input.</summary>
    LostRecord,

    /// <summary>A problem without a line and column.</summary>
    Unlocated,

    /// <summary>The results changed with the size of each read (or between the synchronous and asynchronous reads).</summary>
    ReadSizeDependent,

    /// <summary>A paper with a null member, or one that does not survive its own JSON round trip or classification.</summary>
    InvalidPaper,

    /// <summary>A record longer than <c>MaxRecordLength</c> became a paper.</summary>
    LimitIgnored,

    /// <summary>Allocation out of proportion to the input.</summary>
    Memory,
}

/// <summary>One invariant that did not hold for one case.</summary>
/// <param name="Target">The target (a format name, <c>taxonomy</c>, <c>generator</c>).</param>
/// <param name="Case">The case number (the input is made again from it).</param>
/// <param name="Kind">Which invariant.</param>
/// <param name="Detail">What was seen.</param>
/// <param name="Input">How the input was made.</param>
internal sealed record Finding(string Target, long Case, FindingKind Kind, string Detail, string Input)
{
    public override string ToString() => $"{Target} case {Case}: {Kind}: {Detail} [input: {Input}]";
}

/// <summary>Something the fuzzer feeds inputs to and checks the invariants of.</summary>
internal abstract class FuzzTarget
{
    /// <summary>The target's name (a format name, <c>taxonomy</c>, <c>generator</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The real inputs that mutations start from.</summary>
    public abstract IReadOnlyList<byte[]> Seeds { get; }

    /// <summary>Tokens of the target's syntax, for insertions and random token soup.</summary>
    public abstract IReadOnlyList<string> Tokens { get; }

    /// <summary>The longest field a huge-field mutation inserts.</summary>
    public virtual int MaxHugeField => 512 * 1024;

    /// <summary>Runs one input and reports every invariant that does not hold. Must not throw.</summary>
    /// <param name="input">The input.</param>
    /// <param name="caseNumber">The case number, for choices that vary per case (options, read sizes).</param>
    /// <param name="report">Receives each violated invariant: its kind and what was seen.</param>
    public abstract void Run(byte[] input, long caseNumber, Action<FindingKind, string> report);

    /// <summary>How an exception is described in a finding: type, message and the frame that threw.</summary>
    protected static string Describe(Exception ex)
    {
        var frame = ex.StackTrace?.Split('\n').Select(static l => l.Trim()).FirstOrDefault(static l => l.Length > 0) ?? string.Empty;
        return $"{ex.GetType().Name}: {ex.Message} {frame}";
    }
}
