using Microsoft.CodeAnalysis;
using PaperModel.Classification;
using PaperModel.Common.Taxonomy;

namespace PaperModel.Generators.Tests;

/// <summary>
/// Broken taxonomy files give PM diagnostics with exact ids, lines and columns, never a crash; files with only warnings
/// still generate code that compiles; and the runtime reports the same problems as the compiler.
/// </summary>
public class DiagnosticTests
{
    private const string Path = "/project/Data/broken.taxonomy.json";

    [Theory]
    [MemberData(nameof(BrokenTaxonomies.Names), MemberType = typeof(BrokenTaxonomies))]
    public void Broken_file_gives_exact_diagnostics_and_no_crash(string name)
    {
        var (json, expected) = BrokenTaxonomies.Get(name);

        var outcome = GeneratorHarness.Run(json, Path).ShouldNotHaveCrashed();

        outcome.Positions.Should().Equal(expected, "every problem is reported once, at its token");
        outcome.Result.Diagnostics.Should().OnlyContain(d => d.Location.GetLineSpan().Path == Path);
        var hasErrors = outcome.Result.Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error);
        if (hasErrors)
        {
            outcome.Sources.Should().BeEmpty("a file with errors generates no code");
        }
        else
        {
            outcome.Sources.Should().ContainSingle();
            outcome.ShouldCompileCleanly();
        }
    }

    [Theory]
    [MemberData(nameof(BrokenTaxonomies.Names), MemberType = typeof(BrokenTaxonomies))]
    public void Runtime_load_reports_the_same_problems_as_the_generator(string name)
    {
        var (json, _) = BrokenTaxonomies.Get(name);
        var generator = GeneratorHarness.Run(json, Path).Result.Diagnostics
            .Where(static d => string.CompareOrdinal(d.Id, TaxonomyProblemCodes.InvalidIdentifier) < 0)
            .Select(static d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1, d.GetMessage(), d.Severity == DiagnosticSeverity.Error));

        var loaded = Taxonomy.TryParse(json, Path, out var taxonomy, out var problems);

        problems.Select(static p => (p.Code, p.Line, p.Column, p.Message, p.Severity == ProblemSeverity.Error)).Should().Equal(generator);
        loaded.Should().Be(!problems.Any(static p => p.Severity == ProblemSeverity.Error));
        (taxonomy is not null).Should().Be(loaded);
    }

    [Fact]
    public void Messages_name_the_offending_id_and_phrase()
    {
        var (json, _) = BrokenTaxonomies.Get("two ids give one name");

        var diagnostic = GeneratorHarness.Run(json, Path).Result.Diagnostics.Should().ContainSingle().Subject;

        diagnostic.GetMessage().Should().Be("Topic 'gpt4' becomes the C# name 'Gpt4', which is already the name of topic 'gpt-4'; set 'memberName' on the topic or change the id");
        diagnostic.Descriptor.HelpLinkUri.Should().EndWith("/docs/diagnostics/PM0021.md");
        diagnostic.Location.GetLineSpan().Span.End.Character.Should().Be(diagnostic.Location.GetLineSpan().Span.Start.Character + "\"gpt4\"".Length);
    }

    [Fact]
    public void A_star_that_is_not_a_word_gap_is_an_error_spanning_the_phrase()
    {
        const string Json = "{ \"name\": \"t\", \"version\": \"1\",\n  \"topics\": [ { \"id\": \"moe\", \"name\": \"MoE\", \"keywords\": [\"* experts\"] } ] }";

        var outcome = GeneratorHarness.Run(Json, Path).ShouldNotHaveCrashed();

        var diagnostic = outcome.Result.Diagnostics.Should().ContainSingle().Subject;
        (diagnostic.Id, diagnostic.Severity).Should().Be(("PM0014", DiagnosticSeverity.Error));
        diagnostic.GetMessage().Should().Be("Phrase '* experts' of topic 'moe' has a '*' that is not a word gap: there is no word before it; a word gap is a lone '*' with white space on both sides, between two words (for example 'mixture of * experts')");
        diagnostic.Descriptor.HelpLinkUri.Should().EndWith("/docs/diagnostics/PM0014.md");
        var span = diagnostic.Location.GetLineSpan();
        (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1).Should().Be((2, Json.Split('\n')[1].IndexOf("\"* experts\"", StringComparison.Ordinal) + 1), "the position is the phrase's string");
        span.EndLinePosition.Character.Should().Be(span.StartLinePosition.Character + "\"* experts\"".Length);
        outcome.Sources.Should().BeEmpty("a file with errors generates no code");
    }

    [Fact]
    public void Unreadable_file_is_a_diagnostic()
    {
        var driver = GeneratorHarness.CreateDriver([new UnreadableAdditionalText("/p/gone.taxonomy.json")]);

        var outcome = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation()).ShouldNotHaveCrashed();

        var diagnostic = outcome.Result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be("PM0002");
        diagnostic.GetMessage().Should().Be("The taxonomy file 'gone.taxonomy.json' cannot be read: the compiler could not read it");
        diagnostic.Location.GetLineSpan().Path.Should().Be("/p/gone.taxonomy.json");
    }

    [Theory]
    [InlineData("PaperModel_Visibility", "private", "Invalid visibility 'private' (from MSBuild property PaperModel_Visibility): expected 'public' or 'internal'")]
    [InlineData("PaperModel_ClassName", "2Topics", "Invalid class name '2Topics' (from MSBuild property PaperModel_ClassName): it starts with a digit")]
    [InlineData("PaperModel_Namespace", "A..B", "Invalid namespace 'A..B' (from MSBuild property PaperModel_Namespace): '': it is empty")]
    [InlineData("RootNamespace", "My.event", "Invalid namespace 'My.event' (from MSBuild property RootNamespace): 'event': it is a C# keyword")]
    public void Bad_msbuild_option_is_a_diagnostic_on_the_file(string property, string value, string message)
    {
        var options = new TestOptionsProvider(new Dictionary<string, string> { [property] = value });

        var outcome = GeneratorHarness.Run(Valid, "/p/ok.taxonomy.json", options).ShouldNotHaveCrashed();

        var diagnostic = outcome.Result.Diagnostics.Should().ContainSingle().Subject;
        (diagnostic.Id, diagnostic.GetMessage()).Should().Be(("PM0022", message));
        diagnostic.Location.GetLineSpan().Path.Should().Be("/p/ok.taxonomy.json");
        outcome.Sources.Should().BeEmpty();
    }

    [Fact]
    public void Two_files_generating_one_class_are_reported_on_the_second()
    {
        var driver = GeneratorHarness.CreateDriver(
        [
            new InMemoryAdditionalText("/p/b/topics.taxonomy.json", Valid),
            new InMemoryAdditionalText("/p/a/topics.taxonomy.json", Valid),
        ]);

        var outcome = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation()).ShouldNotHaveCrashed().ShouldCompileCleanly();

        var diagnostic = outcome.Result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be("PM0023");
        diagnostic.Location.GetLineSpan().Path.Should().Be("/p/b/topics.taxonomy.json");
        diagnostic.GetMessage().Should().Be("The taxonomy would generate 'Topics', which 'topics.taxonomy.json' already generates; set 'className' or 'namespace' in one of the files");
        outcome.Sources.Select(static s => s.HintName).Should().Equal("Topics.g.cs");
    }

    [Fact]
    public void A_duplicate_class_is_reported_at_the_class_name_that_chose_it()
    {
        const string Named = "{\n  \"name\": \"t\",\n  \"version\": \"1\",\n    \"className\": \"MlTopics\",\n  \"topics\": [ { \"id\": \"a\", \"name\": \"A\" } ]\n}";
        var driver = GeneratorHarness.CreateDriver(
        [
            new InMemoryAdditionalText("/p/a/ml.taxonomy.json", Named),
            new InMemoryAdditionalText("/p/b/ml.taxonomy.json", Named),
        ]);

        var outcome = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation()).ShouldNotHaveCrashed();

        var diagnostic = outcome.Result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be("PM0023");
        var span = diagnostic.Location.GetLineSpan();
        span.Path.Should().Be("/p/b/ml.taxonomy.json");
        (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1).Should().Be((4, 18), "the className value is on line 4, column 18");
    }

    [Fact]
    public void Every_descriptor_has_a_doc_page_a_readme_row_and_a_release_tracking_row()
    {
        var docs = System.IO.Path.Combine(Testing.RepoPaths.Root, "docs", "diagnostics");
        var readme = File.ReadAllText(System.IO.Path.Combine(docs, "README.md"));
        var releases = File.ReadAllText(System.IO.Path.Combine(Testing.RepoPaths.Root, "generators", "PaperModel.Generators", "AnalyzerReleases.Unshipped.md"));

        DiagnosticDescriptors.All.Select(static d => d.Id).Should().Equal(TaxonomyProblemCodes.All.Select(static p => p.Code));
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var page = System.IO.Path.Combine(docs, descriptor.Id + ".md");
            File.Exists(page).Should().BeTrue(descriptor.Id);
            File.ReadAllText(page).Should().StartWith($"# {descriptor.Id}: {descriptor.Title}");
            readme.Should().Contain($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.DefaultSeverity} |");
            releases.Should().Contain($"{descriptor.Id} | {DiagnosticDescriptors.Category} | {descriptor.DefaultSeverity} |");
            descriptor.HelpLinkUri.Should().EndWith($"docs/diagnostics/{descriptor.Id}.md");
            TaxonomyProblemCodes.SeverityOf(descriptor.Id).ToString().Should().Be(descriptor.DefaultSeverity.ToString());
        }

        var rows = System.Text.RegularExpressions.Regex.Matches(releases, @"^(PM\d{4}) \|", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(static m => m.Groups[1].Value);
        rows.Should().Equal(DiagnosticDescriptors.All.Select(static d => d.Id), "AnalyzerReleases.Unshipped.md lists every descriptor once, in id order");
    }

    private const string Valid = """{ "name": "t", "version": "1", "topics": [ { "id": "a", "name": "A" } ] }""";
}
