using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PaperModel.Classification;

namespace PaperModel.Generators.Tests;

/// <summary>Runs <see cref="TaxonomyGenerator"/> the way the compiler does: on a compilation, with additional files and MSBuild options.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(static p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(static p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(Taxonomy).Assembly.Location),
    ]);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, TestOptionsProvider? options = null) =>
        CSharpGeneratorDriver.Create(
            [new TaxonomyGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            options ?? new TestOptionsProvider(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on one taxonomy file and compiles the result.</summary>
    public static GeneratorOutcome Run(string json, string path = "/project/Topics.taxonomy.json", TestOptionsProvider? options = null, params string[] sources)
    {
        var driver = CreateDriver([new InMemoryAdditionalText(path, json)], options);
        return Run(driver, CreateCompilation(sources));
    }

    public static GeneratorOutcome Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var result = driver.GetRunResult();
        return new GeneratorOutcome(driver, result, output, driverDiagnostics);
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutcome(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    /// <summary>The generator's own diagnostics, as (id, 1-based line, 1-based column) in their file.</summary>
    public IEnumerable<(string Id, int Line, int Column)> Positions =>
        Result.Diagnostics.Select(static d =>
        {
            var span = d.Location.GetLineSpan();
            return (d.Id, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        });

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    /// <summary>
    /// Fails if the generator threw (CS8785, an exception on the result) or an analyzer crashed (AD0001): a
    /// broken taxonomy must give PM diagnostics, never a crash.
    /// </summary>
    public GeneratorOutcome ShouldNotHaveCrashed()
    {
        Result.Results.Single().Exception.Should().BeNull();
        DriverDiagnostics.Select(static d => d.Id).Should().NotContain(["CS8785", "AD0001"]);
        Result.Diagnostics.Where(static d => !d.Id.StartsWith("PM", StringComparison.Ordinal)).Should().BeEmpty();
        return this;
    }

    /// <summary>Fails if the compilation including the generated code has errors or warnings.</summary>
    public GeneratorOutcome ShouldCompileCleanly()
    {
        Output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
        return this;
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>An additional file whose text cannot be read (<see cref="AdditionalText.GetText"/> returns null).</summary>
internal sealed class UnreadableAdditionalText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
}

/// <summary>MSBuild properties (<c>build_property.*</c>) and per-file metadata (<c>build_metadata.AdditionalFiles.*</c>), as the SDK passes them.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string>? properties = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? metadataByPath = null)
    : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(
        (properties ?? new Dictionary<string, string>()).ToDictionary(static p => "build_property." + p.Key, static p => p.Value));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        metadataByPath is not null && metadataByPath.TryGetValue(textFile.Path, out var metadata)
            ? new DictionaryOptions(metadata.ToDictionary(static p => "build_metadata.AdditionalFiles." + p.Key, static p => p.Value))
            : DictionaryOptions.Empty;

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new([]);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}

/// <summary>Loads a compiled consumer assembly to run code that uses generated topics.</summary>
internal static class CompiledAssembly
{
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        emit.Success.Should().BeTrue(string.Join("\n", emit.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }
}
