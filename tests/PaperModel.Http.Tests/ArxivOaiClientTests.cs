using PaperModel.Testing;
namespace PaperModel.Http.Tests;

public sealed class ArxivOaiClientTests
{
    private const string Xml = "text/xml";

    private static Task TwoPages(Microsoft.AspNetCore.Http.HttpContext context) =>
        LocalServer.Send(
            context,
            context.Request.Query["resumptionToken"] == "page|2" ? Samples.OaiPage(5, 3, token: null) : Samples.OaiPage(0, 5, token: "page|2"),
            Xml);

    [Fact]
    public async Task A_harvest_follows_resumption_tokens_to_the_last_page()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => TwoPages(context);
        using var clients = new Clients(server.BaseAddress);

        var pages = await clients.Oai.ListPagesAsync(new ArxivOaiRequest { Set = "cs", From = new DateOnly(2026, 1, 1), Until = new DateOnly(2026, 1, 5) }).ToListAsync();

        pages.Select(static p => p.ResumptionToken).Should().Equal("page|2", null);
        pages.SelectMany(static p => p.Papers).Should().Equal(Samples.Read(Samples.OaiPath));
        server.Requests.Select(static r => r.PathAndQuery).Should().Equal(
            "/oai?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2026-01-01&until=2026-01-05",
            "/oai?verb=ListRecords&resumptionToken=page%7C2");
        pages[0].Cursor.Should().Be(0);
    }

    [Fact]
    public async Task A_harvest_resumes_from_a_token()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => TwoPages(context);
        using var clients = new Clients(server.BaseAddress);

        var papers = await clients.Oai.ListRecordsAsync(new ArxivOaiRequest { ResumptionToken = "page|2" }).ToListAsync();

        papers.Select(static p => p.Id).Should().Equal("0801.3678", "0801.3698", "0801.3711");
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Paced_by_503_with_retry_after_the_harvest_waits_and_goes_on()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var server = await LocalServer.StartAsync(time);
        server.Respond = (context, n) => n == 2 ? LocalServer.Status(context, 503, retryAfter: "20") : TwoPages(context);
        using var clients = new Clients(server.BaseAddress, time);

        var papers = await FakeClock.Drive(time, () => clients.Oai.ListRecordsAsync(new ArxivOaiRequest { Set = "cs" }).ToListAsync().AsTask());

        papers.Should().HaveCount(8);
        var at = server.Requests.Select(static r => r.At).ToList();
        at.Should().HaveCount(3);
        (at[2] - at[1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(20));
        clients.Count("papermodel.http.retries").Should().Be(1);
    }

    [Fact]
    public async Task No_records_match_is_an_empty_harvest_and_a_bad_token_an_api_error()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Send(
            context,
            context.Request.Query.ContainsKey("resumptionToken")
                ? Samples.OaiError("badResumptionToken", "The value of the resumptionToken argument is invalid or expired.")
                : Samples.OaiError("noRecordsMatch", "No records match."),
            Xml);
        using var clients = new Clients(server.BaseAddress);

        (await clients.Oai.ListRecordsAsync(new ArxivOaiRequest { Set = "cs" }).ToListAsync()).Should().BeEmpty();
        var failure = await FluentActions.Awaiting(() => clients.Oai.ListRecordsAsync(new ArxivOaiRequest { ResumptionToken = "old" }).ToListAsync().AsTask())
            .Should().ThrowAsync<PaperFetchException>();
        failure.Which.Error.Should().Be(PaperFetchError.ApiError);
        failure.Which.Message.Should().Contain("badResumptionToken").And.Contain("invalid or expired");
    }
}
