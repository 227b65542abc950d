namespace PaperModel.Classification;

/// <summary>How a <see cref="TopicPhrase"/> is matched against text.</summary>
public enum PhraseKind
{
    /// <summary>A word or phrase: case-insensitive, on word boundaries, tolerant of hyphen/space variants and plurals.</summary>
    Keyword,

    /// <summary>An acronym (<c>LoRA</c>, <c>MoE</c>): on word boundaries and case-sensitive.</summary>
    Acronym,
}

/// <summary>A phrase that signals a topic (or, in <see cref="Topic.Vetoes"/>, rules it out).</summary>
/// <param name="Text">The phrase as written in the taxonomy, trimmed.</param>
/// <param name="Weight">How strongly the phrase signals the topic, in (0, 1]; 1 for vetoes.</param>
/// <param name="Kind">How the phrase is matched.</param>
public sealed record TopicPhrase(string Text, double Weight, PhraseKind Kind);
