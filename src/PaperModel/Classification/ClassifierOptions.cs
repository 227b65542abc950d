namespace PaperModel.Classification;

/// <summary>
/// Scoring settings of a <see cref="Classifier"/> (see <c>docs/classification.md</c>). Immutable; the defaults are in
/// <see cref="Default"/>.
/// </summary>
public sealed record ClassifierOptions
{
    /// <summary>The default settings.</summary>
    public static ClassifierOptions Default { get; } = new();

    /// <summary>
    /// How much one phrase in the title counts, multiplied by the phrase weight: 0.9 by default, so one full-weight
    /// phrase in the title assigns a topic on its own.
    /// </summary>
    public double TitleWeight { get; init; } = 0.9;

    /// <summary>
    /// What a phrase in the head of the title (<see cref="EvidenceReason.TitleHead"/>: the phrase it opens with, up to
    /// its first preposition or conjunction) adds to the phrase weight, up to 1, before <see cref="TitleWeight"/>: 0.25
    /// by default, so a weak phrase that names what the paper is about (<c>Gating Architecture for…</c>, weight 0.35)
    /// assigns its topic, while the same phrase later in the title needs support.
    /// </summary>
    public double TitleHeadBonus { get; init; } = 0.25;

    /// <summary>
    /// How much one occurrence of a phrase in a sentence of the abstract that is neither a contribution, a background
    /// sentence nor a comparison (<see cref="EvidenceReason.OtherSentence"/>) counts, multiplied by the phrase weight:
    /// 0.3 by default, so a single passing mention does not assign a topic but two or three do.
    /// </summary>
    public double AbstractWeight { get; init; } = 0.3;

    /// <summary>
    /// How much one occurrence of a phrase in a contribution sentence of the abstract
    /// (<see cref="EvidenceReason.ContributionSentence"/>: <c>we propose</c>, <c>this paper</c>…) counts, multiplied
    /// by the phrase weight: 0.45 by default, half as much again as another sentence of the abstract.
    /// </summary>
    public double ContributionWeight { get; init; } = 0.45;

    /// <summary>
    /// How much one occurrence of a phrase in a background sentence of the abstract
    /// (<see cref="EvidenceReason.BackgroundSentence"/>: before the first contribution sentence) or in an aside
    /// (<see cref="EvidenceReason.AsideSentence"/>: <c>Additionally, …</c>) counts, multiplied by the phrase weight: 0.2
    /// by default.
    /// </summary>
    public double BackgroundWeight { get; init; } = 0.2;

    /// <summary>
    /// How much one occurrence of a phrase that names something for comparison (<see cref="EvidenceReason.Comparison"/>:
    /// <c>unlike LoRA</c>, <c>such as RLHF</c>) counts, multiplied by the phrase weight: 0.3 by default, as much as
    /// another sentence of the abstract (on independently labelled papers, authors' own keywords often name what they
    /// compare with; lower it to file papers only under what they propose).
    /// </summary>
    public double ComparisonWeight { get; init; } = 0.3;

    /// <summary>How many occurrences of the same phrase in the abstract count (3 by default). In the title a phrase counts once.</summary>
    public int MaxRepeats { get; init; } = 3;

    /// <summary>
    /// The extra evidence when one of the paper's arXiv categories is among a topic's category hints (0.1 by default).
    /// It only ever adds to a topic that has evidence in the title or abstract.
    /// </summary>
    public double CategoryWeight { get; init; } = 0.1;

    /// <summary>
    /// The phrase weight from which an occurrence in the abstract can carry a topic on its own (0.8 by default): a topic
    /// is assigned only when its evidence has a phrase in the title or a phrase of at least this weight in the abstract.
    /// Weaker phrases, words that also have other senses (<c>alignment</c>, <c>router</c>, <c>expert</c>), support
    /// such evidence but several of them in the abstract do not assign a topic by themselves. 0 turns the rule off.
    /// </summary>
    public double StrongPhraseWeight { get; init; } = 0.8;

    /// <summary>The score a topic needs when the taxonomy gives it no threshold of its own (0.5 by default).</summary>
    public double DefaultThreshold { get; init; } = 0.5;
}
