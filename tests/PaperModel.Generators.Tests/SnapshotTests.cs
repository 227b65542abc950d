using PaperModel.Testing;

namespace PaperModel.Generators.Tests;

/// <summary>
/// The generated source for real taxonomy files, compared with committed <c>Snapshots/*.approved.cs</c> files (reviewed like
/// code). Each run also checks the output compiles without warnings and that a second run is fully cached.
/// </summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("small")]
    [InlineData("nested")]
    public void Generated_source_matches_the_approved_file(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "PaperModel.Generators.Tests", "Taxonomies", name + ".taxonomy.json");
        var options = new TestOptionsProvider(new Dictionary<string, string> { ["RootNamespace"] = "Consumer.App" });

        var outcome = GeneratorHarness.Run(File.ReadAllText(path), path, options).ShouldNotHaveCrashed().ShouldCompileCleanly();

        outcome.Result.Diagnostics.Should().BeEmpty();
        var source = outcome.Sources.Should().ContainSingle().Subject;
        source.HintName.Should().Be(name == "small" ? "Consumer.App.Small.g.cs" : "Research.Taxonomy.Topics.g.cs");
        var text = source.SourceText.ToString();
        text.Should().NotContain("\r", "generated code uses \\n line endings on every OS");
        Approvals.Verify(
            text.Replace($"\"{TaxonomyEmitter.GeneratorVersion}\"", "\"FIXED_VERSION\"", StringComparison.Ordinal),
            Path.Combine("tests", "PaperModel.Generators.Tests", "Snapshots", $"{name}.approved.cs"));
    }
}
