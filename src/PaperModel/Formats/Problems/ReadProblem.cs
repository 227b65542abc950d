using System.Globalization;

namespace PaperModel.Formats;

/// <summary>
/// One kind of reading problem: its stable code, severity, title (the heading of its page in <c>docs/diagnostics/</c>)
/// and message format. A code may have several messages (a missing id and a missing title are both PM1073); all
/// descriptors of one code share its title (PM1102 is a warning when a request matched nothing). Every descriptor is listed in <see cref="ReadProblems.All"/>.
/// </summary>
/// <param name="Code">The stable code, <c>PM1xxx</c>.</param>
/// <param name="Severity">Whether the record was lost or only degraded.</param>
/// <param name="Title">What the code means, as the heading of its documentation page says.</param>
/// <param name="MessageFormat">The message, a composite format filled with the problem's arguments (invariant culture).</param>
internal sealed record ReadProblem(string Code, ProblemSeverity Severity, string Title, string MessageFormat)
{
    /// <summary>The message for the given arguments.</summary>
    public string Format(object?[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
}
