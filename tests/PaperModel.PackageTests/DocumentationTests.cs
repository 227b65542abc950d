using System.Text.RegularExpressions;
using PaperModel.Testing;

namespace PaperModel.PackageTests;

/// <summary>The repository's Markdown documentation: links resolve and the diagnostics index matches its pages.</summary>
public sealed partial class DocumentationTests
{
    public static TheoryData<string> MarkdownFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(RepoPaths.Root, "README.md"))
            .Append(Path.Combine(RepoPaths.Root, "CHANGELOG.md"))
            .Select(static f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal))
        {
            files.Add(file);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Relative_links_point_to_existing_files(string file)
    {
        var path = Path.Combine(RepoPaths.Root, file);
        var broken = LinkPattern().Matches(File.ReadAllText(path))
            .Select(static m => m.Groups["target"].Value)
            .Where(static t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#') && !t.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(static t => t.Split('#')[0])
            .Where(t => !File.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)) && !Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)))
            .ToList();

        broken.Should().BeEmpty($"every relative link in {file} should resolve");
    }

    [Fact]
    public void Diagnostics_index_lists_every_page_once_in_order()
    {
        var folder = Path.Combine(RepoPaths.Root, "docs", "diagnostics");
        var pages = Directory.GetFiles(folder, "PM*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var rows = IndexRowPattern().Matches(File.ReadAllText(Path.Combine(folder, "README.md"))).Select(static m => m.Groups["code"].Value).ToList();

        pages.Should().NotBeEmpty();
        rows.Should().Equal(pages, "docs/diagnostics/README.md has one row per page, sorted by code");
    }

    // The library's codes are tables (ReadProblems, TaxonomyProblemCodes), checked against their pages by
    // ProblemDocumentationTests; the command line writes its few codes as literals, checked here.
    [Fact]
    public void Every_problem_code_the_command_line_reports_has_a_page()
    {
        var codes = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "PaperModel.Cli"), "*.cs", SearchOption.AllDirectories)
            .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(static f => CodePattern().Matches(File.ReadAllText(f)).Select(static m => m.Groups["code"].Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        codes.Should().NotBeEmpty();
        codes.Where(static c => !File.Exists(Path.Combine(RepoPaths.Root, "docs", "diagnostics", c + ".md")))
            .Should().BeEmpty("every PMxxxx code the command line reports is documented in docs/diagnostics/");
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^\|\s*\[(?<code>PM\d{4})\]\(\k<code>\.md\)", RegexOptions.Multiline)]
    private static partial Regex IndexRowPattern();

    [GeneratedRegex("\"(?<code>PM\\d{4})\"")]
    private static partial Regex CodePattern();
}
