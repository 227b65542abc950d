using Microsoft.CodeAnalysis;
using PaperModel.Common.Taxonomy;
using C = PaperModel.Common.Taxonomy.TaxonomyProblemCodes;

namespace PaperModel.Generators;

/// <summary>
/// The generator's diagnostics. Ids, titles and messages come from the shared <see cref="C"/> table, so the runtime's
/// <c>Taxonomy.Load</c> reports the same text. Each id has a page in <c>docs/diagnostics/</c> and a row in
/// <c>AnalyzerReleases.*.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "PaperModel";

    private const string HelpLinkBase = "https://github.com/papermodel/papermodel/blob/main/docs/diagnostics/";

    /// <summary>Every descriptor, in id order: one per row of the shared table.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [.. C.All.Select(Create)];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(static d => d.Id, StringComparer.Ordinal);

    /// <summary>The descriptor of PM0024, reported when the generator itself fails.</summary>
    public static DiagnosticDescriptor GeneratorFailure { get; } = Get(C.GeneratorFailure); // after ById, which it reads

    /// <summary>The descriptor of a code.</summary>
    public static DiagnosticDescriptor Get(string code) => ById[code];

    private static DiagnosticDescriptor Create(TaxonomyProblemDescriptor problem) => new(
        problem.Code,
        problem.Title,
        problem.MessageFormat,
        Category,
        problem.Severity == TaxonomyProblemSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + problem.Code + ".md");
}
