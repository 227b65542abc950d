using System.Text.RegularExpressions;
using PaperModel.Common.Taxonomy;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests;

/// <summary>The two problem tables (reading, taxonomy) against their pages in <c>docs/diagnostics/</c>.</summary>
public sealed partial class ProblemDocumentationTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "docs", "diagnostics");

    public static TheoryData<string, string, string> Codes()
    {
        var codes = new TheoryData<string, string, string>();
        foreach (var group in ReadProblems.All.GroupBy(static p => p.Code))
        {
            codes.Add(group.Key, group.First().Title, string.Join(" or ", group.Select(static p => p.Severity.ToString()).Distinct()));
        }

        foreach (var problem in TaxonomyProblemCodes.All)
        {
            codes.Add(problem.Code, problem.Title, problem.Severity.ToString());
        }

        return codes;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_its_page_titled_as_the_table_says_and_an_index_row(string code, string title, string severities)
    {
        var page = Path.Combine(Folder, code + ".md");

        File.Exists(page).Should().BeTrue($"{code} is in a problem table");
        File.ReadLines(page).First().Should().Be($"# {code}: {title}");
        var row = IndexRow().Matches(File.ReadAllText(Path.Combine(Folder, "README.md"))).SingleOrDefault(m => m.Groups["code"].Value == code);
        row.Should().NotBeNull($"docs/diagnostics/README.md lists {code}");
        severities.Split(" or ").Should().Contain(row!.Groups["severity"].Value);
    }

    [Fact]
    public void Descriptors_of_one_code_share_its_title()
    {
        ReadProblems.All.GroupBy(static p => p.Code).Where(static g => g.Select(static p => p.Title).Distinct().Count() > 1)
            .Select(static g => g.Key).Should().BeEmpty();
        ReadProblems.All.Should().OnlyHaveUniqueItems();
        TaxonomyProblemCodes.All.Select(static p => p.Code).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\|\s*\[(?<code>PM\d{4})\]\(\k<code>\.md\)\s*\|\s*(?<severity>\w+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex IndexRow();
}
