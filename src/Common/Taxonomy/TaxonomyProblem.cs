using System.Globalization;

namespace PaperModel.Common.Taxonomy;

/// <summary>Whether a taxonomy problem stops the file from being used.</summary>
internal enum TaxonomyProblemSeverity
{
    /// <summary>The taxonomy is usable, but something in it is probably a mistake.</summary>
    Warning,

    /// <summary>The taxonomy cannot be used.</summary>
    Error,
}

/// <summary>
/// A problem found in a taxonomy file. The runtime reports it as a <c>ParseProblem</c>, the generator as a
/// diagnostic: both use <see cref="Code"/>, <see cref="Message"/> and <see cref="Position"/> unchanged.
/// </summary>
/// <param name="Code">The stable code (<c>PM0001</c>), one of <see cref="TaxonomyProblemCodes"/>.</param>
/// <param name="Arguments">The values of the code's message format.</param>
/// <param name="Position">Where the problem is.</param>
internal sealed record TaxonomyProblem(string Code, EquatableArray<string> Arguments, TextPosition Position)
{
    /// <summary>The severity of <see cref="Code"/>.</summary>
    public TaxonomyProblemSeverity Severity => TaxonomyProblemCodes.SeverityOf(Code);

    /// <summary>The message: the code's format filled with <see cref="Arguments"/>.</summary>
    public string Message => string.Format(
        CultureInfo.InvariantCulture,
        TaxonomyProblemCodes.MessageFormatOf(Code),
        Arguments.Select(static a => (object)a).ToArray());

    /// <summary>Creates a problem.</summary>
    public static TaxonomyProblem Create(string code, TextPosition position, params string[] arguments) =>
        new(code, new EquatableArray<string>(arguments), position);
}

/// <summary>One taxonomy problem code: its severity, its title (the heading of its page in <c>docs/diagnostics/</c>) and its message format.</summary>
/// <param name="Code">The stable code, <c>PM00xx</c>.</param>
/// <param name="Severity">Whether the taxonomy can still be used.</param>
/// <param name="Title">What the code means.</param>
/// <param name="MessageFormat">The message, a composite format filled with the problem's arguments (invariant culture).</param>
internal sealed record TaxonomyProblemDescriptor(string Code, TaxonomyProblemSeverity Severity, string Title, string MessageFormat);

/// <summary>
/// The taxonomy problem codes (<c>PM0001</c>-<c>PM0099</c>) and their table (<see cref="All"/>): the single source for
/// the runtime's problems and the generator's diagnostic descriptors, which are made from it in one loop. Each code has
/// a page in <c>docs/diagnostics/</c> and a row in <c>AnalyzerReleases.Unshipped.md</c>. Codes from
/// <see cref="InvalidIdentifier"/> on concern generated C# and are reported by the generator only.
/// </summary>
internal static class TaxonomyProblemCodes
{
    public const string InvalidJson = "PM0001";
    public const string FileUnreadable = "PM0002";
    public const string MissingProperty = "PM0003";
    public const string WrongType = "PM0004";
    public const string UnknownProperty = "PM0005";
    public const string InvalidTopicId = "PM0006";
    public const string DuplicateTopicId = "PM0007";
    public const string EmptyPhrase = "PM0008";
    public const string SiblingPhraseConflict = "PM0009";
    public const string TooDeep = "PM0010";
    public const string InvalidValue = "PM0011";
    public const string DuplicateProperty = "PM0012";
    public const string DuplicatePhrase = "PM0013";
    public const string MisplacedWordGap = "PM0014";
    public const string InvalidIdentifier = "PM0020";
    public const string IdentifierClash = "PM0021";
    public const string InvalidOption = "PM0022";
    public const string DuplicateClass = "PM0023";
    public const string GeneratorFailure = "PM0024";

    private const TaxonomyProblemSeverity Error = TaxonomyProblemSeverity.Error;
    private const TaxonomyProblemSeverity Warning = TaxonomyProblemSeverity.Warning;

    /// <summary>Every code, in code order.</summary>
    public static IReadOnlyList<TaxonomyProblemDescriptor> All { get; } =
    [
        new(InvalidJson, Error, "Invalid JSON in taxonomy file", "Invalid JSON: {0}"),
        new(FileUnreadable, Error, "Taxonomy file cannot be read", "The taxonomy file '{0}' cannot be read: {1}"),
        new(MissingProperty, Error, "Required taxonomy property is missing", "The {0} has no '{1}' property"),
        new(WrongType, Error, "Taxonomy property has the wrong type", "'{0}' must be {1}, not {2}"),
        new(UnknownProperty, Warning, "Unknown taxonomy property", "Unknown property '{0}' in the {1}; expected one of: {2}"),
        new(InvalidTopicId, Error, "Topic id is not kebab-case", "Topic id '{0}' is not kebab-case: use lower-case letters and digits separated by single hyphens (for example 'scaling-laws')"),
        new(DuplicateTopicId, Error, "Duplicate topic id", "Topic id '{0}' is already used at line {1}"),
        new(EmptyPhrase, Error, "Empty phrase", "An entry of '{0}' in topic '{1}' is empty or only white space"),
        new(SiblingPhraseConflict, Warning, "Phrase claimed by two sibling topics", "Phrase '{0}' of topic '{1}' is also a phrase of its sibling topic '{2}' (line {3}); a match cannot tell them apart"),
        new(TooDeep, Error, "Taxonomy nested too deeply", "Topic '{0}' is at depth {1}; topics may be nested at most {2} levels deep"),
        new(InvalidValue, Error, "Invalid taxonomy value", "Invalid value for '{0}': {1}"),
        new(DuplicateProperty, Error, "Duplicate property", "Property '{0}' is already given at line {1} in the same object"),
        new(DuplicatePhrase, Warning, "Phrase listed twice in a topic", "Phrase '{0}' is listed twice in topic '{1}' (first at line {2})"),
        new(MisplacedWordGap, Error, "Misplaced word gap in a phrase", "Phrase '{0}' of topic '{1}' has a '*' that is not a word gap: {2}; a word gap is a lone '*' with white space on both sides, between two words (for example 'mixture of * experts')"),
        new(InvalidIdentifier, Error, "Topic cannot become a C# identifier", "Topic '{0}' becomes '{1}', which is not a valid C# identifier ({2}); set 'memberName' on the topic or change the id"),
        new(IdentifierClash, Error, "Generated C# names clash", "Topic '{0}' becomes the C# name '{1}', which {2}; set 'memberName' on the topic or change the id"),
        new(InvalidOption, Error, "Invalid generator option", "Invalid {0} '{1}' (from {2}): {3}"),
        new(DuplicateClass, Error, "Two taxonomy files generate the same class", "The taxonomy would generate '{0}', which '{1}' already generates; set 'className' or 'namespace' in one of the files"),
        new(GeneratorFailure, Error, "Taxonomy generator failed", "The taxonomy generator failed on '{0}' and generated no code for it: {1}"),
    ];

    private static readonly Dictionary<string, TaxonomyProblemDescriptor> ByCode = All.ToDictionary(static d => d.Code, StringComparer.Ordinal);

    /// <summary>The descriptor of a code.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a taxonomy problem code.</exception>
    public static TaxonomyProblemDescriptor Get(string code) =>
        ByCode.TryGetValue(code, out var descriptor) ? descriptor : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown taxonomy problem code.");

    /// <summary>The severity of a code.</summary>
    public static TaxonomyProblemSeverity SeverityOf(string code) => Get(code).Severity;

    /// <summary>The message format of a code.</summary>
    public static string MessageFormatOf(string code) => Get(code).MessageFormat;
}
