using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PaperModel.Generators.Tests;

namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>
/// The source generator, run the way the compiler runs it (a <see cref="GeneratorDriver"/> on a compilation with the
/// input as an additional <c>*.taxonomy.json</c> file): it must never throw into the compiler, and every diagnostic it
/// reports must be a PM diagnostic positioned in the taxonomy file.
/// </summary>
internal sealed class GeneratorTarget : FuzzTarget
{
    private const string FilePath = "/project/Fuzz.taxonomy.json";

    private readonly TaxonomyTarget _taxonomy = new();

    public override string Name => "generator";

    public override IReadOnlyList<byte[]> Seeds => _taxonomy.Seeds;

    public override IReadOnlyList<string> Tokens => _taxonomy.Tokens;

    public override int MaxHugeField => 64 * 1024;

    public override void Run(byte[] input, long caseNumber, Action<FindingKind, string> report)
    {
        GeneratorDriverRunResult result;
        System.Collections.Immutable.ImmutableArray<Diagnostic> driverDiagnostics;
        try
        {
            var driver = GeneratorHarness.CreateDriver([new BytesAdditionalText(FilePath, input)]);
            var outcome = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());
            result = outcome.Result;
            driverDiagnostics = outcome.DriverDiagnostics;
        }
        catch (Exception ex)
        {
            report(FindingKind.Escape, "the driver threw: " + Describe(ex));
            return;
        }

        if (result.Results.Single().Exception is { } exception)
        {
            report(FindingKind.Escape, "the generator threw: " + Describe(exception));
        }

        if (driverDiagnostics.FirstOrDefault(static d => d.Id is "CS8785" or "AD0001") is { } crash)
        {
            report(FindingKind.Escape, crash.ToString());
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            if (!diagnostic.Id.StartsWith("PM", StringComparison.Ordinal) || !span.IsValid || span.Path != FilePath)
            {
                report(FindingKind.Unlocated, diagnostic.ToString());
                return;
            }
        }
    }

    // An additional file as the compiler reads it from disk: bytes decoded by SourceText (byte order mark, UTF-8, fallback).
    private sealed class BytesAdditionalText(string path, byte[] bytes) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(new MemoryStream(bytes, writable: false));
    }
}
