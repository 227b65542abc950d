namespace PaperModel.Classification;

/// <summary>Where a piece of <see cref="TopicEvidence"/> was found.</summary>
public enum EvidenceField
{
    /// <summary>In <see cref="Paper.Title"/>.</summary>
    Title,

    /// <summary>In <see cref="Paper.Abstract"/>.</summary>
    Abstract,

    /// <summary>In <see cref="Paper.Categories"/>: an arXiv category that is among the topic's category hints.</summary>
    Category,
}
