using System.IO.Compression;
using System.Xml.Linq;
using PaperModel.Testing;

namespace PaperModel.PackageTests.Infrastructure;

/// <summary>
/// Packs <c>PaperModel</c> and <c>PaperModel.Cli</c> once per test run into a private folder feed, with a unique
/// prerelease version, and prepares a folder where consumer projects restore from that feed only.
/// </summary>
/// <remarks>
/// <para>
/// The packs build into their own artifacts folder, so they never touch the solution's bin/obj (other test projects
/// run at the same time). The unique version means no package cache can serve a stale copy; consumers also restore
/// into a private packages folder (falling back, read-only, to the machine's global packages folder), so test
/// versions never land in the user's cache.
/// </para>
/// <para>Set <c>PAPERMODEL_KEEP_TEMP=1</c> to keep the folder for inspection; its path is printed by failing tests.</para>
/// </remarks>
public sealed class PackedPackages : IDisposable
{
    /// <summary>Creates the feed.</summary>
    public PackedPackages()
    {
        Root = Directory.CreateTempSubdirectory("papermodel-package-tests-").FullName;
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Projects = Path.Combine(Root, "projects");
        VersionSuffix = "pkgtest-" + Guid.NewGuid().ToString("N")[..12];

        Pack("src/PaperModel/PaperModel.csproj");
        Pack("src/PaperModel.Cli/PaperModel.Cli.csproj");

        var packages = Directory.GetFiles(Feed, "*.nupkg").ToDictionary(static p => ReadNuspec(p).Element("id")!.Value);
        PaperModelPackage = packages["PaperModel"];
        CliPackage = packages["PaperModel.Cli"];
        CliLinuxX64Package = packages["PaperModel.Cli.linux-x64"];
        CliPortablePackage = packages["PaperModel.Cli.any"];
        Version = ReadNuspec(PaperModelPackage).Element("version")!.Value;

        WriteConsumerConfiguration();
    }

    /// <summary>The temporary folder holding the feed, the packages folder and the consumer projects.</summary>
    public string Root { get; }

    /// <summary>The folder feed the packages were packed into.</summary>
    public string Feed { get; }

    /// <summary>The private packages folder consumers restore into.</summary>
    public string Packages { get; }

    /// <summary>The folder holding the consumer projects, under a nuget.config that adds <see cref="Feed"/>.</summary>
    public string Projects { get; }

    /// <summary>The prerelease label added to the repository's version for this run.</summary>
    public string VersionSuffix { get; }

    /// <summary>The full version of both packages.</summary>
    public string Version { get; }

    /// <summary>The <c>PaperModel</c> package.</summary>
    public string PaperModelPackage { get; }

    /// <summary>The <c>PaperModel.Cli</c> tool package: a pointer to the RID-specific packages below.</summary>
    public string CliPackage { get; }

    /// <summary>The <c>PaperModel.Cli.linux-x64</c> package: the tool compiled ahead of time (ReadyToRun) for Linux x64.</summary>
    public string CliLinuxX64Package { get; }

    /// <summary>The <c>PaperModel.Cli.any</c> package: the portable tool that every other platform installs.</summary>
    public string CliPortablePackage { get; }

    /// <summary>Variables for every consumer-side <c>dotnet</c> command.</summary>
    public IReadOnlyDictionary<string, string?> ConsumerEnvironment => new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Packages };

    /// <summary>Creates a new empty folder for a consumer project under <see cref="Projects"/> (and so under its nuget.config).</summary>
    /// <param name="name">The folder name.</param>
    /// <returns>The full path.</returns>
    public string NewProjectDirectory(string name)
    {
        var path = Path.Combine(Projects, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs <c>dotnet</c> as a consumer would, in <paramref name="directory"/>.</summary>
    /// <param name="directory">The working directory.</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The result.</returns>
    public ProcessResult Consumer(string directory, params string[] arguments) => DotNet.Run(directory, ConsumerEnvironment, arguments);

    /// <summary>The nuspec inside a package, as its <c>metadata</c> element with namespaces removed.</summary>
    /// <param name="package">The .nupkg path.</param>
    /// <returns>The metadata element.</returns>
    public static XElement ReadNuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return LoadNuspec(zip);
    }

    /// <summary>Reads the nuspec of an open package.</summary>
    /// <param name="zip">The package.</param>
    /// <returns>The <c>metadata</c> element, namespaces removed.</returns>
    public static XElement LoadNuspec(ZipArchive zip)
    {
        var entry = zip.Entries.Single(static e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.Name.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        var document = XDocument.Load(stream);
        foreach (var element in document.Descendants())
        {
            element.Name = element.Name.LocalName;
        }

        return document.Root!.Element("metadata")!;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PAPERMODEL_KEEP_TEMP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not yet released a file: the folder is in the temp directory anyway.
        }
    }

    private void Pack(string project) =>
        DotNet.Run(
            RepoPaths.Root,
            null,
            "pack",
            Path.Combine(RepoPaths.Root, project),
            "-c",
            "Release",
            "-o",
            Feed,
            "--artifacts-path",
            Path.Combine(Root, "artifacts"),
            "--disable-build-servers",
            "-p:VersionSuffix=" + VersionSuffix,
            "-p:ContinuousIntegrationBuild=true").ShouldSucceed();

    /// <summary>
    /// Writes, above the consumer projects, a nuget.config that adds the feed next to the default source (the user-level <c>nuget.org</c> key, not
    /// cleared) and maps the PaperModel ids to the feed only, plus empty Directory.*.props files so nothing above the
    /// temporary folder leaks into the consumer builds.
    /// </summary>
    private void WriteConsumerConfiguration()
    {
        Directory.CreateDirectory(Projects);
        var globalPackages = DotNet.Run(Root, null, "nuget", "locals", "global-packages", "--list").ShouldSucceed()
            .Lines.Single(static l => l.StartsWith("global-packages:", StringComparison.Ordinal))["global-packages:".Length..].Trim();

        File.WriteAllText(
            Path.Combine(Projects, "nuget.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="papermodel-local" value="{Feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="papermodel-local">
                  <package pattern="PaperModel" />
                  <package pattern="PaperModel.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              <fallbackPackageFolders>
                <add key="machine" value="{globalPackages}" />
              </fallbackPackageFolders>
              <config>
                <add key="signatureValidationMode" value="accept" />
              </config>
            </configuration>
            """);
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Projects, name), "<Project />\n");
        }
    }
}

/// <summary>The tests that share one packed feed; they run one after another (each builds on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Packed packages";
}
