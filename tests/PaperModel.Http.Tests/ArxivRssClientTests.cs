using PaperModel.Testing;

namespace PaperModel.Http.Tests;

public sealed class ArxivRssClientTests
{
    private const string RssType = "application/rss+xml";

    [Fact]
    public async Task The_feed_of_several_categories_reads_the_real_feed_exactly_as_the_file_reader_does()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, Samples.RssPath, RssType);
        using var clients = new Clients(server.BaseAddress);

        var papers = await clients.Rss.GetAnnouncementsAsync(["cs.CL", "cs.LG"]).ToListAsync();

        papers.Should().Equal(Samples.Read(Samples.RssPath));
        papers.Select(static p => p.AnnounceType).Should().Contain([ArxivAnnounceType.New, ArxivAnnounceType.Cross, ArxivAnnounceType.Replace]);
        server.Requests.Single().PathAndQuery.Should().Be("/rss/cs.CL+cs.LG");
    }

    [Fact]
    public async Task The_error_feed_of_an_unknown_category_is_an_api_error_with_arxivs_message()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, Samples.RssErrorPath, RssType);
        using var clients = new Clients(server.BaseAddress);

        var fetch = async () => await clients.Rss.GetAnnouncementsAsync(["astroph"]).ToListAsync();

        var error = (await fetch.Should().ThrowAsync<PaperFetchException>()).Which;
        error.Error.Should().Be(PaperFetchError.ApiError);
        error.Problem!.Code.Should().Be("PM1122");
        error.Message.Should().Contain("Bad archive 'astroph'");
    }

    [Fact]
    public async Task A_503_with_retry_after_is_waited_for_and_the_feed_then_read()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, attempt) => attempt == 1 ? LocalServer.Status(context, 503, "0") : LocalServer.SendFile(context, Samples.RssPath, RssType);
        using var clients = new Clients(server.BaseAddress);

        var papers = await clients.Rss.GetAnnouncementsAsync(["cs"]).ToListAsync();

        papers.Should().HaveCount(8);
        server.Requests.Should().HaveCount(2);
        clients.Count("papermodel.http.retries").Should().Be(1);
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(2, "cs.CL+")]
    [InlineData(1, "cs.CL/../../etc")]
    public void Bad_categories_are_refused_before_any_request(int count, string joined)
    {
        using var clients = new Clients(new Uri("http://127.0.0.1:9/"));

        var fetch = () => clients.Rss.GetAnnouncementsAsync(joined.Split('+').Take(count));

        fetch.Should().Throw<ArgumentException>().WithParameterName("categories");
    }
}
