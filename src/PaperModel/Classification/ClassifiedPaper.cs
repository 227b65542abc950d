namespace PaperModel.Classification;

/// <summary>A paper with the topics a <see cref="Classifier"/> assigned to it, as given by <see cref="ClassifierPipeline"/>.</summary>
/// <param name="Paper">The paper.</param>
/// <param name="Classification">Its topics.</param>
public readonly record struct ClassifiedPaper(Paper Paper, PaperClassification Classification);
