using System.ComponentModel;

namespace PaperModel.Classification.Generated;

/// <summary>
/// The data of one topic, as the library passes it to the constructor of a generated topic class (and that class to
/// <see cref="Topic"/>'s protected constructor). Infrastructure for generated code: it has no public members and is
/// not meant to be used directly; load a taxonomy with <see cref="Taxonomy.Load(Stream, string?)"/> or let the source
/// generator build one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TopicDefinition
{
    internal TopicDefinition(
        string id,
        string name,
        string description,
        string? parentId,
        IReadOnlyList<TopicPhrase> phrases,
        IReadOnlyList<TopicPhrase> vetoes,
        IReadOnlyList<string> categories,
        double? threshold)
    {
        Id = id;
        Name = name;
        Description = description;
        ParentId = parentId;
        Phrases = Array.AsReadOnly(phrases.ToArray());
        Vetoes = Array.AsReadOnly(vetoes.ToArray());
        Categories = Array.AsReadOnly(categories.ToArray());
        Threshold = threshold;
    }

    internal string Id { get; }

    internal string Name { get; }

    internal string Description { get; }

    internal string? ParentId { get; }

    internal IReadOnlyList<TopicPhrase> Phrases { get; }

    internal IReadOnlyList<TopicPhrase> Vetoes { get; }

    internal IReadOnlyList<string> Categories { get; }

    internal double? Threshold { get; }
}
