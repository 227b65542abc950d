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
    /// How much one occurrence of a phrase in the abstract counts, multiplied by the phrase weight: 0.3 by default,
    /// so a single passing mention does not assign a topic but two or three do.
    /// </summary>
    public double AbstractWeight { get; init; } = 0.3;

    /// <summary>How many occurrences of the same phrase in the abstract count (3 by default). In the title a phrase counts once.</summary>
    public int MaxRepeats { get; init; } = 3;

    /// <summary>
    /// The extra evidence when one of the paper's arXiv categories is among a topic's category hints (0.1 by default).
    /// It only ever adds to a topic that has evidence in the title or abstract.
    /// </summary>
    public double CategoryWeight { get; init; } = 0.1;

    /// <summary>The score a topic needs when the taxonomy gives it no threshold of its own (0.5 by default).</summary>
    public double DefaultThreshold { get; init; } = 0.5;
}
