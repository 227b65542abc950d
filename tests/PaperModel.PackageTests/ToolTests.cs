using System.Runtime.InteropServices;
using System.Text.Json;
using PaperModel.PackageTests.Infrastructure;
using PaperModel.Testing;
using Xunit.Abstractions;

namespace PaperModel.PackageTests;

/// <summary>The <c>papers</c> tool installed from the packed feed the way users install it, then classifying the sample page.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ToolTests(PackedPackages packages, ITestOutputHelper output)
{
    [Fact]
    public void Papers_tool_installs_from_the_feed_and_classifies_the_sample_page()
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

        // The pointer package installs the package of this platform: the native executable on Linux x64, the portable
        // one elsewhere.
        var linux = RuntimeInformation.RuntimeIdentifier == "linux-x64";
        var rid = linux ? "linux-x64" : "any";
        var store = Path.Combine(tools, ".store", "papermodel.cli", packages.Version);
        File.Exists(Path.Combine(store, "papermodel.cli." + rid, packages.Version, "tools", linux ? "any" : "net10.0", rid, linux ? "papers" : "papers.dll"))
            .Should().BeTrue("the tool of {0} is installed under {1}", rid, store);

        var run = ProcessRunner.Run(
            Path.Combine(tools, "papers"),
            ["classify", RepoPaths.DailyPapersPage, "--as", "jsonl", "--year", "2025"],
            packages.Root,
            new Dictionary<string, string?> { ["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(DotNet.Host)) },
            DotNet.Timeout);
        output.WriteLine(run.Output);

        run.ShouldSucceed();
        var papers = run.Lines.Where(static l => l.Length > 0).Select(static l => JsonDocument.Parse(l).RootElement).ToList();
        papers.Select(static p => p.GetProperty("title").GetString())
            .Should().Equal(SeedLabels.Titles, "the page's papers are the labelled rows, in order");
        for (var i = 0; i < papers.Count; i++)
        {
            var assigned = papers[i].GetProperty("topics").EnumerateArray().Select(static t => t.GetProperty("id").GetString()).ToList();
            foreach (var must in SeedLabels.MustTopics[i])
            {
                assigned.Should().Contain(must, "paper {0} ({1}) is labelled with it", i + 1, SeedLabels.Titles[i]);
            }
        }

        // The digest command and its packages (PaperModel.Digest, MailKit) come with the tool.
        var digest = ProcessRunner.Run(
            Path.Combine(tools, "papers"),
            ["digest", RepoPaths.DailyPapersPage, "--topic", "moe", "--as", "html", "--year", "2025"],
            packages.Root,
            new Dictionary<string, string?> { ["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(DotNet.Host)) },
            DotNet.Timeout);
        digest.ShouldSucceed();
        digest.Output.Should().StartWith("<!DOCTYPE html>").And.Contain("Mixture of experts").And.Contain("<mark");
    }
}
