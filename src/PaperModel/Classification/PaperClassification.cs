namespace PaperModel.Classification;

/// <summary>The topics a <see cref="Classifier"/> assigned to one paper. Immutable.</summary>
public sealed class PaperClassification
{
    internal PaperClassification(IReadOnlyList<TopicAssignment> topics) => Topics = topics;

    /// <summary>The result with no topic, shared: classifying a paper that matches nothing allocates nothing.</summary>
    internal static PaperClassification None { get; } = new([]);

    /// <summary>The assigned topics in taxonomy order (each ancestor before its descendants); ancestors of an assigned topic are included.</summary>
    public IReadOnlyList<TopicAssignment> Topics { get; }

    /// <summary>Whether a topic is assigned.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns><see langword="true"/> when the topic is among <see cref="Topics"/>.</returns>
    public bool Contains(Topic topic) => Find(topic) is not null;

    /// <summary>Whether the topic with this id is assigned.</summary>
    /// <param name="topicId">The topic id (<c>lora</c>).</param>
    /// <returns><see langword="true"/> when the topic is among <see cref="Topics"/>.</returns>
    public bool Contains(string topicId) => Find(topicId) is not null;

    /// <summary>The assignment of a topic, or <see langword="null"/> when it is not assigned.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>The assignment, if any.</returns>
    public TopicAssignment? Find(Topic topic)
    {
        foreach (var assignment in Topics)
        {
            if (ReferenceEquals(assignment.Topic, topic))
            {
                return assignment;
            }
        }

        return null;
    }

    /// <summary>The assignment of the topic with this id, or <see langword="null"/> when it is not assigned.</summary>
    /// <param name="topicId">The topic id (<c>lora</c>).</param>
    /// <returns>The assignment, if any.</returns>
    public TopicAssignment? Find(string topicId)
    {
        foreach (var assignment in Topics)
        {
            if (string.Equals(assignment.Topic.Id, topicId, StringComparison.Ordinal))
            {
                return assignment;
            }
        }

        return null;
    }
}
