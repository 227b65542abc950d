using System.Reflection;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using PaperModel.Testing;
using PublicApiGenerator;

namespace PaperModel.PackageTests.PublicApi;

/// <summary>
/// The public API of each build of PaperModel that the package ships, approved in
/// <c>PublicApi/PaperModel.&lt;tfm&gt;.approved.txt</c>. A change to the public API fails here until the approved files are
/// updated: <c>PAPERMODEL_ACCEPT=1 dotnet test tests/PaperModel.PackageTests -c Release --filter FullyQualifiedName~PublicApi</c>
/// (see docs/contributing.md). Both builds are approved because they differ on purpose (net10.0 adds fast paths such as
/// span parsing) and package validation only checks that the netstandard2.0 surface is part of the net10.0 one.
/// The default taxonomy's generated class, <c>DefaultTopics</c>, is approved apart in
/// <c>PublicApi/DefaultTopics.approved.txt</c>: its members follow the vocabulary of <c>default.taxonomy.json</c>, so a
/// change to the vocabulary shows there, and the library's own API files change only when the library does.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string[] IgnoredAttributes =
    [
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
        "System.Diagnostics.DebuggerNonUserCodeAttribute",
        // The generated names of async iterators' state machines change from build to build.
        "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
    ];

    // Looked up by name: the class is generated inside PaperModel, which this project sees only as a compiled reference.
    private static readonly Type DefaultTopics = typeof(Paper).Assembly.GetType("PaperModel.Classification.DefaultTopics", throwOnError: true)!;

    private static readonly ApiGeneratorOptions Options = new()
    {
        IncludeAssemblyAttributes = false,
        ExcludeAttributes = IgnoredAttributes,
        ExcludeTypes = [DefaultTopics],
    };

    [Fact]
    public void Default_topics_api_is_approved_apart_from_the_library()
    {
        var options = new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            ExcludeAttributes = IgnoredAttributes,
            IncludeTypes = [DefaultTopics, .. DefaultTopics.GetNestedTypes(BindingFlags.Public).SelectMany(static t => t.GetNestedTypes(BindingFlags.Public).Prepend(t))],
        };

        Approvals.Verify(DefaultTopics.Assembly.GeneratePublicApi(options), Path.Combine("tests", "PaperModel.PackageTests", "PublicApi", "DefaultTopics.approved.txt"));
    }

    [Fact]
    public void Net10_public_api_is_approved()
    {
        var assembly = typeof(Paper).Assembly;
        TargetFrameworkOf(assembly).Should().Be(".NETCoreApp,Version=v10.0");

        Approvals.Verify(PublicApiOf(assembly), ApprovedFile("net10.0"));
    }

    [Fact]
    public void Netstandard20_public_api_is_approved()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "netstandard2.0", "PaperModel.dll");
        var context = new AssemblyLoadContext("PaperModel.netstandard2.0", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(path);
            TargetFrameworkOf(assembly).Should().Be(".NETStandard,Version=v2.0");

            Approvals.Verify(PublicApiOf(assembly), ApprovedFile("netstandard2.0"));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// The API as PublicApiGenerator writes it, then the types and members hidden from IntelliSense
    /// (<c>[EditorBrowsable(EditorBrowsableState.Never)]</c>, which PublicApiGenerator always leaves out), so a change in
    /// what generated code may use but users should not see shows in the approved file too.
    /// </summary>
    private static string PublicApiOf(Assembly assembly)
    {
        var hidden = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(static t => t.FullName, StringComparer.Ordinal))
        {
            if (IsHidden(type.CustomAttributes))
            {
                hidden.Add(type.FullName!);
            }

            const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            // Not GetMembers: it loads nested types too, and the compiler's async-iterator classes of the netstandard2.0
            // build implement interfaces of Microsoft.Bcl.AsyncInterfaces, which this test does not load.
            MemberInfo[] members = [.. type.GetConstructors(Declared), .. type.GetMethods(Declared), .. type.GetProperties(Declared), .. type.GetFields(Declared), .. type.GetEvents(Declared)];
            foreach (var member in members.Where(IsVisible).Where(m => IsHidden(m.CustomAttributes)).Select(m => $"{type.FullName}: {m}").Order(StringComparer.Ordinal))
            {
                hidden.Add(member);
            }
        }

        return assembly.GeneratePublicApi(Options)
            + "\n// Hidden from IntelliSense, [EditorBrowsable(EditorBrowsableState.Never)]:\n"
            + string.Concat(hidden.Select(static h => "//   " + h + "\n"));

        static bool IsHidden(IEnumerable<CustomAttributeData> attributes) =>
            attributes.Any(static a => a.AttributeType.FullName == "System.ComponentModel.EditorBrowsableAttribute"
                && a.ConstructorArguments is [{ Value: 1 }]);

        static bool IsVisible(MemberInfo member) => member switch
        {
            MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
            PropertyInfo property => property.GetMethod is { } getter && IsVisible(getter),
            FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
            _ => false,
        };
    }

    [Fact]
    public void Http_public_api_is_approved()
    {
        var assembly = typeof(PaperModel.Http.ArxivApiClient).Assembly;
        TargetFrameworkOf(assembly).Should().Be(".NETCoreApp,Version=v8.0");

        Approvals.Verify(assembly.GeneratePublicApi(Options), Path.Combine("tests", "PaperModel.PackageTests", "PublicApi", "PaperModel.Http.net8.0.approved.txt"));
    }

    [Fact]
    public void Digest_public_api_is_approved() =>
        Approvals.Verify(typeof(Digest.PaperDigest).Assembly.GeneratePublicApi(Options), ApprovedFile("net10.0", "PaperModel.Digest"));

    [Fact]
    public void Digest_mail_public_api_is_approved() =>
        Approvals.Verify(typeof(Digest.Mail.DigestMail).Assembly.GeneratePublicApi(Options), ApprovedFile("net10.0", "PaperModel.Digest.Mail"));

    private static string ApprovedFile(string targetFramework, string package = "PaperModel") =>
        Path.Combine("tests", "PaperModel.PackageTests", "PublicApi", $"{package}.{targetFramework}.approved.txt");

    private static string? TargetFrameworkOf(Assembly assembly) =>
        assembly.GetCustomAttributesData()
            .FirstOrDefault(static a => a.AttributeType.FullName == typeof(TargetFrameworkAttribute).FullName)
            ?.ConstructorArguments[0].Value as string;
}
