using System.Collections.ObjectModel;
using System.ComponentModel;
using PaperModel.Classification.Generated;

namespace PaperModel.Classification;

/// <summary>
/// A topic of a <see cref="Classification.Taxonomy"/>: its id, names, place in the tree and the phrases that signal it.
/// Topics are immutable and thread-safe; each belongs to exactly one taxonomy and compares by reference.
/// </summary>
/// <remarks>
/// Generated taxonomies derive a class from this class for each topic that has children, with a typed property per
/// child, so <c>MyTopics.Peft.Lora</c> is a <see cref="Topic"/>.
/// </remarks>
public class Topic
{
    private static readonly ReadOnlyCollection<Topic> NoTopics = new([]);

    private Taxonomy? _taxonomy;
    private Topic? _parent;
    private ReadOnlyCollection<Topic> _children = NoTopics;
    private ReadOnlyCollection<Topic> _ancestors = NoTopics;
    private string _path;

    /// <summary>Creates a topic that is not yet part of a taxonomy. Infrastructure for generated topic classes.</summary>
    /// <param name="definition">The topic's data.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal Topic(TopicDefinition definition)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _path = definition.Id;
    }

    /// <summary>The kebab-case id, unique in the taxonomy (<c>lora</c>).</summary>
    public string Id => Definition.Id;

    /// <summary>The display name (<c>LoRA and variants</c>).</summary>
    public string Name => Definition.Name;

    /// <summary>The description, empty when the taxonomy has none.</summary>
    public string Description => Definition.Description;

    /// <summary>The taxonomy the topic belongs to.</summary>
    public Taxonomy Taxonomy => _taxonomy ?? throw new InvalidOperationException($"Topic '{Id}' has not been added to a taxonomy.");

    /// <summary>The parent topic, or <see langword="null"/> for a root topic.</summary>
    public Topic? Parent => _parent;

    /// <summary>The child topics, in taxonomy order.</summary>
    public IReadOnlyList<Topic> Children => _children;

    /// <summary>The ancestors, nearest first (parent, grand-parent, ..., root). Assigning a topic implies its ancestors.</summary>
    public IReadOnlyList<Topic> Ancestors => _ancestors;

    /// <summary>0 for a root topic, 1 for its children, and so on.</summary>
    public int Depth => _ancestors.Count;

    /// <summary>The ids from the root down to this topic, joined by <c>/</c> (<c>peft/lora</c>).</summary>
    public string Path => _path;

    /// <summary>The topic's position in <see cref="Taxonomy.Topics"/> (pre-order), usable as an array index.</summary>
    public int Index { get; private set; }

    /// <summary>The phrases that signal the topic.</summary>
    public IReadOnlyList<TopicPhrase> Phrases => Definition.Phrases;

    /// <summary>The phrases that rule the topic out when they occur.</summary>
    public IReadOnlyList<TopicPhrase> Vetoes => Definition.Vetoes;

    /// <summary>arXiv category hints (<c>cs.CL</c>).</summary>
    public IReadOnlyList<string> Categories => Definition.Categories;

    /// <summary>The topic's own score threshold in [0, 1], or <see langword="null"/> to use the classifier's default.</summary>
    public double? Threshold => Definition.Threshold;

    private TopicDefinition Definition { get; }

    /// <summary>Whether this topic is a (strict) descendant of <paramref name="ancestor"/>.</summary>
    /// <param name="ancestor">The possible ancestor.</param>
    /// <returns><see langword="true"/> when <paramref name="ancestor"/> is among <see cref="Ancestors"/>.</returns>
    public bool IsDescendantOf(Topic ancestor)
    {
        for (var current = _parent; current is not null; current = current._parent)
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;

    internal string? ParentId => Definition.ParentId;

    internal void Attach(Taxonomy taxonomy, int index, Topic? parent)
    {
        _taxonomy = taxonomy;
        Index = index;
        _parent = parent;
        if (parent is not null)
        {
            var ancestors = new Topic[parent._ancestors.Count + 1];
            ancestors[0] = parent;
            parent._ancestors.CopyTo(ancestors, 1);
            _ancestors = Array.AsReadOnly(ancestors);
            _path = parent._path + "/" + Id;
        }
    }

    internal void SetChildren(List<Topic> children) => _children = children.Count == 0 ? NoTopics : children.AsReadOnly();

    internal bool IsAttached => _taxonomy is not null;
}
