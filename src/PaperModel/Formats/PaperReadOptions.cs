namespace PaperModel.Formats;

/// <summary>Options for reading papers. Immutable; share one instance freely.</summary>
public sealed record PaperReadOptions
{
    /// <summary>The default options.</summary>
    public static PaperReadOptions Default { get; } = new();

    /// <summary>The name reported in problems (usually the file path); <see langword="null"/> reports <c>&lt;input&gt;</c>.</summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// The year for dates that a listing shows without one (the Daily Papers page shows <c>Jul 30</c>). When
    /// <see langword="null"/>, the year of <see cref="ReferenceDate"/> is used, or the year before when that date
    /// would lie in the future.
    /// </summary>
    public int? Year { get; init; }

    /// <summary>"Today" for resolving dates without a year; <see langword="null"/> means the current UTC date.</summary>
    public DateTimeOffset? ReferenceDate { get; init; }

    /// <summary>The longest record (line, entry) a reader accepts, in characters; longer ones become a problem and are skipped. Default 16 MiB.</summary>
    public int MaxRecordLength { get; init; } = 16 * 1024 * 1024;
}
