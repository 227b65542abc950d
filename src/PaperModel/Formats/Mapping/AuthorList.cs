using System.Text;

namespace PaperModel.Formats;

/// <summary>
/// Splits a free-text author list as typed on arXiv (<c>A. Smith (MIT), B. Jones and C. Lee</c>) into authors:
/// separators are commas and the word <c>and</c> outside parentheses; a parenthesised group after a name becomes
/// its affiliation; <c>et al</c> is dropped.
/// </summary>
internal static class AuthorList
{
    public static IReadOnlyList<Author> Parse(string? text)
    {
        if (text is null)
        {
            return [];
        }

        var authors = new List<Author>();
        var normalized = InputText.NormalizeWhitespace(text);
        var name = new StringBuilder();
        var affiliation = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '(')
            {
                if (depth++ > 0)
                {
                    affiliation.Append(c);
                }
                else if (affiliation.Length > 0)
                {
                    affiliation.Append("; ");
                }

                continue;
            }

            if (c == ')' && depth > 0)
            {
                if (--depth > 0)
                {
                    affiliation.Append(c);
                }

                continue;
            }

            if (depth > 0)
            {
                affiliation.Append(c);
                continue;
            }

            if (c == ',' || IsAndSeparator(normalized, i))
            {
                Add(authors, name, affiliation);
                if (c != ',')
                {
                    i += 3;
                }

                continue;
            }

            name.Append(c);
        }

        Add(authors, name, affiliation);
        return authors;
    }

    // " and " between two names (at i is the space before "and").
    private static bool IsAndSeparator(string s, int i) =>
        s[i] == ' ' && i + 5 <= s.Length && string.CompareOrdinal(s, i, " and ", 0, 5) == 0;

    private static void Add(List<Author> authors, StringBuilder name, StringBuilder affiliation)
    {
        var n = InputText.NormalizeWhitespace(name.ToString());
        var a = InputText.NormalizeOptional(affiliation.ToString());
        name.Clear();
        affiliation.Clear();
        if (n.Length == 0 || n.Equals("et al", StringComparison.OrdinalIgnoreCase) || n.Equals("et al.", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        authors.Add(new Author(n, a));
    }
}
