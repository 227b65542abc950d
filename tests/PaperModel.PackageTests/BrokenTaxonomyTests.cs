using System.Text.RegularExpressions;
using PaperModel.Generators.Tests;
using PaperModel.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace PaperModel.PackageTests;

/// <summary>
/// A consumer project of the packed package with every broken taxonomy file of the generator tests
/// (<c>BrokenTaxonomies</c>, linked here): the real build reports each expected PM diagnostic at its file, line and
/// column, and the generator never crashes (no AD0001, no CS8785).
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed partial class BrokenTaxonomyTests(PackedPackages packages, ITestOutputHelper output)
{
    [Fact]
    public void Broken_taxonomy_files_fail_the_consumer_build_with_located_PM_diagnostics_and_no_crash()
    {
        var app = packages.NewProjectDirectory("app-broken");
        File.WriteAllText(
            Path.Combine(app, "app.csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PaperModel" Version="{packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), "Console.WriteLine(\"built\");\n");
        var expected = new HashSet<(string File, string Code, int Line, int Column)>();
        var names = BrokenTaxonomies.Cases.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            // Each file generates its own class (named after the file), so files never clash with each other.
            var file = $"case{i:D2}.taxonomy.json";
            var (json, positions) = BrokenTaxonomies.Get(names[i]);
            File.WriteAllText(Path.Combine(app, file), json);
            expected.UnionWith(positions.Select(p => (file, p.Code, p.Line, p.Column)));
        }

        var result = packages.Consumer(app, "build", "-c", "Release", "--disable-build-servers");
        output.WriteLine(result.Output);

        result.ExitCode.Should().NotBe(0, "the files have errors");
        result.Output.Should().NotContain("AD0001").And.NotContain("CS8785", "the generator never throws into the compiler");
        result.Output.Should().NotContain("error CS", "a file with errors generates no code, and the app does not use any");
        var reported = DiagnosticLine().Matches(result.Output)
            .Select(static m => (Path.GetFileName(m.Groups["file"].Value), m.Groups["code"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToHashSet();
        reported.Should().BeEquivalentTo(expected, $"each of the {names.Count} files reports its problems at their tokens");
    }

    [GeneratedRegex(@"(?<file>[^\s:]+\.taxonomy\.json)\((?<line>\d+),(?<column>\d+)\): (?:error|warning) (?<code>PM\d{4}):")]
    private static partial Regex DiagnosticLine();
}
