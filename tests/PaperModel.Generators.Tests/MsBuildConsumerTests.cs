using PaperModel.PackageTests.Infrastructure;
using PaperModel.Testing;

namespace PaperModel.Generators.Tests;

/// <summary>
/// Real <c>dotnet build</c>s of a consumer project that imports the package's <c>build/PaperModel.props</c> and
/// <c>.targets</c> and references the generator as an analyzer: taxonomy files are found by the default glob (but not
/// under bin/, obj/ or hidden folders, and not twice when listed by hand), metadata renames a class, and a broken file
/// fails the build with the PM diagnostic at its line and column, without a generator crash.
/// (The packed package itself is tested the same way in PaperModel.PackageTests.)
/// </summary>
public sealed class MsBuildConsumerTests : IDisposable
{
    private const string Broken = "{ \"name\": \"x\", \"version\": \"1\", \"topics\": [ { \"id\": \"a\", \"name\": \"A\" ";

    private readonly string _directory = Directory.CreateTempSubdirectory("papermodel-consumer-").FullName;

    [Fact]
    public void Consumer_build_generates_classes_from_its_taxonomy_files()
    {
        Write("my-topics.taxonomy.json", """
            { "name": "mine", "version": "1",
              "topics": [ { "id": "peft", "name": "PEFT", "children": [ { "id": "lora", "name": "LoRA", "acronyms": ["LoRA"] } ] } ] }
            """);
        Write("Data/data-set.taxonomy.json", """{ "name": "data", "version": "1", "topics": [ { "id": "only", "name": "Only" } ] }""");
        Write("obj/stale.taxonomy.json", Broken);
        Write("bin/old.taxonomy.json", Broken);
        Write(".hidden/x.taxonomy.json", Broken);
        Write("Program.cs", """
            using PaperModel.Classification;

            Topic lora = App.MyTopics.Peft.Lora;
            System.Console.WriteLine($"{lora.Path} {lora.Parent!.Name} {App.Renamed.Only.Id} {App.MyTopics.All.Count}");
            """);
        WriteProject("""<AdditionalFiles Include="Data/data-set.taxonomy.json" PaperModel_ClassName="Renamed" />""");

        Build().ShouldSucceed();
        var run = DotNet.Run(_directory, null, Path.Combine("bin", Configuration, "net10.0", "app.dll")).ShouldSucceed();

        run.Lines.Should().Contain("peft/lora PEFT only 2");
    }

    [Fact]
    public void Broken_taxonomy_fails_the_build_at_its_line_and_column()
    {
        Write("topics.taxonomy.json", """
            {
              "name": "t",
              "version": "1",
              "topics": [
                { "id": "Bad_Id", "name": "A" },
                { "id": "b", "name": "B", "keywords": ["x", ""] }
              ]
            }
            """);
        Write("Program.cs", "System.Console.WriteLine();");
        WriteProject(string.Empty);

        var build = Build();

        build.ExitCode.Should().NotBe(0);
        build.Output.Should().Contain("topics.taxonomy.json(5,13): error PM0006: Topic id 'Bad_Id' is not kebab-case")
            .And.Contain("topics.taxonomy.json(6,49): error PM0008: An entry of 'keywords' in topic 'b' is empty or only white space")
            .And.NotContain("CS8785").And.NotContain("AD0001");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The configuration this test assembly (and so PaperModel) was built in: bin/&lt;configuration&gt;/net10.0/.</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private ProcessResult Build() =>
        DotNet.Run(_directory, null, "build", "-c", Configuration, "-p:BuildProjectReferences=false", "--disable-build-servers");

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void WriteProject(string items)
    {
        var build = Path.Combine(RepoPaths.Root, "src", "PaperModel", "build");
        Write("app.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{build}/PaperModel.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>app</AssemblyName>
                <RootNamespace>App</RootNamespace>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{RepoPaths.Root}/src/PaperModel/PaperModel.csproj" />
                <ProjectReference Include="{RepoPaths.Root}/generators/PaperModel.Generators/PaperModel.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                {items}
              </ItemGroup>
              <Import Project="{build}/PaperModel.targets" />
            </Project>
            """);
    }
}
