using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

/// <summary>The real page copy and its labels, read independently of the reader under test.</summary>
internal static class DailyPageSample
{
    private static readonly Lazy<string> LazyText = new(() => File.ReadAllText(RepoPaths.DailyPapersPage));

    /// <summary>The page text as shipped.</summary>
    public static string Text => LazyText.Value;

    /// <summary>The page's lines.</summary>
    public static string[] Lines => Text.Split('\n');

    /// <summary>The 50 titles of the labels file, in page order.</summary>
    public static IReadOnlyList<string> LabelTitles { get; } = File.ReadAllLines(RepoPaths.SeedLabels)
        .Skip(1)
        .Where(static line => line.Length > 0)
        .Select(static line => line.Split('\t')[4])
        .ToList();

    /// <summary>
    /// The (title, abstract) pairs of the page taken straight from its layout: after the date line (line 11), the
    /// non-blank lines alternate title, abstract.
    /// </summary>
    public static IReadOnlyList<(string Title, string Abstract)> Pairs
    {
        get
        {
            var content = Lines.Skip(11).Where(static l => l.Trim().Length > 0).ToList();
            return Enumerable.Range(0, content.Count / 2).Select(i => (content[2 * i], content[(2 * i) + 1])).ToList();
        }
    }
}
