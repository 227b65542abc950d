namespace PaperModel.Classification;

/// <summary>A topic assigned to a paper, with its score and the evidence behind it. Equality compares the evidence element by element.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Score">The score in [0, 1]: evidence for the topic and its descendants combined (see <c>docs/classification.md</c>).</param>
/// <param name="IsImplied">
/// Whether the topic is assigned only because a descendant is (its own score is below its threshold).
/// </param>
/// <param name="Evidence">The phrases (and categories) that contributed to <paramref name="Score"/>, title first, then abstract, then category.</param>
public sealed record TopicAssignment(Topic Topic, double Score, bool IsImplied, IReadOnlyList<TopicEvidence> Evidence)
{
    /// <inheritdoc/>
    public bool Equals(TopicAssignment? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (ReferenceEquals(Topic, other.Topic)
                && Score.Equals(other.Score)
                && IsImplied == other.IsImplied
                && Evidence.SequenceEqual(other.Evidence)));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            return (((Topic.GetHashCode() * 397) ^ Score.GetHashCode()) * 397) ^ Evidence.Count;
        }
    }
}
