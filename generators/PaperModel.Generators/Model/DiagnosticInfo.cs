using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PaperModel.Common;
using PaperModel.Common.Taxonomy;

namespace PaperModel.Generators.Model;

/// <summary>
/// An equatable stand-in for a <see cref="Diagnostic"/> (which compares by reference and would defeat caching):
/// the code, the message arguments and the position in the taxonomy file. Turned into a diagnostic only when reported.
/// </summary>
internal sealed record DiagnosticInfo(string Code, EquatableArray<string> Arguments, string FilePath, TextPosition Position)
{
    public static DiagnosticInfo From(TaxonomyProblem problem, string filePath) =>
        new(problem.Code, problem.Arguments, filePath, problem.Position);

    public static DiagnosticInfo Create(string code, string filePath, TextPosition position, params string[] arguments) =>
        new(code, new EquatableArray<string>(arguments), filePath, position);

    /// <summary>Builds the diagnostic, located in the taxonomy file by the reader's own line and column.</summary>
    public Diagnostic ToDiagnostic()
    {
        var start = new LinePosition(Position.Line - 1, Position.Column - 1);
        var end = new LinePosition(Position.Line - 1, Position.Column - 1 + Position.Length);
        var location = Location.Create(FilePath, new TextSpan(Position.Offset, Position.Length), new LinePositionSpan(start, end));
        return Diagnostic.Create(DiagnosticDescriptors.Get(Code), location, Arguments.Select(static a => (object)a).ToArray());
    }
}
