using System.Net;
using Microsoft.Extensions.Time.Testing;
using PaperModel.Testing;

namespace PaperModel.Http.Tests;

/// <summary>The clients against a server that fails in the ways real services do.</summary>
public sealed class MisbehaviourTests
{
    private const string Json = "application/json";

    private static readonly HuggingFaceDailyPeriod Day = HuggingFaceDailyPeriod.Day(new DateOnly(2026, 6, 1));

    private static Task Sample(Microsoft.AspNetCore.Http.HttpContext context) => LocalServer.SendFile(context, Samples.DailyPapersPath, Json);

    [Fact]
    public async Task Status_429_with_retry_after_is_waited_for_then_retried()
    {
        var time = new FakeTimeProvider();
        await using var server = await LocalServer.StartAsync(time);
        server.Respond = (context, n) => n == 1 ? LocalServer.Status(context, 429, retryAfter: "5") : Sample(context);
        using var clients = new Clients(server.BaseAddress, time);

        var papers = await FakeClock.Drive(time, () => clients.HuggingFace.GetDailyPapersAsync(Day).ToListAsync().AsTask());

        papers.Should().HaveCount(4);
        var at = server.Requests.Select(static r => r.At).ToList();
        (at[1] - at[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
        clients.Count("papermodel.http.rate_limited").Should().Be(1);
        clients.Count("papermodel.http.retries").Should().Be(1);
        clients.Count("papermodel.http.requests").Should().Be(2);
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_fails_at_once_and_says_so()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Status(context, 429, retryAfter: "3600");
        using var clients = new Clients(server.BaseAddress);

        var failure = await FluentActions.Awaiting(() => clients.HuggingFace.GetDailyPapersAsync(Day).ToListAsync().AsTask())
            .Should().ThrowAsync<PaperFetchException>();

        failure.Which.Error.Should().Be(PaperFetchError.HttpStatus);
        failure.Which.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        failure.Which.RetryAfter.Should().Be(TimeSpan.FromHours(1));
        failure.Which.Message.Should().Contain("3600 s");
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Status_503_is_retried_a_bounded_number_of_times()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Status(context, 503);
        using var clients = new Clients(server.BaseAddress, configure: static o => o.MaxRetries = 2);

        var failure = await FluentActions.Awaiting(() => clients.HuggingFace.GetDailyPapersAsync(Day).ToListAsync().AsTask())
            .Should().ThrowAsync<PaperFetchException>();

        failure.Which.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        server.Requests.Should().HaveCount(3);
        clients.Count("papermodel.http.retries").Should().Be(2);
    }

    [Fact]
    public async Task A_slow_response_times_out_and_is_retried()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, n) => n == 1 ? LocalServer.Slow(context) : Sample(context);
        using var clients = new Clients(server.BaseAddress, configure: static o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        (await clients.HuggingFace.GetDailyPapersAsync(Day).ToListAsync()).Should().HaveCount(4);
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_response_that_stays_slow_is_a_timeout()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Slow(context);
        using var clients = new Clients(server.BaseAddress, configure: static o => (o.AttemptTimeout, o.MaxRetries) = (TimeSpan.FromMilliseconds(200), 1));

        var failure = await FluentActions.Awaiting(() => clients.HuggingFace.GetDailyPapersAsync(Day).ToListAsync().AsTask())
            .Should().ThrowAsync<PaperFetchException>();

        failure.Which.Error.Should().Be(PaperFetchError.Timeout);
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_truncated_body_is_fetched_again()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, n) => n == 1
            ? LocalServer.Truncated(context, File.ReadAllText(Samples.DailyPapersPath), Json)
            : Sample(context);
        using var clients = new Clients(server.BaseAddress);

        (await clients.HuggingFace.GetDailyPapersAsync(Day).ToListAsync()).Should().Equal(Samples.Read(Samples.DailyPapersPath));
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_reset_connection_is_retried_and_a_server_that_keeps_resetting_is_a_network_error()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, n) => n == 1 ? LocalServer.Reset(context) : Sample(context);
        using (var clients = new Clients(server.BaseAddress))
        {
            (await clients.HuggingFace.GetDailyPapersAsync(Day).ToListAsync()).Should().HaveCount(4);
        }

        server.Respond = (context, _) => LocalServer.Reset(context);
        using var failing = new Clients(server.BaseAddress, configure: static o => o.MaxRetries = 1);
        var failure = await FluentActions.Awaiting(() => failing.HuggingFace.GetDailyPapersAsync(Day).ToListAsync().AsTask())
            .Should().ThrowAsync<PaperFetchException>();
        failure.Which.Error.Should().Be(PaperFetchError.Network);
    }

    [Fact]
    public async Task Cancellation_stops_a_request_in_flight()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.Slow(context);
        using var clients = new Clients(server.BaseAddress);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await FluentActions.Awaiting(() => clients.HuggingFace.GetDailyPapersAsync(Day, cancel.Token).ToListAsync().AsTask())
            .Should().ThrowAsync<OperationCanceledException>();
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Requests_to_arxiv_start_three_seconds_apart_on_one_connection()
    {
        var time = new FakeTimeProvider();
        await using var server = await LocalServer.StartAsync(time);
        server.Respond = (context, _) => LocalServer.Send(
            context,
            Samples.AtomPage(int.Parse(context.Request.Query["start"]!, System.Globalization.CultureInfo.InvariantCulture), 2, total: 6),
            "application/atom+xml");
        using var clients = new Clients(server.BaseAddress, time, static o => (o.ArxivRequestInterval, o.ArxivPageSize) = (TimeSpan.FromSeconds(3), 2));

        var papers = await FakeClock.Drive(time, () => clients.Arxiv.SearchAsync(new ArxivQuery { SearchQuery = "all:testing" }).ToListAsync().AsTask());

        papers.Should().HaveCount(6);
        var at = server.Requests.Select(static r => r.At).ToList();
        at.Should().HaveCount(3);
        // Arrival times at the server; the limiter spaces the starts, transit adds at most a few clock steps.
        at.Zip(at.Skip(1), static (a, b) => b - a).Should().AllSatisfy(static gap => gap.Should().BeGreaterThan(TimeSpan.FromSeconds(3) - (10 * FakeClock.Step)));
    }
}
