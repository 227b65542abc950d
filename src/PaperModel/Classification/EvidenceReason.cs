namespace PaperModel.Classification;

/// <summary>
/// Why a piece of <see cref="TopicEvidence"/> counted as much as it did: where in the paper the phrase was found and
/// what that part of the paper does. A phrase in the title or in a sentence that states the paper's own contribution
/// counts more than one in a background sentence or one that names another method for comparison. The rules are in
/// <c>docs/classification.md</c>.
/// </summary>
public enum EvidenceReason
{
    /// <summary>The phrase is in the title, outside its head.</summary>
    Title,

    /// <summary>
    /// The phrase is in a sentence of the abstract that states what the paper proposes, studies or finds (it speaks
    /// of <c>we</c>, <c>our</c>, <c>this paper</c>, <c>this work</c>…).
    /// </summary>
    ContributionSentence,

    /// <summary>
    /// The phrase is in a sentence of the abstract that comes after the first contribution sentence without being one
    /// (how the method works, what the experiments show).
    /// </summary>
    OtherSentence,

    /// <summary>
    /// The phrase is in a background sentence: one that comes before the first contribution sentence of the abstract
    /// (the field, prior work, the problem).
    /// </summary>
    BackgroundSentence,

    /// <summary>
    /// The phrase names something the paper compares with, contrasts itself to or lists as an example
    /// (<c>unlike LoRA</c>, <c>outperforms MoE baselines</c>, <c>such as RLHF</c>, <c>existing adapters</c>).
    /// </summary>
    Comparison,

    /// <summary>One of the paper's arXiv categories is among the topic's category hints.</summary>
    Category,

    /// <summary>
    /// The phrase is in the head of the title: the phrase the title opens with (after a leading name and colon), up
    /// to its first preposition or conjunction, which names what the paper is about. A weak phrase counts more there.
    /// </summary>
    TitleHead,

    /// <summary>
    /// The phrase is in a sentence of the abstract that adds a secondary point (it opens with <c>Additionally</c>,
    /// <c>Moreover</c>, <c>Furthermore</c>, <c>In addition</c>, <c>Besides</c> or <c>Also</c>): a side evaluation or
    /// a tool the paper also uses. It counts like a background sentence.
    /// </summary>
    AsideSentence,
}
