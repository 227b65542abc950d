using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PaperModel.Generators;

namespace PaperModel.Benchmarks;

/// <summary>Runs the taxonomy generator in process, the way the compiler does, on one taxonomy file.</summary>
public sealed class GeneratorRun
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(static p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(static p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(PaperModel.Classification.Taxonomy).Assembly.Location),
    ]);

    private readonly CSharpCompilation _compilation = CSharpCompilation.Create(
        "Consumer",
        [CSharpSyntaxTree.ParseText("namespace App; public static class Program { }", ParseOptions)],
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));

    private readonly AdditionalText _file;

    /// <summary>Prepares a run on <paramref name="json"/>.</summary>
    public GeneratorRun(string json) => _file = new Text("/project/synthetic.taxonomy.json", json);

    /// <summary>A driver that has generated once, ready for an incremental re-run.</summary>
    public GeneratorDriver Warm { get; private set; } = null!;

    /// <summary>Generates from scratch (a new driver, as a clean build does) and returns the size of the source.</summary>
    public long Generate()
    {
        Warm = CreateDriver().RunGenerators(_compilation);
        return Warm.GetRunResult().Results.Sum(static r => r.GeneratedSources.Sum(static s => (long)s.SourceText.Length));
    }

    /// <summary>
    /// Re-runs the warm driver after an unrelated C# edit; returns how many generator steps ran again (anything other
    /// than cached or unchanged), which must be 0.
    /// </summary>
    public long RerunAfterUnrelatedEdit()
    {
        var edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class Other { }", ParseOptions));
        var result = Warm.RunGenerators(edited).GetRunResult();
        return result.Results.SelectMany(static r => r.TrackedSteps.Values.SelectMany(static s => s).Concat(r.TrackedOutputSteps.Values.SelectMany(static s => s)))
            .SelectMany(static step => step.Outputs)
            .Count(static o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    /// <summary>
    /// Generates, then compiles the consumer with the generated code to an assembly (what the generated code adds to a
    /// build, without MSBuild's fixed costs); returns the seconds the compilation took, or throws if it has errors.
    /// </summary>
    public double CompileSeconds()
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var assembly = new MemoryStream();
        var emit = output.Emit(assembly);
        var seconds = watch.Elapsed.TotalSeconds;
        return emit.Success
            ? seconds
            : throw new InvalidOperationException("The generated code does not compile: " + string.Join("; ", emit.Diagnostics.Take(3)));
    }

    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new TaxonomyGenerator().AsSourceGenerator()],
        [_file],
        ParseOptions,
        optionsProvider: null,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
