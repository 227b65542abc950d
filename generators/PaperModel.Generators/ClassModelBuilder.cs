using Microsoft.CodeAnalysis.CSharp;
using PaperModel.Common;
using PaperModel.Common.Taxonomy;
using PaperModel.Generators.Model;
using C = PaperModel.Common.Taxonomy.TaxonomyProblemCodes;

namespace PaperModel.Generators;

/// <summary>
/// Resolves the namespace, class name and visibility of a taxonomy's generated class and the C# name of each topic,
/// reporting names C# cannot use (PM0020-PM0022) instead of renaming them silently.
/// </summary>
internal static class ClassModelBuilder
{
    /// <summary>Names the generated class declares next to the root topics.</summary>
    private static readonly string[] ClassMembers = ["Taxonomy", "All", "Roots", "Get", "Find", "GetId", "Classifier", "ClassifierHolder", "CreateTopic"];

    /// <summary>Names of the generated nested types: no topic may use them (nor the members of <c>object</c>).</summary>
    private static readonly string[] Reserved = ["TopicId", "TopicTypes", "ClassifierHolder", "Equals", "ReferenceEquals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize"];

    /// <summary>Members every <c>Topic</c> has (public, protected and internal): a child topic's property may not hide them.</summary>
    private static readonly string[] TopicMembers =
    [
        "Id", "Name", "Description", "Taxonomy", "Parent", "Children", "Ancestors", "Depth", "Path", "Index",
        "Phrases", "Vetoes", "Categories", "Threshold", "IsDescendantOf", "ParentId", "Attach", "SetChildren", "IsAttached",
        "Definition",
    ];

    public static GenerationModel Build(ParsedTaxonomy parsed, TaxonomyFileOptions? fileOptions, GlobalOptions global)
    {
        var diagnostics = new List<DiagnosticInfo>(parsed.Diagnostics);
        var spec = parsed.Spec;
        if (spec is null)
        {
            return new GenerationModel(parsed.Path, new EquatableArray<DiagnosticInfo>([.. diagnostics]));
        }

        var fileName = FileNameOf(parsed.Path);
        var ns = ResolveNamespace(parsed.Path, spec, fileOptions, global, diagnostics);
        var className = ResolveClassName(parsed.Path, fileName, spec, fileOptions, global, diagnostics);
        var isPublic = ResolveVisibility(parsed.Path, fileOptions, global, diagnostics);
        var memberNames = className is null ? [] : ResolveMemberNames(parsed.Path, spec, className, diagnostics);

        var hasErrors = diagnostics.Any(static d => TaxonomyProblemCodes.SeverityOf(d.Code) == TaxonomyProblemSeverity.Error);
        var model = hasErrors || className is null
            ? null
            : new TaxonomyClassModel(ns, className, isPublic, fileName, spec, new EquatableArray<string>(memberNames));
        var namePosition = fileOptions?.ClassName is null && spec.ClassName is not null ? spec.ClassNamePosition
            : fileOptions?.Namespace is null && spec.Namespace is not null ? spec.NamespacePosition
            : TextPosition.Start;
        return new GenerationModel(parsed.Path, model, new EquatableArray<DiagnosticInfo>([.. diagnostics]), namePosition);
    }

    /// <summary>The file name without folders (generated code must not depend on where the repository is).</summary>
    public static string FileNameOf(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return path.Substring(slash + 1);
    }

    /// <summary>Turns kebab-case (or any separated words) into PascalCase: <c>scaling-laws</c> becomes <c>ScalingLaws</c>.</summary>
    public static string ToPascalCase(string text)
    {
        var chars = new char[text.Length];
        var length = 0;
        var startOfWord = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            chars[length++] = startOfWord ? char.ToUpperInvariant(c) : c;
            startOfWord = false;
        }

        return new string(chars, 0, length);
    }

    /// <summary>Why a name is not a usable C# identifier, or <see langword="null"/> when it is.</summary>
    public static string? IdentifierProblem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (char.IsDigit(name[0]))
        {
            return "it starts with a digit";
        }

        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            return "it is a C# keyword";
        }

        return SyntaxFacts.IsValidIdentifier(name) ? null : "it may only contain letters, digits and underscores";
    }

    private static string? ResolveNamespace(string path, TaxonomySpec spec, TaxonomyFileOptions? file, GlobalOptions global, List<DiagnosticInfo> diagnostics)
    {
        var (value, source, position) =
            file?.Namespace is { } fromMetadata ? (fromMetadata, "MSBuild metadata " + OptionNames.Namespace + " on the file", TextPosition.Start)
            : spec.Namespace is { } fromFile ? (fromFile, "the taxonomy file", spec.NamespacePosition)
            : global.Namespace is { } fromProperty ? (fromProperty, "MSBuild property " + OptionNames.Namespace, TextPosition.Start)
            : (global.RootNamespace, "MSBuild property RootNamespace", TextPosition.Start);
        if (value is null)
        {
            return null;
        }

        foreach (var part in value.Split('.'))
        {
            if (IdentifierProblem(part) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(C.InvalidOption, path, position, "namespace", value, source, $"'{part}': {problem}"));
                return null;
            }
        }

        return value;
    }

    private static string? ResolveClassName(string path, string fileName, TaxonomySpec spec, TaxonomyFileOptions? file, GlobalOptions global, List<DiagnosticInfo> diagnostics)
    {
        const string Suffix = ".taxonomy.json";
        var (value, source, position) =
            file?.ClassName is { } fromMetadata ? (fromMetadata, "MSBuild metadata " + OptionNames.ClassName + " on the file", TextPosition.Start)
            : spec.ClassName is { } fromFile ? (fromFile, "the taxonomy file", spec.ClassNamePosition)
            : global.ClassName is { } fromProperty ? (fromProperty, "MSBuild property " + OptionNames.ClassName, TextPosition.Start)
            : (ToPascalCase(fileName.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) ? fileName.Substring(0, fileName.Length - Suffix.Length) : fileName), "the file name", TextPosition.Start);
        if (IdentifierProblem(value) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(C.InvalidOption, path, position, "class name", value, source, problem));
            return null;
        }

        return value;
    }

    private static bool ResolveVisibility(string path, TaxonomyFileOptions? file, GlobalOptions global, List<DiagnosticInfo> diagnostics)
    {
        var (value, source) =
            file?.Visibility is { } fromMetadata ? (fromMetadata, "MSBuild metadata " + OptionNames.Visibility + " on the file")
            : (global.Visibility, "MSBuild property " + OptionNames.Visibility);
        switch (value?.ToLowerInvariant())
        {
            case null or "internal":
                return false;
            case "public":
                return true;
            default:
                diagnostics.Add(DiagnosticInfo.Create(C.InvalidOption, path, TextPosition.Start, "visibility", value!, source, "expected 'public' or 'internal'"));
                return false;
        }
    }

    private static string[] ResolveMemberNames(string path, TaxonomySpec spec, string className, List<DiagnosticInfo> diagnostics)
    {
        var names = new string[spec.Topics.Count];
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var topic = spec.Topics[i];
            var name = topic.MemberName ?? ToPascalCase(topic.Id);
            names[i] = name;
            var position = topic.MemberNamePosition;
            if (IdentifierProblem(name) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(C.InvalidIdentifier, path, position, topic.Id, name, problem));
                continue;
            }

            string? clash = null;
            if (used.TryGetValue(name, out var other))
            {
                clash = $"is already the name of topic '{other}'";
            }
            else if (Array.IndexOf(Reserved, name) >= 0 || (topic.ParentId is null && Array.IndexOf(ClassMembers, name) >= 0))
            {
                clash = $"is already a member of the generated class '{className}'";
            }
            else if (topic.ParentId is null && name == className)
            {
                clash = "is the name of the generated class itself";
            }
            else if (topic.ParentId is not null && Array.IndexOf(TopicMembers, name) >= 0)
            {
                clash = "is already a member of every Topic";
            }

            if (clash is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(C.IdentifierClash, path, position, topic.Id, name, clash));
            }
            else
            {
                used.Add(name, topic.Id);
            }
        }

        return names;
    }
}
