namespace PaperModel;

/// <summary>An author of a paper.</summary>
/// <param name="Name">The display name, whitespace-normalised (<c>Ada Lovelace</c>).</param>
/// <param name="Affiliation">The affiliation when the source gives one, else <see langword="null"/>.</param>
/// <exception cref="ArgumentNullException"><paramref name="Name"/> is <see langword="null"/>.</exception>
public sealed record Author(string Name, string? Affiliation = null)
{
    /// <summary>The display name, whitespace-normalised (<c>Ada Lovelace</c>).</summary>
    public string Name { get; init => field = value ?? throw NullName(); } = Name ?? throw NullName();

    private static ArgumentNullException NullName() => new(nameof(Name), "An author's name cannot be null.");

    /// <inheritdoc/>
    public override string ToString() => Affiliation is null ? Name : $"{Name} ({Affiliation})";
}
