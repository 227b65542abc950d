using System.Globalization;

namespace PaperModel;

/// <summary>How serious a <see cref="ParseProblem"/> is.</summary>
public enum ProblemSeverity
{
    /// <summary>The record was read, but something in it was odd or was ignored.</summary>
    Warning,

    /// <summary>The record could not be read.</summary>
    Error,
}

/// <summary>
/// A problem found while reading input: what went wrong and where (source, line, column, record).
/// Readers never drop a record silently: every record read becomes a <see cref="Paper"/> or a problem.
/// </summary>
/// <param name="Code">A stable code, <c>PM1xxx</c> for reading problems and <c>PM0xxx</c> for taxonomy problems; each is documented in <c>docs/diagnostics/</c>.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Source">The file name or other name of the input, if known.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
/// <param name="Severity">Whether the record was lost (<see cref="ProblemSeverity.Error"/>) or only degraded.</param>
public sealed record ParseProblem(
    string Code,
    string Message,
    string? Source,
    int Line,
    int Column,
    ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary>The 1-based number of the record (entry, line, item) the problem belongs to, if known.</summary>
    public long? Record { get; init; }

    /// <summary>
    /// Formats the problem in the canonical compiler format, <c>file(line,col): error PM1001: message</c>,
    /// which editors and CI systems turn into clickable locations.
    /// </summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var where = Source ?? "<input>";
        if (Line > 0)
        {
            where += Column > 0 ? string.Format(inv, "({0},{1})", Line, Column) : string.Format(inv, "({0})", Line);
        }

        var severity = Severity == ProblemSeverity.Error ? "error" : "warning";
        return $"{where}: {severity} {Code}: {Message}";
    }
}
