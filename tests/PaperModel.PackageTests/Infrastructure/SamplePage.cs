using PaperModel.Testing;

namespace PaperModel.PackageTests.Infrastructure;

/// <summary>The raw text of the sample Daily Papers page, for checks that must not go through the library's reader.</summary>
internal static class SamplePage
{
    private static readonly string[] Lines = File.ReadAllLines(RepoPaths.DailyPapersPage);

    /// <summary>The page text from a paper's title line up to the next labelled title (its title and abstract).</summary>
    /// <param name="title">A title from <see cref="SeedLabels.Titles"/>.</param>
    /// <returns>The text.</returns>
    public static string TextOf(string title)
    {
        var start = Array.IndexOf(Lines, title);
        if (start < 0)
        {
            throw new ArgumentException($"'{title}' is not a line of the sample page.", nameof(title));
        }

        var end = start + 1;
        while (end < Lines.Length && !SeedLabels.Titles.Contains(Lines[end]))
        {
            end++;
        }

        return string.Join('\n', Lines[start..end]);
    }
}
