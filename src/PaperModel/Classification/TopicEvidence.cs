namespace PaperModel.Classification;

/// <summary>
/// One reason a topic was scored: a phrase of the taxonomy found in the paper, with where it was found.
/// </summary>
/// <param name="Field">The field the phrase was found in.</param>
/// <param name="Phrase">The phrase as written in the taxonomy (for <see cref="EvidenceField.Category"/>, the category).</param>
/// <param name="Start">
/// The offset of the match in the original <see cref="Paper.Title"/> or <see cref="Paper.Abstract"/> (UTF-16 units);
/// for <see cref="EvidenceField.Category"/>, the index in <see cref="Paper.Categories"/>.
/// </param>
/// <param name="Length">The length of the match in the original text; for a category, the category's length.</param>
/// <param name="Topic">The topic whose phrase matched: the scored topic itself or one of its descendants.</param>
/// <param name="Weight">How much this piece of evidence contributed, in (0, 1].</param>
public sealed record TopicEvidence(EvidenceField Field, string Phrase, int Start, int Length, Topic Topic, double Weight)
{
    /// <summary>
    /// Why the evidence counted as much as it did: the title, a contribution, background or other sentence of the
    /// abstract, a comparison, or a category. Defaults to <see cref="EvidenceReason.Title"/>,
    /// <see cref="EvidenceReason.OtherSentence"/> or <see cref="EvidenceReason.Category"/> by <see cref="Field"/>.
    /// </summary>
    public EvidenceReason Reason { get; init; } = Field switch
    {
        EvidenceField.Title => EvidenceReason.Title,
        EvidenceField.Abstract => EvidenceReason.OtherSentence,
        _ => EvidenceReason.Category,
    };

    /// <summary>The matched text, cut from the paper this evidence was found in.</summary>
    /// <param name="paper">The classified paper.</param>
    /// <returns>The text of the match (for a category, the category).</returns>
    public string MatchedText(Paper paper)
    {
        if (paper is null)
        {
            throw new ArgumentNullException(nameof(paper));
        }

        return Field switch
        {
            EvidenceField.Title => paper.Title.Substring(Start, Length),
            EvidenceField.Abstract => paper.Abstract.Substring(Start, Length),
            _ => paper.Categories[Start],
        };
    }
}
