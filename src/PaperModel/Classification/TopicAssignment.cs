namespace PaperModel.Classification;

/// <summary>A topic assigned to a paper, with its score and the evidence behind it.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Score">The score in [0, 1]: evidence for the topic and its descendants combined (see <c>docs/classification.md</c>).</param>
/// <param name="IsImplied">
/// Whether the topic is assigned only because a descendant is (its own score is below its threshold).
/// </param>
/// <param name="Evidence">The phrases (and categories) that contributed to <paramref name="Score"/>, in text order, title first.</param>
public sealed record TopicAssignment(Topic Topic, double Score, bool IsImplied, IReadOnlyList<TopicEvidence> Evidence);
