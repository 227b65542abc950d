using System.Runtime.InteropServices;
using PaperModel.PackageTests.Infrastructure;
using PaperModel.Testing;
using Xunit.Abstractions;

namespace PaperModel.PackageTests;

/// <summary>
/// Fresh projects outside the solution that reference the packed <c>PaperModel</c> package by version, the way users
/// do: they build and run on .NET 10, on .NET 8 (through lib/netstandard2.0), and publish with Native AOT.
/// </summary>
/// <remarks>The app's code and taxonomy are in <c>Consumer/</c>; the expected values below come from the samples themselves.</remarks>
[Collection(PackedPackagesCollection.Name)]
public sealed class ConsumerTests(PackedPackages packages, ITestOutputHelper output)
{
    [Fact]
    public void Console_app_on_net10_builds_and_runs_against_the_package()
    {
        var app = WriteApp("app-net10", "net10.0");

        Build(app);
        var result = RunDll(app, "net10.0");

        result.Lines.Should().Contain("library: .NETCoreApp,Version=v10.0");
        AssertBehaviour(result);
    }

    [Fact]
    public void Console_app_on_net8_uses_the_netstandard20_build()
    {
        // .NET 8 apps get lib/netstandard2.0. Only the .NET 10 runtime is installed here, so the app rolls forward
        // to run; it still compiles against the net8.0 reference assemblies and the netstandard2.0 library.
        var app = WriteApp("app-net8", "net8.0", "<RollForward>Major</RollForward>");

        Build(app);
        var result = RunDll(app, "net8.0");

        result.Lines.Should().Contain("library: .NETStandard,Version=v2.0");
        AssertBehaviour(result);
    }

    [Fact]
    public void Native_aot_publish_has_no_trimming_or_aot_warnings_and_behaves_the_same()
    {
        // The whole library is rooted, so the compiler analyses all of it, not only what this small app calls.
        var app = WriteApp("app-aot", "net10.0", "<PublishAot>true</PublishAot>", """<TrimmerRootAssembly Include="PaperModel" />""");
        var publish = Path.Combine(app, "publish");

        // TrimmerSingleWarn=false reports each warning instead of one summary warning per assembly.
        List<string> arguments = ["publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:TrimmerSingleWarn=false", "-o", publish, "--disable-build-servers"];
        if (NativeLinker() is { } linker)
        {
            arguments.Add("-p:CppCompilerAndLinker=" + linker);
        }

        var result = packages.Consumer(app, [.. arguments]);
        Log(result);

        result.ShouldSucceed();
        result.Lines.Should().NotContain(static l => l.Contains("warning IL", StringComparison.Ordinal), "the library is trimming- and AOT-compatible");
        var run = ProcessRunner.Run(Path.Combine(publish, "app"), Samples, app, new Dictionary<string, string?>(), DotNet.Timeout);
        Log(run);
        run.ShouldSucceed();
        AssertBehaviour(run);
    }

    /// <summary>The app's arguments: the real Daily Papers page and the Hugging Face API sample.</summary>
    private static string[] Samples => [RepoPaths.DailyPapersPage, RepoPaths.Format("hf-daily-papers-api.sample.json")];

    /// <summary>
    /// Expected output, taken from the samples: the page's 50 papers are the 50 hand-labelled rows of seed-labels.tsv,
    /// in order; the API sample holds 4 papers; the taxonomy is the consumer's file.
    /// </summary>
    private static void AssertBehaviour(ProcessResult result)
    {
        var titles = SeedLabels.Titles;
        result.Lines.Should().Contain($"page: {titles.Count} papers, 0 problems");
        result.Lines.Where(static l => l.StartsWith("title: ", StringComparison.Ordinal)).Should().Equal(titles.Select(static t => "title: " + t));
        result.Lines.Should().ContainInOrder(
            "read: 4 papers, 0 errors",
            "paper: 2606.00467 On the Limits of LLM Adaptability: Impact of Model-Internalized Priors on Annotation Task Performance",
            "paper: 2606.11409 Risk Under Pressure: Compute-Aware Evaluation of Adversarial Robustness in Language Models",
            "paper: 2606.09446 Leveraging Morphology for Historical Script Metrological Analysis",
            "paper: 2606.12575 High-Fidelity Two-Step Image Generation via Teacher-Aligned End-to-End Distillation",
            "json round trip: True",
            "taxonomy: my-topics 1.0.0: peft, peft/lora, peft/adapters, mixture-of-experts",
            "generated: my-topics peft/lora parent=peft topics=4 id=Lora",
            "switch: peft, lora, adapters, moe");

        var classified = result.Lines.Where(static l => l.StartsWith("classified: [", StringComparison.Ordinal))
            .Select(static l => (Topics: l["classified: [".Length..l.IndexOf(']', StringComparison.Ordinal)].Split(',', StringSplitOptions.RemoveEmptyEntries), Title: l[(l.IndexOf(']', StringComparison.Ordinal) + 2)..]))
            .ToList();
        classified.Select(static c => c.Title).Should().Equal(titles, "every paper of the page is classified");
        foreach (var (topics, title) in classified)
        {
            if (topics.Any(static t => t.StartsWith("peft/", StringComparison.Ordinal)))
            {
                topics.Should().Contain("peft", $"a child topic implies its parent ({title})");
            }

            var text = SamplePage.TextOf(title);
            if (topics.Contains("peft/lora"))
            {
                text.Should().MatchRegex(@"\bQ?LoRA\b|(?i:low[- ]rank adaptation)", $"only the lora phrases can assign lora ({title})");
            }

            if (topics.Contains("mixture-of-experts"))
            {
                text.Should().MatchRegex(@"\bMoE\b|(?i:mixture[- ]of[- ]experts)", $"only the mixture-of-experts phrases can assign it ({title})");
            }
        }

        classified.Single(static c => c.Title.EndsWith("Layer-wise LoRA", StringComparison.Ordinal)).Topics.Should().Contain("peft/lora", "LoRA is in the title");
        classified.Single(static c => c.Title.StartsWith("Exploiting Mixture-of-Experts", StringComparison.Ordinal)).Topics.Should().Contain("mixture-of-experts", "mixture-of-experts is in the title");
    }

    /// <summary>
    /// Native AOT links with clang by default; machines with only gcc (like the CI image) use it instead.
    /// </summary>
    private static string? NativeLinker() =>
        OnPath("clang") ? null : OnPath("gcc") ? "gcc" : null;

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, program)));

    /// <summary>Writes a console app referencing the package by version, warnings as errors, nullable on.</summary>
    private string WriteApp(string name, string targetFramework, string extraProperties = "", string extraItems = "")
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
                <None Update="my.taxonomy.json" CopyToOutputDirectory="PreserveNewest" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        foreach (var file in new[] { "Program.cs", "my.taxonomy.json" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", file), Path.Combine(directory, file));
        }

        return directory;
    }

    private void Build(string app)
    {
        var result = packages.Consumer(app, "build", "-c", "Release", "--disable-build-servers");
        Log(result);
        result.ShouldSucceed();
    }

    private ProcessResult RunDll(string app, string targetFramework)
    {
        var result = packages.Consumer(app, [Path.Combine(app, "bin", "Release", targetFramework, "app.dll"), .. Samples]);
        Log(result);
        return result.ShouldSucceed();
    }

    private void Log(ProcessResult result) => output.WriteLine($"$ {result.CommandLine}  (exit {result.ExitCode})\n{result.Output}");
}
