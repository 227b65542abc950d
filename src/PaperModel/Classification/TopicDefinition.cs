using System.ComponentModel;

namespace PaperModel.Classification;

/// <summary>
/// The data of one topic, as generated code passes it to <see cref="Topic"/>'s constructor. Not meant to be used
/// directly: load a taxonomy with <see cref="Taxonomy.Load(Stream, string?)"/> or let the source generator build one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TopicDefinition
{
    /// <summary>Creates a topic definition.</summary>
    /// <param name="id">The kebab-case id, unique in the taxonomy.</param>
    /// <param name="name">The display name.</param>
    /// <param name="description">The description (may be empty).</param>
    /// <param name="parentId">The parent topic's id, or <see langword="null"/> for a root topic.</param>
    /// <param name="phrases">The phrases that signal the topic.</param>
    /// <param name="vetoes">The phrases that rule the topic out.</param>
    /// <param name="categories">arXiv category hints.</param>
    /// <param name="threshold">The topic's own score threshold, or <see langword="null"/> for the classifier default.</param>
    public TopicDefinition(
        string id,
        string name,
        string description,
        string? parentId,
        IReadOnlyList<TopicPhrase> phrases,
        IReadOnlyList<TopicPhrase> vetoes,
        IReadOnlyList<string> categories,
        double? threshold)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        ParentId = parentId;
        Phrases = Array.AsReadOnly((phrases ?? throw new ArgumentNullException(nameof(phrases))).ToArray());
        Vetoes = Array.AsReadOnly((vetoes ?? throw new ArgumentNullException(nameof(vetoes))).ToArray());
        Categories = Array.AsReadOnly((categories ?? throw new ArgumentNullException(nameof(categories))).ToArray());
        Threshold = threshold;
    }

    /// <summary>The kebab-case id.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The description.</summary>
    public string Description { get; }

    /// <summary>The parent topic's id.</summary>
    public string? ParentId { get; }

    /// <summary>The phrases that signal the topic.</summary>
    public IReadOnlyList<TopicPhrase> Phrases { get; }

    /// <summary>The phrases that rule the topic out.</summary>
    public IReadOnlyList<TopicPhrase> Vetoes { get; }

    /// <summary>arXiv category hints.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The topic's own score threshold.</summary>
    public double? Threshold { get; }
}
