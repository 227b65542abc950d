using PaperModel.Testing;

namespace PaperModel.PackageTests.Infrastructure;

/// <summary>The hand-made labels of the sample Daily Papers page (<c>samples/seed-labels.tsv</c>).</summary>
internal static class SeedLabels
{
    /// <summary>The titles of the page's papers, in page order.</summary>
    public static IReadOnlyList<string> Titles { get; } = Rows().Select(static r => r[4]).ToArray();

    /// <summary>The headline topics each paper must be assigned (the <c>must</c> column), in page order.</summary>
    public static IReadOnlyList<string[]> MustTopics { get; } =
        Rows().Select(static r => r[1].Split(',', StringSplitOptions.RemoveEmptyEntries)).ToArray();

    /// <summary>The rows after the header: <c>n, must, may, other, title</c>.</summary>
    private static IEnumerable<string[]> Rows() =>
        File.ReadLines(RepoPaths.SeedLabels).Skip(1).Where(static l => l.Length > 0).Select(static l => l.Split('\t'));
}
