namespace PaperModel;

/// <summary>One submitted version of an arXiv paper.</summary>
/// <param name="Number">The version number (1 for <c>v1</c>).</param>
/// <param name="Created">When the version was submitted, if known.</param>
public sealed record PaperVersion(int Number, DateTimeOffset? Created);
