using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using PaperModel.PackageTests.Infrastructure;
using PaperModel.Testing;

namespace PaperModel.PackageTests;

/// <summary>What the packed .nupkg files contain: layout, nuspec metadata and dependencies.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageLayoutTests(PackedPackages packages)
{
    [Fact]
    public void PaperModel_package_has_both_runtime_builds_the_generator_and_the_readme()
    {
        var entries = Entries(packages.PaperModelPackage);

        entries.Should().Contain(
        [
            "lib/net10.0/PaperModel.dll",
            "lib/net10.0/PaperModel.xml",
            "lib/netstandard2.0/PaperModel.dll",
            "lib/netstandard2.0/PaperModel.xml",
            "analyzers/dotnet/cs/PaperModel.Generators.dll",
            "README.md",
        ]);
        entries.Where(static e => e.EndsWith(".dll", StringComparison.Ordinal)).Should().BeEquivalentTo(
            ["lib/net10.0/PaperModel.dll", "lib/netstandard2.0/PaperModel.dll", "analyzers/dotnet/cs/PaperModel.Generators.dll"],
            "the generator belongs under analyzers/ only and nothing else (Roslyn, System.Text.Json) is bundled");
        entries.Where(static e => e.StartsWith("lib/", StringComparison.Ordinal)).Should().OnlyContain(
            static e => e.StartsWith("lib/net10.0/PaperModel.", StringComparison.Ordinal) || e.StartsWith("lib/netstandard2.0/PaperModel.", StringComparison.Ordinal));
    }

    [Fact]
    public void PaperModel_package_ships_every_build_file_for_direct_and_transitive_consumers()
    {
        var buildFiles = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "PaperModel", "build"))
            .Select(Path.GetFileName)
            .Where(static f => f!.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .ToList();
        buildFiles.Should().Contain("PaperModel.props", "NuGet imports build/<id>.props into consumer projects");

        var entries = Entries(packages.PaperModelPackage);
        foreach (var file in buildFiles)
        {
            entries.Should().Contain($"build/{file}").And.Contain($"buildTransitive/{file}");
        }
    }

    [Fact]
    public void PaperModel_nuspec_has_metadata_and_no_roslyn_or_build_time_dependency()
    {
        var nuspec = PackedPackages.ReadNuspec(packages.PaperModelPackage);

        nuspec.Element("id")!.Value.Should().Be("PaperModel");
        nuspec.Element("description")!.Value.Should().NotBeNullOrWhiteSpace();
        nuspec.Element("tags")!.Value.Split(' ').Should().Contain(["arxiv", "taxonomy", "source-generator"]);
        nuspec.Element("license")!.Attribute("type")!.Value.Should().Be("expression");
        nuspec.Element("license")!.Value.Should().Be("MIT");
        nuspec.Element("readme")!.Value.Should().Be("README.md");
        var repository = nuspec.Element("repository")!;
        repository.Attribute("type")!.Value.Should().Be("git");
        repository.Attribute("url")!.Value.Should().NotBeNullOrEmpty();
        repository.Attribute("commit")!.Value.Should().MatchRegex("^[0-9a-f]{40}$", "SourceLink records the commit the package was built from");
        nuspec.Element("developmentDependency").Should().BeNull("the package is a runtime library, not a build-only tool");

        var groups = nuspec.Element("dependencies")!.Elements("group")
            .ToDictionary(static g => g.Attribute("targetFramework")!.Value, static g => g.Elements("dependency").Select(static d => d.Attribute("id")!.Value).ToList());
        groups.Keys.Should().BeEquivalentTo("net10.0", ".NETStandard2.0");
        groups["net10.0"].Should().BeEmpty("System.Text.Json is part of the framework");
        groups[".NETStandard2.0"].Should().BeEquivalentTo(
            ["System.Text.Json", "Microsoft.Bcl.AsyncInterfaces"],
            "IAsyncEnumerable must reach .NET 8 apps that get lib/netstandard2.0, not only netstandard2.0 consumers");
    }

    [Fact]
    public void Runtime_never_references_roslyn_and_the_generator_never_references_the_runtime_or_json()
    {
        using var zip = ZipFile.OpenRead(packages.PaperModelPackage);

        foreach (var runtime in new[] { "lib/net10.0/PaperModel.dll", "lib/netstandard2.0/PaperModel.dll" })
        {
            AssemblyReferences(zip, runtime).Should().NotContain(static r => r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal), runtime);
        }

        AssemblyReferences(zip, "analyzers/dotnet/cs/PaperModel.Generators.dll").Should().NotContain(
            ["PaperModel", "System.Text.Json"],
            "the generator runs inside the compiler, which cannot load them (shared code is linked source)");
    }

    [Fact]
    public void Symbols_package_has_portable_pdbs_for_both_builds()
    {
        var entries = Entries(Path.ChangeExtension(packages.PaperModelPackage, ".snupkg"));

        entries.Should().Contain(["lib/net10.0/PaperModel.pdb", "lib/netstandard2.0/PaperModel.pdb"]);
    }

    [Fact]
    public void Both_packages_carry_the_repository_version_with_this_run_prerelease_label()
    {
        var prefix = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

        packages.Version.Should().Be($"{prefix}-{packages.VersionSuffix}");
        PackedPackages.ReadNuspec(packages.CliPackage).Element("version")!.Value.Should().Be(packages.Version);
    }

    [Fact]
    public void Cli_package_is_the_papers_dotnet_tool_pointing_to_a_native_linux_x64_package_and_a_portable_one()
    {
        var nuspec = PackedPackages.ReadNuspec(packages.CliPackage);
        nuspec.Element("id")!.Value.Should().Be("PaperModel.Cli");
        nuspec.Element("packageTypes")!.Elements("packageType").Select(static t => t.Attribute("name")!.Value).Should().Equal("DotnetTool");
        nuspec.Element("dependencies")?.Descendants("dependency").Should().BeEmpty("a tool package carries its dependencies inside");

        using (var zip = ZipFile.OpenRead(packages.CliPackage))
        {
            zip.Entries.Select(static e => e.FullName).Should().NotContain(static e => e.EndsWith(".dll", StringComparison.Ordinal), "the tool itself is in the RID-specific packages");
            var settings = ToolSettings(zip, "tools/any/any/DotnetToolSettings.xml");
            settings.Descendants("Command").Single().Attribute("Name")!.Value.Should().Be("papers");
            settings.Descendants("RuntimeIdentifierPackage").Select(static p => (p.Attribute("RuntimeIdentifier")!.Value, p.Attribute("Id")!.Value))
                .Should().Equal(("linux-x64", "PaperModel.Cli.linux-x64"), ("any", "PaperModel.Cli.any"));
        }

        // Linux x64: one native executable (Native AOT), no assemblies, no symbol files, no runtime configuration.
        using (var linux = ToolPackage(packages.CliLinuxX64Package, "tools/any/linux-x64/"))
        {
            linux.Entries.Where(static e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(static e => e.FullName)
                .Should().BeEquivalentTo("tools/any/linux-x64/papers", "tools/any/linux-x64/DotnetToolSettings.xml");
            IsElfExecutable(linux, "tools/any/linux-x64/papers").Should().BeTrue("the Linux x64 tool is compiled to native code ahead of time");
            var command = ToolSettings(linux, "tools/any/linux-x64/DotnetToolSettings.xml").Descendants("Command").Single();
            command.Attribute("EntryPoint")!.Value.Should().Be("papers");
            command.Attribute("Runner")!.Value.Should().Be("executable");
        }

        // Every other platform: the portable IL tool, run by dotnet on the shared runtime, with no apphost.
        using var portable = ToolPackage(packages.CliPortablePackage, "tools/net10.0/any/");
        var entries = portable.Entries.Select(static e => e.FullName).ToList();
        entries.Should().Contain(["tools/net10.0/any/papers.dll", "tools/net10.0/any/PaperModel.dll", "tools/net10.0/any/papers.runtimeconfig.json"]);
        entries.Should().NotContain(static e => e.EndsWith(".so", StringComparison.Ordinal) || e.EndsWith("/papers", StringComparison.Ordinal), "the portable tool has no apphost");
        entries.Where(static e => e.StartsWith("tools/", StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.Ordinal))
            .Should().Equal(["tools/net10.0/any/DotnetToolSettings.xml"], "XML docs are of no use in a tool");
        var portableCommand = ToolSettings(portable, "tools/net10.0/any/DotnetToolSettings.xml").Descendants("Command").Single();
        portableCommand.Attribute("EntryPoint")!.Value.Should().Be("papers.dll");
        portableCommand.Attribute("Runner")!.Value.Should().Be("dotnet");
        IsReadyToRun(portable, "tools/net10.0/any/papers.dll").Should().BeFalse("the portable tool is IL, compiled on the machine that runs it");
    }

    // A RID-specific tool package: its type, the README, and the settings naming the papers command in its folder.
    private static ZipArchive ToolPackage(string package, string folder)
    {
        var nuspec = PackedPackages.ReadNuspec(package);
        nuspec.Element("packageTypes")!.Elements("packageType").Select(static t => t.Attribute("name")!.Value).Should().Equal("DotnetToolRidPackage");
        var zip = ZipFile.OpenRead(package);
        zip.Entries.Select(static e => e.FullName).Should().Contain("README.md");
        ToolSettings(zip, folder + "DotnetToolSettings.xml").Descendants("Command").Single().Attribute("Name")!.Value.Should().Be("papers");
        return zip;
    }

    // Whether a file is an x86-64 ELF executable (the ELF magic, 64-bit class, type EXEC or DYN, machine x86-64).
    private static bool IsElfExecutable(ZipArchive zip, string path)
    {
        using var entry = zip.GetEntry(path)!.Open();
        var header = new byte[20];
        entry.ReadExactly(header);
        var type = BitConverter.ToUInt16(header, 16);
        return header is [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, ..] && (type == 2 || type == 3) && BitConverter.ToUInt16(header, 18) == 62;
    }

    private static XDocument ToolSettings(ZipArchive zip, string path)
    {
        using var settings = zip.GetEntry(path)!.Open();
        return XDocument.Load(settings);
    }

    // Whether an assembly carries native code compiled ahead of time (a ReadyToRun header).
    private static bool IsReadyToRun(ZipArchive zip, string path)
    {
        using var buffer = new MemoryStream();
        using (var entry = zip.GetEntry(path)!.Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static List<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(static e => e.FullName).ToList();
    }

    private static List<string> AssemblyReferences(ZipArchive zip, string path)
    {
        using var buffer = new MemoryStream();
        using (var entry = zip.GetEntry(path)!.Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }
}
