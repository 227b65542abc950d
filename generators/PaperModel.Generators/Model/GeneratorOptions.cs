using Microsoft.CodeAnalysis.Diagnostics;

namespace PaperModel.Generators.Model;

/// <summary>The MSBuild names the generator reads (declared as compiler-visible in the package's <c>build/PaperModel.props</c>).</summary>
internal static class OptionNames
{
    public const string Namespace = "PaperModel_Namespace";
    public const string ClassName = "PaperModel_ClassName";
    public const string Visibility = "PaperModel_Visibility";

    public static string? Property(AnalyzerConfigOptions options, string name) =>
        Value(options, "build_property." + name);

    public static string? Metadata(AnalyzerConfigOptions options, string name) =>
        Value(options, "build_metadata.AdditionalFiles." + name);

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>Project-wide settings: the MSBuild properties and the project's root namespace.</summary>
internal sealed record GlobalOptions(string? RootNamespace, string? Namespace, string? ClassName, string? Visibility)
{
    public static GlobalOptions Read(AnalyzerConfigOptions options) => new(
        OptionNames.Property(options, "RootNamespace"),
        OptionNames.Property(options, OptionNames.Namespace),
        OptionNames.Property(options, OptionNames.ClassName),
        OptionNames.Property(options, OptionNames.Visibility));
}

/// <summary>The MSBuild metadata set on one taxonomy file's <c>AdditionalFiles</c> item.</summary>
internal sealed record TaxonomyFileOptions(string Path, string? Namespace, string? ClassName, string? Visibility)
{
    public static TaxonomyFileOptions Read(string path, AnalyzerConfigOptions options) => new(
        path,
        OptionNames.Metadata(options, OptionNames.Namespace),
        OptionNames.Metadata(options, OptionNames.ClassName),
        OptionNames.Metadata(options, OptionNames.Visibility));
}
