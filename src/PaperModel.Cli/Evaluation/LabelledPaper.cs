using System.Globalization;

namespace PaperModel.Cli.Evaluation;

/// <summary>A paper with the topic ids someone labelled it with, and where the label was read.</summary>
/// <param name="Paper">The paper (title, and abstract when known).</param>
/// <param name="Labels">The labelled topic ids; empty for a paper labelled <c>none</c>.</param>
/// <param name="File">The labels file.</param>
/// <param name="Line">The line of the record in <paramref name="File"/>, from 1.</param>
internal sealed record LabelledPaper(Paper Paper, IReadOnlySet<string> Labels, string File, int Line)
{
    /// <summary>Where the label was read: <c>file(line)</c>.</summary>
    public string Location => $"{File}({Line.ToString(CultureInfo.InvariantCulture)})";
}
