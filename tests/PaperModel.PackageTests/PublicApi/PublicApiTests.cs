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
/// </summary>
public sealed class PublicApiTests
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        IncludeAssemblyAttributes = false,
        ExcludeAttributes =
        [
            "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
            "System.Diagnostics.DebuggerNonUserCodeAttribute",
        ],
    };

    [Fact]
    public void Net10_public_api_is_approved()
    {
        var assembly = typeof(Paper).Assembly;
        TargetFrameworkOf(assembly).Should().Be(".NETCoreApp,Version=v10.0");

        Approvals.Verify(assembly.GeneratePublicApi(Options), ApprovedFile("net10.0"));
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

            Approvals.Verify(assembly.GeneratePublicApi(Options), ApprovedFile("netstandard2.0"));
        }
        finally
        {
            context.Unload();
        }
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
