using System.Globalization;
using PaperModel.Testing;

namespace PaperModel.Http.Tests;

public sealed class ArxivApiClientTests
{
    private const string AtomType = "application/atom+xml";

    private static int Start(Microsoft.AspNetCore.Http.HttpContext context) =>
        int.Parse(context.Request.Query["start"]!, CultureInfo.InvariantCulture);

    private static int Max(Microsoft.AspNetCore.Http.HttpContext context) =>
        int.Parse(context.Request.Query["max_results"]!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_query_reads_the_real_feed_exactly_as_the_file_reader_does()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, Samples.AtomPath, AtomType);
        using var clients = new Clients(server.BaseAddress);

        var papers = await clients.Arxiv.SearchAsync(new ArxivQuery { SearchQuery = "all:testing", MaxResults = 10 }).ToListAsync();

        papers.Should().Equal(Samples.Read(Samples.AtomPath));
        server.Requests.Single().PathAndQuery.Should().Be("/api/query?search_query=all%3Atesting&start=0&max_results=10");
    }

    [Fact]
    public async Task Pages_are_followed_to_the_feeds_total_with_dates_ids_and_sorting_in_the_query()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Send(context, Samples.AtomPage(Start(context), Max(context), total: 10), AtomType);
        using var clients = new Clients(server.BaseAddress, configure: static o => o.ArxivPageSize = 4);

        var query = new ArxivQuery
        {
            SearchQuery = "cat:cs.CL",
            SubmittedFrom = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
            SubmittedUntil = new DateTimeOffset(2026, 1, 6, 23, 59, 0, TimeSpan.Zero),
            SortBy = ArxivSortBy.SubmittedDate,
        };
        var papers = await clients.Arxiv.SearchAsync(query).ToListAsync();

        papers.Should().Equal(Samples.Read(Samples.AtomPath));
        server.Requests.Select(static r => r.Query("start")).Should().Equal("0", "4", "8");
        var first = server.Requests.First();
        first.Query("search_query").Should().Be("(cat:cs.CL) AND submittedDate:[202601050000 TO 202601062359]");
        first.Query("sortBy").Should().Be("submittedDate");
        first.Query("sortOrder").Should().Be("descending");
    }

    [Fact]
    public async Task An_id_list_and_a_maximum()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Send(context, Samples.AtomPage(Start(context), Max(context), total: 10), AtomType);
        using var clients = new Clients(server.BaseAddress, configure: static o => o.ArxivPageSize = 2);

        var papers = await clients.Arxiv.SearchAsync(new ArxivQuery { Ids = [ArxivId.Parse("2202.12139v1"), ArxivId.Parse("hep-th/9901001")], MaxResults = 3 }).ToListAsync();

        papers.Should().HaveCount(3);
        server.Requests.Select(static r => r.Query("max_results")).Should().Equal("2", "1");
        server.Requests.First().Query("id_list").Should().Be("2202.12139v1,hep-th/9901001");
    }

    [Fact]
    public async Task No_results_is_the_end_not_an_error()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Send(context, Samples.AtomPage(0, 0, total: 0), AtomType);
        using var clients = new Clients(server.BaseAddress);

        (await clients.Arxiv.SearchAsync(new ArxivQuery { SearchQuery = "ti:nothing" }).ToListAsync()).Should().BeEmpty();
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task An_empty_page_before_the_total_is_fetched_again()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, n) => LocalServer.Send(
            context,
            Start(context) == 5 && n <= 3 ? Samples.AtomPage(0, 0, total: 10) : Samples.AtomPage(Start(context), Max(context), total: 10),
            AtomType);
        using var clients = new Clients(server.BaseAddress, configure: static o => o.ArxivPageSize = 5);

        var papers = await clients.Arxiv.SearchAsync(new ArxivQuery { SearchQuery = "all:testing" }).ToListAsync();

        papers.Should().Equal(Samples.Read(Samples.AtomPath));
        server.Requests.Select(static r => r.Query("start")).Should().Equal("0", "5", "5", "5");
        clients.Count("papermodel.http.retries").Should().Be(2);
    }

    [Fact]
    public async Task A_page_that_stays_empty_is_a_distinct_error()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Send(
            context,
            Start(context) == 0 ? Samples.AtomPage(0, 5, total: 10) : Samples.AtomPage(0, 0, total: 10),
            AtomType);
        using var clients = new Clients(server.BaseAddress, configure: static o => (o.ArxivPageSize, o.EmptyPageRetries) = (5, 2));

        var seen = new List<Paper>();
        var failure = await FluentActions.Awaiting(async () =>
        {
            await foreach (var paper in clients.Arxiv.SearchAsync(new ArxivQuery { SearchQuery = "all:testing" }))
            {
                seen.Add(paper);
            }
        }).Should().ThrowAsync<PaperFetchException>();

        failure.Which.Error.Should().Be(PaperFetchError.EmptyPage);
        failure.Which.Message.Should().Contain("start=5").And.Contain("10 results");
        seen.Should().HaveCount(5);
        server.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task The_error_feed_with_status_400_is_an_api_error_with_the_apis_message()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Send(context, File.ReadAllText(RepoPaths.Format("arxiv-api-atom-error.sample.xml")), AtomType, status: 400);
        using var clients = new Clients(server.BaseAddress);

        var failure = await FluentActions.Awaiting(() => clients.Arxiv.SearchAsync(new ArxivQuery { Ids = [ArxivId.Parse("2202.12139")] }).ToListAsync().AsTask())
            .Should().ThrowAsync<PaperFetchException>();

        failure.Which.Error.Should().Be(PaperFetchError.ApiError);
        failure.Which.Problem!.Code.Should().Be("PM1051");
        failure.Which.Message.Should().Contain("incorrect id format for abc");
        server.Requests.Should().HaveCount(1, "a 400 is not worth retrying");
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_the_apis_path_under_it()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, Samples.AtomPath, AtomType);
        using var clients = new Clients(new Uri(server.BaseAddress, "mirror/arxiv"));

        await clients.Arxiv.SearchAsync(new ArxivQuery { SearchQuery = "all:testing", MaxResults = 1 }).ToListAsync();

        server.Requests.Single().PathAndQuery.Should().StartWith("/mirror/arxiv/api/query?search_query=");
    }
}
