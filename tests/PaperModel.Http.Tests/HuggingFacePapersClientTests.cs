using PaperModel.Testing;

namespace PaperModel.Http.Tests;

public sealed class HuggingFacePapersClientTests
{
    private const string Json = "application/json";

    [Fact]
    public async Task A_day_reads_the_real_response_exactly_as_the_file_reader_does()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, Samples.DailyPapersPath, Json);
        using var clients = new Clients(server.BaseAddress);

        var papers = await clients.HuggingFace.GetDailyPapersAsync(HuggingFaceDailyPeriod.Day(new DateOnly(2026, 6, 1))).ToListAsync();

        papers.Should().Equal(Samples.Read(Samples.DailyPapersPath));
        papers.Should().HaveCount(4);
        var request = server.Requests.Single();
        request.PathAndQuery.Should().Be("/api/daily_papers?date=2026-06-01&p=0&limit=50");
        request.UserAgent.Should().StartWith("PaperModel.Http/0.1.0 ");
    }

    [Fact]
    public async Task Pages_are_followed_until_a_short_page()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) =>
        {
            var page = int.Parse(context.Request.Query["p"]!, System.Globalization.CultureInfo.InvariantCulture);
            return LocalServer.Send(context, Samples.DailyPage(page * 2, 2), Json);
        };
        using var clients = new Clients(server.BaseAddress, configure: static o => o.HuggingFacePageSize = 2);

        var papers = await clients.HuggingFace.GetDailyPapersAsync(HuggingFaceDailyPeriod.Week(2026, 23)).ToListAsync();

        papers.Select(static p => p.Id).Should().Equal(Samples.Read(Samples.DailyPapersPath).Select(static p => p.Id));
        server.Requests.Select(static r => r.PathAndQuery).Should().Equal(
            "/api/daily_papers?week=2026-W23&p=0&limit=2",
            "/api/daily_papers?week=2026-W23&p=1&limit=2",
            "/api/daily_papers?week=2026-W23&p=2&limit=2");
    }

    [Fact]
    public async Task A_server_that_ignores_the_page_number_does_not_loop_forever()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Send(context, Samples.DailyPage(0, 2), Json);
        using var clients = new Clients(server.BaseAddress, configure: static o => o.HuggingFacePageSize = 2);

        var papers = await clients.HuggingFace.GetDailyPapersAsync(HuggingFaceDailyPeriod.Month(2026, 6)).ToListAsync();

        papers.Should().HaveCount(2);
        server.Requests.Should().HaveCount(2);
        server.Requests.First().PathAndQuery.Should().StartWith("/api/daily_papers?month=2026-06&");
    }

    [Fact]
    public async Task A_paper_by_id_and_an_unknown_id()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => context.Request.Path == "/api/papers/2509.24002"
            ? LocalServer.SendFile(context, RepoPaths.Format("hf-paper-page-embedded.sample.json"), Json)
            : LocalServer.Status(context, 404);
        using var clients = new Clients(server.BaseAddress);

        var paper = await clients.HuggingFace.GetPaperAsync(ArxivId.Parse("2509.24002v2"));
        var missing = await clients.HuggingFace.GetPaperAsync(ArxivId.Parse("2509.99999"));

        paper.Should().Be(Samples.Read(RepoPaths.Format("hf-paper-page-embedded.sample.json")).Single());
        paper!.Title.Should().StartWith("MCPMark");
        missing.Should().BeNull();
    }

    [Fact]
    public async Task Search_sends_the_text_escaped()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, Samples.SearchPath, Json);
        using var clients = new Clients(server.BaseAddress);

        var papers = await clients.HuggingFace.SearchAsync("mixture of experts & LoRA", limit: 10).ToListAsync();

        papers.Should().Equal(Samples.Read(Samples.SearchPath)).And.HaveCount(9);
        server.Requests.Single().PathAndQuery.Should().Be("/api/papers/search?q=mixture%20of%20experts%20%26%20LoRA&limit=10");
    }

    [Fact]
    public async Task A_bad_record_throws_with_its_position_unless_problems_are_handled()
    {
        const string body = """[{"paper":{"id":"2606.00001","title":"Good","upvotes":3}},{"paper":{"id":"2606.00002","title":"Bad","upvotes":"many"}}]""";
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Send(context, body, Json);

        using (var strict = new Clients(server.BaseAddress))
        {
            var failure = await FluentActions.Awaiting(() => strict.HuggingFace.SearchAsync("x").ToListAsync().AsTask())
                .Should().ThrowAsync<PaperFetchException>();
            failure.Which.Error.Should().Be(PaperFetchError.BadRecord);
            failure.Which.Problem!.Code.Should().Be("PM1032");
            failure.Which.Problem.Source.Should().Be(new Uri(server.BaseAddress, "api/papers/search?q=x").AbsoluteUri);
            failure.Which.Problem.Line.Should().Be(1);
        }

        var problems = new List<ParseProblem>();
        using var lenient = new Clients(server.BaseAddress, configure: o => o.OnProblem = problems.Add);
        var papers = await lenient.HuggingFace.SearchAsync("x").ToListAsync();
        papers.Select(static p => p.Id).Should().Equal("2606.00001");
        problems.Select(static p => p.Code).Should().Equal("PM1032");
    }
}
