using Microsoft.CodeAnalysis;
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

    public static readonly DiagnosticDescriptor InvalidJson = new(C.InvalidJson, C.InvalidJsonTitle, C.InvalidJsonMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.InvalidJson + ".md");

    public static readonly DiagnosticDescriptor FileUnreadable = new(C.FileUnreadable, C.FileUnreadableTitle, C.FileUnreadableMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.FileUnreadable + ".md");

    public static readonly DiagnosticDescriptor MissingProperty = new(C.MissingProperty, C.MissingPropertyTitle, C.MissingPropertyMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.MissingProperty + ".md");

    public static readonly DiagnosticDescriptor WrongType = new(C.WrongType, C.WrongTypeTitle, C.WrongTypeMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.WrongType + ".md");

    public static readonly DiagnosticDescriptor UnknownProperty = new(C.UnknownProperty, C.UnknownPropertyTitle, C.UnknownPropertyMessage, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.UnknownProperty + ".md");

    public static readonly DiagnosticDescriptor InvalidTopicId = new(C.InvalidTopicId, C.InvalidTopicIdTitle, C.InvalidTopicIdMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.InvalidTopicId + ".md");

    public static readonly DiagnosticDescriptor DuplicateTopicId = new(C.DuplicateTopicId, C.DuplicateTopicIdTitle, C.DuplicateTopicIdMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.DuplicateTopicId + ".md");

    public static readonly DiagnosticDescriptor EmptyPhrase = new(C.EmptyPhrase, C.EmptyPhraseTitle, C.EmptyPhraseMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.EmptyPhrase + ".md");

    public static readonly DiagnosticDescriptor SiblingPhraseConflict = new(C.SiblingPhraseConflict, C.SiblingPhraseConflictTitle, C.SiblingPhraseConflictMessage, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.SiblingPhraseConflict + ".md");

    public static readonly DiagnosticDescriptor TooDeep = new(C.TooDeep, C.TooDeepTitle, C.TooDeepMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.TooDeep + ".md");

    public static readonly DiagnosticDescriptor InvalidValue = new(C.InvalidValue, C.InvalidValueTitle, C.InvalidValueMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.InvalidValue + ".md");

    public static readonly DiagnosticDescriptor DuplicateProperty = new(C.DuplicateProperty, C.DuplicatePropertyTitle, C.DuplicatePropertyMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.DuplicateProperty + ".md");

    public static readonly DiagnosticDescriptor DuplicatePhrase = new(C.DuplicatePhrase, C.DuplicatePhraseTitle, C.DuplicatePhraseMessage, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.DuplicatePhrase + ".md");

    public static readonly DiagnosticDescriptor InvalidIdentifier = new(C.InvalidIdentifier, C.InvalidIdentifierTitle, C.InvalidIdentifierMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.InvalidIdentifier + ".md");

    public static readonly DiagnosticDescriptor IdentifierClash = new(C.IdentifierClash, C.IdentifierClashTitle, C.IdentifierClashMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.IdentifierClash + ".md");

    public static readonly DiagnosticDescriptor InvalidOption = new(C.InvalidOption, C.InvalidOptionTitle, C.InvalidOptionMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.InvalidOption + ".md");

    public static readonly DiagnosticDescriptor DuplicateClass = new(C.DuplicateClass, C.DuplicateClassTitle, C.DuplicateClassMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.DuplicateClass + ".md");

    public static readonly DiagnosticDescriptor GeneratorFailure = new(C.GeneratorFailure, C.GeneratorFailureTitle, C.GeneratorFailureMessage, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + C.GeneratorFailure + ".md");

    /// <summary>Every descriptor, in id order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        InvalidJson, FileUnreadable, MissingProperty, WrongType, UnknownProperty, InvalidTopicId, DuplicateTopicId,
        EmptyPhrase, SiblingPhraseConflict, TooDeep, InvalidValue, DuplicateProperty, DuplicatePhrase,
        InvalidIdentifier, IdentifierClash, InvalidOption, DuplicateClass, GeneratorFailure,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(static d => d.Id, StringComparer.Ordinal);

    /// <summary>The descriptor of a code.</summary>
    public static DiagnosticDescriptor Get(string code) => ById[code];
}
