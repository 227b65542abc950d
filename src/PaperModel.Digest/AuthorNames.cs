namespace PaperModel.Digest;

/// <summary>Author lists as a digest shows them: short lists whole, long ones as the first few, the last and a count.</summary>
internal static class AuthorNames
{
    /// <summary>Lists up to this many authors whole.</summary>
    internal const int Whole = 5;

    /// <summary>How many leading authors a long list keeps (before "…" and the last author).</summary>
    internal const int Leading = 3;

    public static string Shorten(IReadOnlyList<Author> authors) => authors.Count switch
    {
        0 => string.Empty,
        <= Whole => string.Join(", ", authors.Select(static a => a.Name)),
        _ => string.Join(", ", authors.Take(Leading).Select(static a => a.Name)) + ", … " + authors[authors.Count - 1].Name + $" ({authors.Count} authors)",
    };
}
