using System.Text.Json;
using PaperModel.PackageTests.Infrastructure;
using PaperModel.Testing;
using Xunit.Abstractions;

namespace PaperModel.PackageTests;

/// <summary>The <c>papers</c> tool installed from the packed feed the way users install it, then run on the sample page.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ToolTests(PackedPackages packages, ITestOutputHelper output)
{
    [Fact]
    public void Papers_tool_installs_from_the_feed_and_reads_the_sample_page()
    {
        // Outside the consumer projects' nuget.config: the feed comes only from --add-source, as in the docs.
        var tools = Path.Combine(packages.Root, "tools");
        var install = DotNet.Run(
            packages.Root,
            packages.ConsumerEnvironment,
            "tool",
            "install",
            "--tool-path",
            tools,
            "--add-source",
            packages.Feed,
            "PaperModel.Cli",
            "--version",
            packages.Version);
        output.WriteLine(install.Output);
        install.ShouldSucceed();

        var run = ProcessRunner.Run(
            Path.Combine(tools, "papers"),
            ["read", RepoPaths.DailyPapersPage, "--output", "jsonl", "--year", "2025"],
            packages.Root,
            new Dictionary<string, string?> { ["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(DotNet.Host)) },
            DotNet.Timeout);
        output.WriteLine(run.Output);

        run.ShouldSucceed();
        run.Lines.Where(static l => l.Length > 0).Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString())
            .Should().Equal(SeedLabels.Titles, "the page's papers are the labelled rows, in order");
    }
}
