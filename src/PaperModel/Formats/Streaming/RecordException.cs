namespace PaperModel.Formats;

/// <summary>Thrown inside a reader when one record cannot be read; the reader turns it into a <see cref="ParseProblem"/> and goes on.</summary>
internal sealed class RecordException : Exception
{
    public RecordException(string code, string message, long offset)
        : base(message)
    {
        Code = code;
        Offset = offset;
    }

    /// <summary>The problem code.</summary>
    public string Code { get; }

    /// <summary>The byte offset in the record where the problem is, or -1 when it concerns the whole record.</summary>
    public long Offset { get; }
}
