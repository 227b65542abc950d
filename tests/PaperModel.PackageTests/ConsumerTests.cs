using System.Runtime.InteropServices;
using PaperModel.PackageTests.Infrastructure;
using PaperModel.Testing;
using Xunit.Abstractions;

namespace PaperModel.PackageTests;

/// <summary>
/// Fresh projects outside the solution that reference the packed <c>PaperModel</c> package by version, the way users
/// do: they build, run, publish trimmed, and also target an older framework that gets lib/netstandard2.0.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ConsumerTests(PackedPackages packages, ITestOutputHelper output)
{
    /// <summary>The consumer's code, run with the sample page path as its argument.</summary>
    private const string Program = """
        using System.Reflection;
        using System.Runtime.Versioning;
        using PaperModel;
        using PaperModel.Serialization;

        var library = typeof(Paper).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        Console.WriteLine($"library: {library}");

        var id = ArxivId.Parse("2310.12345v2");
        var paper = new Paper(id.WithoutVersion().ToString(), "Low-Rank Adaptation at Scale") { ArxivId = id, Categories = ["cs.CL", "cs.LG"] };
        var copy = PaperJson.Deserialize(PaperJson.Serialize(paper));
        Console.WriteLine($"round trip: {copy.Id} {copy.ArxivId} {copy.Title} [{string.Join(",", copy.Categories)}] equal={copy == paper}");
        """;

    [Fact]
    public void Console_app_on_net10_builds_and_runs_against_the_package()
    {
        var app = WriteApp("app-net10", "net10.0");

        Build(app);
        var result = Run(app, "net10.0");

        result.Lines.Should().Contain("library: .NETCoreApp,Version=v10.0");
        AssertSameBehaviour(result);
    }

    [Fact]
    public void Console_app_on_net8_uses_the_netstandard20_build()
    {
        // .NET 8 apps get lib/netstandard2.0. Only the .NET 10 runtime is installed here, so the app rolls forward
        // to run; it still compiles against the net8.0 reference assemblies and the netstandard2.0 library.
        var app = WriteApp("app-net8", "net8.0", "<RollForward>Major</RollForward>");

        Build(app);
        var result = Run(app, "net8.0");

        result.Lines.Should().Contain("library: .NETStandard,Version=v2.0");
        AssertSameBehaviour(result);
    }

    [Fact]
    public void Trimmed_self_contained_publish_has_no_trim_warnings_and_behaves_the_same()
    {
        var app = WriteApp("app-trimmed", "net10.0");
        var publish = Path.Combine(app, "publish");

        // TrimmerSingleWarn=false reports each warning instead of one summary warning per assembly.
        var result = packages.Consumer(
            app,
            "publish",
            "-c",
            "Release",
            "-r",
            RuntimeInformation.RuntimeIdentifier,
            "--self-contained",
            "-p:PublishTrimmed=true",
            "-p:TrimmerSingleWarn=false",
            "-o",
            publish,
            "--disable-build-servers");
        Log(result);

        result.ShouldSucceed();
        result.Lines.Should().NotContain(static l => l.Contains("warning IL", StringComparison.Ordinal), "the library is trimming-compatible");
        var run = ProcessRunner.Run(Path.Combine(publish, "app"), [RepoPaths.DailyPapersPage], app, new Dictionary<string, string?>(), DotNet.Timeout);
        Log(run);
        run.ShouldSucceed();
        AssertSameBehaviour(run);
    }

    private static void AssertSameBehaviour(ProcessResult result) =>
        result.Lines.Should().Contain("round trip: 2310.12345 2310.12345v2 Low-Rank Adaptation at Scale [cs.CL,cs.LG] equal=True");

    /// <summary>Writes a console app referencing the package by version, warnings as errors, nullable on.</summary>
    private string WriteApp(string name, string targetFramework, string extraProperties = "")
    {
        var directory = packages.NewProjectDirectory(name);
        File.WriteAllText(
            Path.Combine(directory, "app.csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <AssemblyName>app</AssemblyName>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PaperModel" Version="{packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        return directory;
    }

    private void Build(string app)
    {
        var result = packages.Consumer(app, "build", "-c", "Release", "--disable-build-servers");
        Log(result);
        result.ShouldSucceed();
    }

    private ProcessResult Run(string app, string targetFramework)
    {
        var result = packages.Consumer(app, Path.Combine(app, "bin", "Release", targetFramework, "app.dll"), RepoPaths.DailyPapersPage);
        Log(result);
        return result.ShouldSucceed();
    }

    private void Log(ProcessResult result) => output.WriteLine($"$ {result.CommandLine}  (exit {result.ExitCode})\n{result.Output}");
}
