using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PaperModel.Common;
using PaperModel.Generators.Model;

namespace PaperModel.Generators.Tests;

/// <summary>
/// The pipeline caches: an unrelated C# edit re-runs nothing, editing one of two taxonomy files re-runs only that file's
/// steps, and no step carries symbols, syntax, compilations, additional texts or bare arrays.
/// </summary>
public class CachingTests
{
    private const string First = """{ "name": "one", "version": "1", "className": "One", "topics": [ { "id": "a", "name": "A", "keywords": ["alpha"] } ] }""";
    private const string Second = """{ "name": "two", "version": "1", "className": "Two", "topics": [ { "id": "b", "name": "B", "children": [ { "id": "c", "name": "C" } ] } ] }""";

    /// <summary>Every tracked step name, found by reflection so a new step cannot be forgotten here.</summary>
    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.IsLiteral)
        .Select(static f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Unrelated_csharp_edit_reruns_nothing()
    {
        var driver = GeneratorHarness.CreateDriver(
            [new InMemoryAdditionalText("/p/one.taxonomy.json", First), new InMemoryAdditionalText("/p/two.taxonomy.json", Second)]);
        var compilation = GeneratorHarness.CreateCompilation("namespace App; public class Program { }");
        var first = GeneratorHarness.Run(driver, compilation).ShouldNotHaveCrashed().ShouldCompileCleanly();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class Other { }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.Run(first.Driver, edited).ShouldNotHaveCrashed().ShouldCompileCleanly();

        var run = second.Result.Results.Single();
        run.TrackedSteps.Keys.Should().Contain(StepNames);
        foreach (var name in StepNames)
        {
            run.TrackedSteps[name].SelectMany(static s => s.Outputs).Select(static o => o.Reason)
                .Should().OnlyContain(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, name);
        }

        run.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs)
            .Should().NotBeEmpty().And.OnlyContain(static o => o.Reason == IncrementalStepRunReason.Cached);
        second.Sources.Select(static s => s.SourceText.ToString()).Should().Equal(first.Sources.Select(static s => s.SourceText.ToString()));
    }

    [Fact]
    public void Editing_one_taxonomy_regenerates_only_its_output()
    {
        var one = new InMemoryAdditionalText("/p/one.taxonomy.json", First);
        var two = new InMemoryAdditionalText("/p/two.taxonomy.json", Second);
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver([one, two]), compilation);

        var editedTwo = new InMemoryAdditionalText(two.Path, Second.Replace("\"C\"", "\"Child C\"", StringComparison.Ordinal));
        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(two, editedTwo), compilation).ShouldNotHaveCrashed().ShouldCompileCleanly();

        var run = second.Result.Results.Single();
        ReasonsByPath(run, TrackingNames.ParsedTaxonomy, static (ParsedTaxonomy m) => m.Path).Should().BeEquivalentTo(new Dictionary<string, IncrementalStepRunReason>
        {
            [one.Path] = IncrementalStepRunReason.Cached,
            [two.Path] = IncrementalStepRunReason.Modified,
        });
        ReasonsByPath(run, TrackingNames.GenerationModel, static (GenerationModel m) => m.Path).Should().BeEquivalentTo(new Dictionary<string, IncrementalStepRunReason>
        {
            [one.Path] = IncrementalStepRunReason.Cached,
            [two.Path] = IncrementalStepRunReason.Modified,
        });
        ReasonsByPath(run, TrackingNames.FinalModel, static (GenerationModel m) => m.Path)[one.Path].Should().Be(IncrementalStepRunReason.Cached);
        run.TrackedSteps[TrackingNames.ClassNames].SelectMany(static s => s.Outputs).Single().Reason.Should().BeOneOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);

        run.TrackedSteps[TrackingNames.SourceModel].SelectMany(static s => s.Outputs)
            .Select(static o => (((TaxonomyClassModel)o.Value).ClassName, o.Reason))
            .Should().Equal(("One", IncrementalStepRunReason.Cached), ("Two", IncrementalStepRunReason.Modified));

        // Four outputs: the source and the diagnostics of each file. Only two's source is produced again.
        run.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs).Select(static o => o.Reason)
            .Should().BeEquivalentTo([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.New]);
        second.Sources.Single(static s => s.HintName == "Two.g.cs").SourceText.ToString().Should().Contain("Child C");
    }

    [Fact]
    public void Changing_an_msbuild_option_reruns_the_model_and_the_output()
    {
        var file = new InMemoryAdditionalText("/p/one.taxonomy.json", First);
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver([file]), compilation);

        var options = new TestOptionsProvider(new Dictionary<string, string> { ["PaperModel_Visibility"] = "public" });
        var second = GeneratorHarness.Run(first.Driver.WithUpdatedAnalyzerConfigOptions(options), compilation).ShouldNotHaveCrashed();

        var run = second.Result.Results.Single();
        run.TrackedSteps[TrackingNames.ParsedTaxonomy].SelectMany(static s => s.Outputs).Single().Reason.Should().Be(IncrementalStepRunReason.Cached);
        run.TrackedSteps[TrackingNames.GlobalOptions].SelectMany(static s => s.Outputs).Single().Reason.Should().Be(IncrementalStepRunReason.Modified);
        run.TrackedSteps[TrackingNames.GenerationModel].SelectMany(static s => s.Outputs).Single().Reason.Should().Be(IncrementalStepRunReason.Modified);
        second.Sources.Single().SourceText.ToString().Should().Contain("public static partial class One");
    }

    [Fact]
    public void Step_outputs_hold_only_equatable_values()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.CreateDriver(
            [new InMemoryAdditionalText("/p/one.taxonomy.json", First), new InMemoryAdditionalText("/p/bad.taxonomy.json", "{ \"name\": 1 }")]),
            GeneratorHarness.CreateCompilation()).Result.Results.Single();

        foreach (var name in StepNames.Where(static n => n != TrackingNames.TaxonomyFiles))
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(static s => s.Outputs))
            {
                AssertObjectGraph(output.Value, name, []);
            }
        }

        // The only step that passes the compiler's own objects along is the file filter, which the caching tests cover.
        result.TrackedSteps[TrackingNames.TaxonomyFiles].SelectMany(static s => s.Outputs).Select(static o => o.Value)
            .Should().AllBeAssignableTo<AdditionalText>();
    }

    [Fact]
    public void Equatable_array_compares_by_content()
    {
        var a = new EquatableArray<string>(["x", "y"]);
        var b = new EquatableArray<string>(["x", "y"]);

        a.Equals(b).Should().BeTrue();
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Equals(new EquatableArray<string>(["y", "x"])).Should().BeFalse();
        EquatableArray<string>.Empty.Equals(new EquatableArray<string>([])).Should().BeTrue();
    }

    private static Dictionary<string, IncrementalStepRunReason> ReasonsByPath<T>(GeneratorRunResult run, string step, Func<T, string> path) =>
        run.TrackedSteps[step].SelectMany(static s => s.Outputs).ToDictionary(o => path((T)o.Value), static o => o.Reason);

    /// <summary>Walks a step output and fails on anything that compares by reference or pins a compilation.</summary>
    private static void AssertObjectGraph(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        var type = value.GetType();
        value.Should().NotBeAssignableTo<Compilation>(step)
            .And.NotBeAssignableTo<ISymbol>(step)
            .And.NotBeAssignableTo<SyntaxNode>(step)
            .And.NotBeAssignableTo<SyntaxTree>(step)
            .And.NotBeAssignableTo<SemanticModel>(step)
            .And.NotBeAssignableTo<AdditionalText>(step)
            .And.NotBeAssignableTo<AnalyzerConfigOptions>(step)
            .And.NotBeAssignableTo<Diagnostic>(step)
            .And.NotBeAssignableTo<Location>(step);

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            foreach (var item in (IEnumerable)value)
            {
                AssertObjectGraph(item, step, visited);
            }

            return;
        }

        value.Should().NotBeAssignableTo<IEnumerable>($"{step} holds a {type.Name}, which does not compare by content; use EquatableArray");
        type.GetInterfaces().Should().Contain(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>), $"{type.Name} in {step} must be equatable");
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertObjectGraph(field.GetValue(value), step, visited);
        }
    }
}
