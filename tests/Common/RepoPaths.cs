namespace PaperModel.Testing;

/// <summary>Locates the repository and its sample data from a test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder holding PaperModel.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The samples folder shipped in the repository.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>A file under <c>samples/</c>.</summary>
    public static string Sample(string relative) => Path.Combine(Samples, relative);

    /// <summary>The real Daily Papers page copy.</summary>
    public static string DailyPapersPage => Sample("hf-daily-papers.txt");

    /// <summary>The labels of the real Daily Papers page.</summary>
    public static string SeedLabels => Sample("seed-labels.tsv");

    /// <summary>The built-in default taxonomy file.</summary>
    public static string DefaultTaxonomy => Path.Combine(Root, "src", "PaperModel", "Taxonomies", "default.taxonomy.json");

    /// <summary>Titles from curated reading lists with their headline topics (<c>tests/data/reading-lists.tsv</c>).</summary>
    public static string ReadingLists => Path.Combine(Root, "tests", "data", "reading-lists.tsv");

    /// <summary>
    /// The development part of an independently labelled set of conference papers (labels, title, abstract, venue),
    /// kept beside the repository in <c>../shared/data/eval-dev.tsv</c>, not in it.
    /// </summary>
    public static string EvalDev => Path.Combine(Root, "..", "shared", "data", "eval-dev.tsv");

    /// <summary>A real sample of an input format under <c>samples/formats/</c>.</summary>
    public static string Format(string fileName) => Path.Combine(Samples, "formats", fileName);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperModel.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PaperModel.sln not found above " + AppContext.BaseDirectory);
    }
}
