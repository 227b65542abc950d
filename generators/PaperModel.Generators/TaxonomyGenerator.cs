using Microsoft.CodeAnalysis;
using PaperModel.Common;
using PaperModel.Common.Taxonomy;
using PaperModel.Generators.Model;
using C = PaperModel.Common.Taxonomy.TaxonomyProblemCodes;

namespace PaperModel.Generators;

/// <summary>
/// Turns each <c>*.taxonomy.json</c> additional file into a typed class of topics (see <c>docs/taxonomy-format.md</c>).
/// </summary>
/// <remarks>
/// Pipeline (step names in <see cref="TrackingNames"/>): each file is read and validated on its own by the shared
/// <see cref="TaxonomyReader"/>, then combined with its MSBuild metadata and the project options into an equatable
/// <see cref="GenerationModel"/>; only the generated class names are collected, to find two files generating the same
/// class. No step uses the compilation, so editing C# code never re-runs anything, and editing one taxonomy file
/// re-runs only that file's steps. Diagnostics travel as <see cref="DiagnosticInfo"/> values and are reported by a
/// separate output. Nothing escapes to the compiler except cancellation: an unexpected failure becomes PM0024.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class TaxonomyGenerator : IIncrementalGenerator
{
    /// <summary>The suffix that marks taxonomy files among the additional files.</summary>
    public const string FileSuffix = ".taxonomy.json";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase))
            .WithTrackingName(TrackingNames.TaxonomyFiles);

        var parsed = files
            .Select(static (file, cancellationToken) => Parse(file, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedTaxonomy);

        var fileOptions = files
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => TaxonomyFileOptions.Read(pair.Left.Path, pair.Right.GetOptions(pair.Left)))
            .WithTrackingName(TrackingNames.FileOptions)
            .Collect()
            .Select(static (all, _) => new EquatableArray<TaxonomyFileOptions>([.. all]));

        var globalOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GlobalOptions.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.GlobalOptions);

        var models = parsed
            .Combine(fileOptions)
            .Combine(globalOptions)
            .Select(static (input, cancellationToken) => BuildModel(input.Left.Left, input.Left.Right, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.GenerationModel);

        var classNames = models
            .Select(static (model, _) => model.Class is { } c ? new ClassName(c.FullName, model.Path) : null)
            .Collect()
            .Select(static (all, _) => new EquatableArray<ClassName>([.. all.Where(static n => n is not null).Select(static n => n!)]))
            .WithTrackingName(TrackingNames.ClassNames);

        var final = models
            .Combine(classNames)
            .Select(static (pair, _) => RejectDuplicateClass(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.FinalModel);

        context.RegisterSourceOutput(
            final.Select(static (model, _) => model.Class).WithTrackingName(TrackingNames.SourceModel),
            static (context, model) => Emit(context, model));

        context.RegisterSourceOutput(
            final.Select(static (model, _) => model.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (context, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                {
                    context.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });
    }

    private static ParsedTaxonomy Parse(AdditionalText file, CancellationToken cancellationToken)
    {
        var path = file.Path;
        try
        {
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                var unreadable = DiagnosticInfo.Create(C.FileUnreadable, path, TextPosition.Start, ClassModelBuilder.FileNameOf(path), "the compiler could not read it");
                return new ParsedTaxonomy(path, null, new EquatableArray<DiagnosticInfo>([unreadable]));
            }

            var result = TaxonomyReader.Read(text.ToString(), cancellationToken);
            var diagnostics = result.Problems.Select(p => DiagnosticInfo.From(p, path)).ToArray();
            return new ParsedTaxonomy(path, result.Taxonomy, new EquatableArray<DiagnosticInfo>(diagnostics));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ParsedTaxonomy(path, null, new EquatableArray<DiagnosticInfo>([Failure(path, ex)]));
        }
    }

    private static GenerationModel BuildModel(ParsedTaxonomy parsed, EquatableArray<TaxonomyFileOptions> fileOptions, GlobalOptions globalOptions, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var options = fileOptions.FirstOrDefault(o => o.Path == parsed.Path);
            return ClassModelBuilder.Build(parsed, options, globalOptions);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new GenerationModel(parsed.Path, new EquatableArray<DiagnosticInfo>([Failure(parsed.Path, ex)]));
        }
    }

    /// <summary>The first file (in ordinal path order) keeps a class name; later files generating it get PM0023 and no code.</summary>
    private static GenerationModel RejectDuplicateClass(GenerationModel model, EquatableArray<ClassName> names)
    {
        if (model.Class is not { } generated)
        {
            return model;
        }

        var owner = names
            .Where(n => n.FullName == generated.FullName)
            .OrderBy(static n => n.Path, StringComparer.Ordinal)
            .First();
        if (owner.Path == model.Path)
        {
            return model;
        }

        var duplicate = DiagnosticInfo.Create(C.DuplicateClass, model.Path, model.NamePosition, generated.FullName, ClassModelBuilder.FileNameOf(owner.Path));
        return model with { Class = null, Diagnostics = new EquatableArray<DiagnosticInfo>([.. model.Diagnostics, duplicate]) };
    }

    private static void Emit(SourceProductionContext context, TaxonomyClassModel? model)
    {
        if (model is null)
        {
            return;
        }

        string source;
        try
        {
            source = TaxonomyEmitter.Emit(model, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, model.FileName, ex.Message));
            return;
        }

        context.AddSource(model.HintName, source);
    }

    private static DiagnosticInfo Failure(string path, Exception ex) =>
        DiagnosticInfo.Create(C.GeneratorFailure, path, TextPosition.Start, ClassModelBuilder.FileNameOf(path), ex.GetType().Name + ": " + ex.Message);

    /// <summary>The class a file generates, for the cross-file clash check.</summary>
    private sealed record ClassName(string FullName, string Path);
}
