using PaperModel.Common;
using PaperModel.Common.Taxonomy;

namespace PaperModel.Generators.Model;

/// <summary>One taxonomy file after reading: the validated taxonomy (null on errors) and its problems.</summary>
internal sealed record ParsedTaxonomy(string Path, TaxonomySpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// What the emitter needs for one file: the resolved names and the taxonomy. <see cref="MemberNames"/> holds the C#
/// name of each topic, in the order of <see cref="TaxonomySpec.Topics"/>.
/// </summary>
internal sealed record TaxonomyClassModel(
    string? Namespace,
    string ClassName,
    bool IsPublic,
    string FileName,
    TaxonomySpec Taxonomy,
    EquatableArray<string> MemberNames)
{
    /// <summary>The full name of the generated class, without <c>global::</c>.</summary>
    public string FullName => Namespace is null ? ClassName : Namespace + "." + ClassName;

    /// <summary>The hint name of the generated file, unique per class.</summary>
    public string HintName => FullName + ".g.cs";
}

/// <summary>
/// One file's result: the class to generate (null when there are errors), the diagnostics to report, and where in the
/// file the class's name is decided (its <c>className</c>, else its <c>namespace</c>, else the start), for PM0023.
/// </summary>
internal sealed record GenerationModel(string Path, TaxonomyClassModel? Class, EquatableArray<DiagnosticInfo> Diagnostics, TextPosition NamePosition)
{
    /// <summary>A result without a class, whose diagnostics are about the file as a whole or located on their own.</summary>
    public GenerationModel(string path, EquatableArray<DiagnosticInfo> diagnostics)
        : this(path, null, diagnostics, TextPosition.Start)
    {
    }
}
