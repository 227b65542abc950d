namespace PaperModel;

/// <summary>An author of a paper.</summary>
/// <param name="Name">The display name, whitespace-normalised (<c>Ada Lovelace</c>).</param>
/// <param name="Affiliation">The affiliation when the source gives one, else <see langword="null"/>.</param>
public sealed record Author(string Name, string? Affiliation = null)
{
    /// <inheritdoc/>
    public override string ToString() => Affiliation is null ? Name : $"{Name} ({Affiliation})";
}
