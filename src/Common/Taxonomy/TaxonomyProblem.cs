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

/// <summary>
/// The taxonomy problem codes (<c>PM0001</c>-<c>PM0099</c>), their message formats and severities: the single
/// source for the runtime's problems and the generator's diagnostic descriptors. Each code has a page in
/// <c>docs/diagnostics/</c>. Codes from <see cref="InvalidIdentifier"/> on concern generated C# and are
/// reported by the generator only.
/// </summary>
internal static class TaxonomyProblemCodes
{
    public const string InvalidJson = "PM0001";
    public const string InvalidJsonTitle = "Invalid JSON in taxonomy file";
    public const string InvalidJsonMessage = "Invalid JSON: {0}";

    public const string FileUnreadable = "PM0002";
    public const string FileUnreadableTitle = "Taxonomy file cannot be read";
    public const string FileUnreadableMessage = "The taxonomy file '{0}' cannot be read: {1}";

    public const string MissingProperty = "PM0003";
    public const string MissingPropertyTitle = "Required taxonomy property is missing";
    public const string MissingPropertyMessage = "The {0} has no '{1}' property";

    public const string WrongType = "PM0004";
    public const string WrongTypeTitle = "Taxonomy property has the wrong type";
    public const string WrongTypeMessage = "'{0}' must be {1}, not {2}";

    public const string UnknownProperty = "PM0005";
    public const string UnknownPropertyTitle = "Unknown taxonomy property";
    public const string UnknownPropertyMessage = "Unknown property '{0}' in the {1}; expected one of: {2}";

    public const string InvalidTopicId = "PM0006";
    public const string InvalidTopicIdTitle = "Topic id is not kebab-case";
    public const string InvalidTopicIdMessage = "Topic id '{0}' is not kebab-case: use lower-case letters and digits separated by single hyphens (for example 'scaling-laws')";

    public const string DuplicateTopicId = "PM0007";
    public const string DuplicateTopicIdTitle = "Duplicate topic id";
    public const string DuplicateTopicIdMessage = "Topic id '{0}' is already used at line {1}";

    public const string EmptyPhrase = "PM0008";
    public const string EmptyPhraseTitle = "Empty phrase";
    public const string EmptyPhraseMessage = "An entry of '{0}' in topic '{1}' is empty or only white space";

    public const string SiblingPhraseConflict = "PM0009";
    public const string SiblingPhraseConflictTitle = "Phrase claimed by two sibling topics";
    public const string SiblingPhraseConflictMessage = "Phrase '{0}' of topic '{1}' is also a phrase of its sibling topic '{2}' (line {3}); a match cannot tell them apart";

    public const string TooDeep = "PM0010";
    public const string TooDeepTitle = "Taxonomy nested too deeply";
    public const string TooDeepMessage = "Topic '{0}' is at depth {1}; topics may be nested at most {2} levels deep";

    public const string InvalidValue = "PM0011";
    public const string InvalidValueTitle = "Invalid taxonomy value";
    public const string InvalidValueMessage = "Invalid value for '{0}': {1}";

    public const string DuplicateProperty = "PM0012";
    public const string DuplicatePropertyTitle = "Duplicate property";
    public const string DuplicatePropertyMessage = "Property '{0}' is already given at line {1} in the same object";

    public const string DuplicatePhrase = "PM0013";
    public const string DuplicatePhraseTitle = "Phrase listed twice in a topic";
    public const string DuplicatePhraseMessage = "Phrase '{0}' is listed twice in topic '{1}' (first at line {2})";

    public const string InvalidIdentifier = "PM0020";
    public const string InvalidIdentifierTitle = "Topic cannot become a C# identifier";
    public const string InvalidIdentifierMessage = "Topic '{0}' becomes '{1}', which is not a valid C# identifier ({2}); set 'memberName' on the topic or change the id";

    public const string IdentifierClash = "PM0021";
    public const string IdentifierClashTitle = "Generated C# names clash";
    public const string IdentifierClashMessage = "Topic '{0}' becomes the C# name '{1}', which {2}; set 'memberName' on the topic or change the id";

    public const string InvalidOption = "PM0022";
    public const string InvalidOptionTitle = "Invalid generator option";
    public const string InvalidOptionMessage = "Invalid {0} '{1}' (from {2}): {3}";

    public const string DuplicateClass = "PM0023";
    public const string DuplicateClassTitle = "Two taxonomy files generate the same class";
    public const string DuplicateClassMessage = "The taxonomy would generate '{0}', which '{1}' already generates; set 'className' or 'namespace' in one of the files";

    public const string GeneratorFailure = "PM0024";
    public const string GeneratorFailureTitle = "Taxonomy generator failed";
    public const string GeneratorFailureMessage = "The taxonomy generator failed on '{0}' and generated no code for it: {1}";

    /// <summary>The severity of a code.</summary>
    public static TaxonomyProblemSeverity SeverityOf(string code) => code switch
    {
        UnknownProperty or SiblingPhraseConflict or DuplicatePhrase => TaxonomyProblemSeverity.Warning,
        _ => TaxonomyProblemSeverity.Error,
    };

    /// <summary>The message format of a code.</summary>
    public static string MessageFormatOf(string code) => code switch
    {
        InvalidJson => InvalidJsonMessage,
        FileUnreadable => FileUnreadableMessage,
        MissingProperty => MissingPropertyMessage,
        WrongType => WrongTypeMessage,
        UnknownProperty => UnknownPropertyMessage,
        InvalidTopicId => InvalidTopicIdMessage,
        DuplicateTopicId => DuplicateTopicIdMessage,
        EmptyPhrase => EmptyPhraseMessage,
        SiblingPhraseConflict => SiblingPhraseConflictMessage,
        TooDeep => TooDeepMessage,
        InvalidValue => InvalidValueMessage,
        DuplicateProperty => DuplicatePropertyMessage,
        DuplicatePhrase => DuplicatePhraseMessage,
        InvalidIdentifier => InvalidIdentifierMessage,
        IdentifierClash => IdentifierClashMessage,
        InvalidOption => InvalidOptionMessage,
        DuplicateClass => DuplicateClassMessage,
        GeneratorFailure => GeneratorFailureMessage,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown taxonomy problem code."),
    };
}
