using System.Runtime.InteropServices;
using System.Text.Json;
using PaperModel.Digest.Tests;
using PaperModel.Formats;
using PaperModel.PackageTests.Infrastructure;
using PaperModel.Testing;
using Xunit.Abstractions;

namespace PaperModel.PackageTests;

/// <summary>
/// The <c>papers</c> tool installed from the packed feed the way users install it (on Linux x64, the native executable),
/// then classifying the sample page, fetching from a local HTTP server and mailing a digest to a local SMTP server: the
/// code paths a trimmed native build could lose.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ToolTests(PackedPackages packages, ITestOutputHelper output)
{
    [Fact]
    public void Papers_tool_installs_from_the_feed_and_classifies_the_sample_page()
    {
        var tools = Install("tools");

        var run = ProcessRunner.Run(
            Path.Combine(tools, "papers"),
            ["classify", RepoPaths.DailyPapersPage, "--as", "jsonl", "--year", "2025"],
            packages.Root,
            ToolEnvironment(),
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
            ToolEnvironment(),
            DotNet.Timeout);
        digest.ShouldSucceed();
        digest.Output.Should().StartWith("<!DOCTYPE html>").And.Contain("Mixture of experts").And.Contain("<mark");
    }

    [Fact]
    public async Task Installed_tool_fetches_over_http_and_mails_a_digest_over_smtp()
    {
        var papers = Path.Combine(Install("tools-network"), "papers");

        await using var web = await LocalServer.StartAsync();
        web.Respond = static (context, _) => LocalServer.SendFile(context, RepoPaths.Format("hf-daily-papers-api.sample.json"), "application/json");
        var fetch = ProcessRunner.Run(papers, ["fetch", "hf-daily", "--base-url", web.BaseAddress.ToString(), "--date", "2026-06-01"], packages.Root, ToolEnvironment(), DotNet.Timeout);
        output.WriteLine(fetch.Output);
        fetch.ShouldSucceed();
        var expected = PaperReader.ReadFile(RepoPaths.Format("hf-daily-papers-api.sample.json")).Papers.Select(static p => p.Title).ToList();
        expected.Should().NotBeEmpty();
        fetch.Lines.Where(static l => l.StartsWith('{')).Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString())
            .Should().Equal(expected, "the fetched list is the served one");
        web.Requests.Should().ContainSingle().Which.Query("date").Should().Be("2026-06-01");

        const string User = "reader";
        const string Password = "s3cret";
        await using var smtp = SmtpTestServer.Start(User, Password);
        var environment = new Dictionary<string, string?>(ToolEnvironment()) { ["PAPERS_SMTP_USER"] = User, ["PAPERS_SMTP_PASSWORD"] = Password };
        var digest = ProcessRunner.Run(
            papers,
            ["digest", RepoPaths.DailyPapersPage, "--topic", "moe", "--year", "2025", "--mail-to", "team@example.org", "--smtp", $"127.0.0.1:{smtp.Port}", "--smtp-security", "none"],
            packages.Root,
            environment,
            DotNet.Timeout);
        output.WriteLine(digest.Output);
        digest.ShouldSucceed();
        smtp.Users.Should().Equal([User]);
        var message = smtp.Messages.Should().ContainSingle().Subject;
        message.To.Should().Equal("team@example.org");
        message.Message.HtmlBody.Should().Contain("Mixture of experts").And.Contain("<mark");
        message.Message.TextBody.Should().Contain("Mixture of experts");
    }

    // Installs the tool from the feed into a folder of its own, outside the consumer projects' nuget.config (the feed
    // comes only from --add-source, as in the docs), and checks which RID-specific package was installed.
    private string Install(string folder)
    {
        var tools = Path.Combine(packages.Root, folder);
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
        return tools;
    }

    // The portable tool finds the runtime of the SDK running the tests; the native one needs none.
    private static Dictionary<string, string?> ToolEnvironment() => new() { ["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(DotNet.Host)) };
}
