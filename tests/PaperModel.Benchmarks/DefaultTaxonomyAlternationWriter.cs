using System.Text.RegularExpressions;
using PaperModel.Classification;
using PaperModel.Testing;

namespace PaperModel.Benchmarks;

/// <summary>Rewrites the pattern constant of <c>DefaultTaxonomyAlternation.cs</c> from the default taxonomy.</summary>
internal static partial class DefaultTaxonomyAlternationWriter
{
    public static void Write()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "PaperModel.Benchmarks", "DefaultTaxonomyAlternation.cs");
        var pattern = new ClassifyBaselines(Taxonomy.LoadFile(RepoPaths.DefaultTaxonomy)).AlternationPattern;
        var source = File.ReadAllText(path);
        var literal = "@\"" + pattern.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        File.WriteAllText(path, PatternLine().Replace(source, m => m.Groups[1].Value + literal + ";", 1));
        Console.WriteLine($"Wrote {path} ({pattern.Length:N0} characters of pattern).");
    }

    [GeneratedRegex("""(public const string Pattern = )@"(?:[^"]|"")*";""")]
    private static partial Regex PatternLine();
}
