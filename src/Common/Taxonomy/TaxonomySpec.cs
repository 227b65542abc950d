using PaperModel.Classification;

namespace PaperModel.Common.Taxonomy;

/// <summary>
/// A position in a taxonomy file: 1-based line and column, 0-based character offset and length (UTF-16 code units).
/// Every position the reader reports lies on one line (for objects and arrays it is the opening bracket).
/// </summary>
internal readonly record struct TextPosition(int Line, int Column, int Offset, int Length)
{
    /// <summary>The start of the file (used for problems about the file as a whole).</summary>
    public static TextPosition Start => new(1, 1, 0, 0);
}

/// <summary>One phrase that signals (or vetoes) a topic. <see cref="Weight"/> is in (0, 1]; vetoes always have weight 1.</summary>
internal sealed record PhraseSpec(string Text, double Weight, PhraseKind Kind, TextPosition Position);

/// <summary>
/// One topic, flattened: the tree is given by <see cref="ParentId"/> and <see cref="Depth"/>, in file (pre-)order,
/// so a topic's ancestors always come before it.
/// </summary>
/// <param name="Id">The kebab-case id, unique in the file.</param>
/// <param name="Name">The display name.</param>
/// <param name="Description">The description, empty when the file has none.</param>
/// <param name="ParentId">The parent's id, <see langword="null"/> for a root topic.</param>
/// <param name="Depth">0 for a root topic.</param>
/// <param name="Phrases">The phrases that signal the topic (keywords, then acronyms, then aliases, each in file order).</param>
/// <param name="Vetoes">The phrases that rule the topic out.</param>
/// <param name="Categories">arXiv category hints (<c>cs.CL</c>).</param>
/// <param name="Threshold">The topic's own score threshold in [0, 1], or <see langword="null"/> for the classifier default.</param>
/// <param name="MemberName">The C# member name the file asks for, or <see langword="null"/> to derive it from the id.</param>
/// <param name="Position">The position of the id's value.</param>
/// <param name="MemberNamePosition">The position of the <c>memberName</c> value, or of the id when there is none.</param>
internal sealed record TopicSpec(
    string Id,
    string Name,
    string Description,
    string? ParentId,
    int Depth,
    EquatableArray<PhraseSpec> Phrases,
    EquatableArray<PhraseSpec> Vetoes,
    EquatableArray<string> Categories,
    double? Threshold,
    string? MemberName,
    TextPosition Position,
    TextPosition MemberNamePosition);

/// <summary>A whole validated taxonomy file.</summary>
/// <param name="Name">The taxonomy name.</param>
/// <param name="Version">The taxonomy version (free text, e.g. <c>1.2.0</c>).</param>
/// <param name="Description">The description, empty when the file has none.</param>
/// <param name="Namespace">The namespace the file asks the generator to use, if any.</param>
/// <param name="ClassName">The class name the file asks the generator to use, if any.</param>
/// <param name="Topics">All topics in pre-order.</param>
/// <param name="NamespacePosition">The position of the <c>namespace</c> value (start of file when absent).</param>
/// <param name="ClassNamePosition">The position of the <c>className</c> value (start of file when absent).</param>
internal sealed record TaxonomySpec(
    string Name,
    string Version,
    string Description,
    string? Namespace,
    string? ClassName,
    EquatableArray<TopicSpec> Topics,
    TextPosition NamespacePosition,
    TextPosition ClassNamePosition);
