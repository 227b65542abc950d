namespace PaperModel.Classification;

/// <summary>A phrase that signals a topic (or, in <see cref="Topic.Vetoes"/>, rules it out).</summary>
/// <param name="Text">The phrase as written in the taxonomy, trimmed.</param>
/// <param name="Weight">How strongly the phrase signals the topic, in (0, 1]; 1 for vetoes.</param>
/// <param name="Kind">How the phrase is matched.</param>
public sealed record TopicPhrase(string Text, double Weight, PhraseKind Kind);
