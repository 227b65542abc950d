using System.Text.Json;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Cli.Tests;

/// <summary><c>papers fetch</c> against a real local server playing the services.</summary>
public sealed class FetchCommandTests
{
    private static string Ids(CliRun run) =>
        string.Join(" ", run.StdoutLines.Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));

    private static string SampleIds(string file) =>
        string.Join(" ", PaperReader.ReadFile(RepoPaths.Format(file)).Papers.Select(static p => p.Id));

    [Fact]
    public async Task Hf_daily_writes_json_lines_from_the_api_under_the_base_url()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, RepoPaths.Format("hf-daily-papers-api.sample.json"), "application/json");

        var run = await Task.Run(() => CliRun.InProcess(null, "fetch", "hf-daily", "--date", "2026-06-01", "--base-url", server.BaseAddress + "hub/"));

        run.ExitCode.Should().Be(0, run.Stderr);
        Ids(run).Should().Be(SampleIds("hf-daily-papers-api.sample.json"));
        server.Requests.Single().PathAndQuery.Should().Be("/hub/api/daily_papers?date=2026-06-01&p=0&limit=50");
        run.Stderr.Should().Contain("4 papers fetched");
    }

    [Fact]
    public async Task Arxiv_pipes_into_classify()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, RepoPaths.Format("arxiv-api-atom.sample.xml"), "application/atom+xml");

        var fetched = await Task.Run(() => CliRun.InProcess(null, "fetch", "arxiv", "--query", "all:testing", "--from", "2026-04-01", "--max", "10", "--base-url", server.BaseAddress.ToString()));
        var classified = CliRun.InProcess(fetched.Stdout, "classify", "-", "--output", "jsonl");

        fetched.ExitCode.Should().Be(0, fetched.Stderr);
        Ids(fetched).Should().Be(SampleIds("arxiv-api-atom.sample.xml"));
        var query = Uri.UnescapeDataString(server.Requests.Single().PathAndQuery);
        query.Should().Contain("search_query=(all:testing) AND submittedDate:[202604010000 TO 999912312359]").And.Contain("max_results=10");
        classified.ExitCode.Should().Be(0, classified.Stderr);
        classified.StdoutLines.Should().HaveCount(10);
    }

    [Fact]
    public async Task Arxiv_oai_resumes_a_harvest_that_stopped()
    {
        var sample = File.ReadAllText(RepoPaths.Format("arxiv-oai-arxivraw.sample.xml"));
        var lastPage = sample.Replace("496549|47001", string.Empty, StringComparison.Ordinal);
        var tokenWorks = false;
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => context.Request.Query.ContainsKey("resumptionToken")
            ? tokenWorks
                ? LocalServer.Send(context, lastPage, "text/xml")
                : LocalServer.Send(context, """<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="badResumptionToken">expired</error></OAI-PMH>""", "text/xml")
            : LocalServer.Send(context, sample, "text/xml");
        var state = Path.Combine(Path.GetTempPath(), $"papers-oai-{Guid.NewGuid():N}.token");

        var first = await Task.Run(() => CliRun.InProcess(null, "fetch", "arxiv-oai", "--set", "cs", "--from", "2026-01-01", "--resume", state, "--base-url", server.BaseAddress.ToString()));

        first.ExitCode.Should().Be(1);
        first.StdoutLines.Should().HaveCount(8);
        first.Stderr.Should().Contain("badResumptionToken").And.Contain("8 of 907096 records harvested");
        File.ReadAllText(state).Trim().Should().Be("496549|47001");

        tokenWorks = true;
        var second = await Task.Run(() => CliRun.InProcess(null, "fetch", "arxiv-oai", "--resume", state, "--base-url", server.BaseAddress.ToString()));

        second.ExitCode.Should().Be(0, second.Stderr);
        second.StdoutLines.Should().HaveCount(8);
        second.Stderr.Should().Contain("resuming the harvest from token '496549|47001'");
        server.Requests.Last().PathAndQuery.Should().Be("/oai?verb=ListRecords&resumptionToken=496549%7C47001");
        File.Exists(state).Should().BeFalse("the harvest ended");
    }

    [Fact]
    public async Task Arxiv_rss_writes_the_announcement_with_its_announce_types()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, RepoPaths.Format("arxiv-rss.sample.xml"), "application/rss+xml");

        var run = await Task.Run(() => CliRun.InProcess(null, "fetch", "arxiv-rss", "cs.CL+cs.LG", "--base-url", server.BaseAddress + "mirror/"));

        run.ExitCode.Should().Be(0, run.Stderr);
        Ids(run).Should().Be(SampleIds("arxiv-rss.sample.xml"));
        run.StdoutLines.Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("announceType").GetString()).Distinct()
            .Should().Equal("New", "Cross", "Replace");
        server.Requests.Single().PathAndQuery.Should().Be("/mirror/rss/cs.CL+cs.LG");
        run.Stderr.Should().Contain("8 papers fetched");
    }

    [Fact]
    public async Task Arxiv_rss_of_an_unknown_category_fails_with_arxivs_message()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, RepoPaths.Format("arxiv-rss-error.sample.xml"), "application/rss+xml");

        var run = await Task.Run(() => CliRun.InProcess(null, "fetch", "arxiv-rss", "astroph", "--base-url", server.BaseAddress.ToString()));

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("PM1122").And.Contain("Bad archive 'astroph'");
        run.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("arxiv-rss", "cs.CL+")]
    [InlineData("arxiv-rss", "cs.CL/x")]
    [InlineData("hf-daily", "--date", "2026-13-01")]
    [InlineData("hf-daily", "--week", "2026-W54")]
    [InlineData("hf-daily", "--base-url", "ftp://example.org/")]
    [InlineData("arxiv", "--max", "5")]
    public void Bad_arguments_are_usage_errors_without_a_request(params string[] args)
    {
        var run = CliRun.InProcess(null, ["fetch", .. args]);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("papers: error: ");
        run.Stdout.Should().BeEmpty();
    }
}
