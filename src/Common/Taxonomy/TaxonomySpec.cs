namespace PaperModel.Common.Taxonomy;

/// <summary>A position in a taxonomy file: 1-based line and column, 0-based character offset and length.</summary>
internal readonly record struct TextPosition(int Line, int Column, int Offset, int Length);

/// <summary>How a phrase is matched.</summary>
internal enum PhraseKind
{
    /// <summary>Case-insensitive, word-bounded, hyphen/space and plural tolerant.</summary>
    Keyword,

    /// <summary>An acronym: word-bounded and case-sensitive (see the classifier docs for the exact rule).</summary>
    Acronym,
}

/// <summary>One phrase that signals (or vetoes) a topic.</summary>
internal sealed record PhraseSpec(string Text, double Weight, PhraseKind Kind, TextPosition Position);

/// <summary>One topic, flattened: the tree is given by <see cref="ParentId"/> and <see cref="Depth"/>, in file (pre-)order.</summary>
internal sealed record TopicSpec(
    string Id,
    string Name,
    string Description,
    string? ParentId,
    int Depth,
    EquatableArray<PhraseSpec> Phrases,
    EquatableArray<PhraseSpec> Vetoes,
    EquatableArray<string> Categories,
    double Threshold,
    TextPosition Position);

/// <summary>A whole validated taxonomy file.</summary>
internal sealed record TaxonomySpec(
    string Name,
    string Version,
    string? Namespace,
    string? ClassName,
    EquatableArray<TopicSpec> Topics);
