using Microsoft.Extensions.Time.Testing;

namespace PaperModel.Http.Tests;

public sealed class HostRateLimiterTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_second_request_to_a_host_starts_three_seconds_after_the_first()
    {
        var time = new FakeTimeProvider();
        var limiter = new HostRateLimiter(time);

        (await limiter.AcquireAsync("export.arxiv.org", Interval, default)).Dispose();
        var second = limiter.AcquireAsync("export.arxiv.org", Interval, default).AsTask();

        time.Advance(TimeSpan.FromMilliseconds(2999));
        second.IsCompleted.Should().BeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task One_request_at_a_time_per_host_and_hosts_do_not_wait_for_each_other()
    {
        var time = new FakeTimeProvider();
        var limiter = new HostRateLimiter(time);

        var first = await limiter.AcquireAsync("export.arxiv.org", TimeSpan.Zero, default);
        var sameHost = limiter.AcquireAsync("export.arxiv.org", TimeSpan.Zero, default).AsTask();
        var otherHost = await limiter.AcquireAsync("huggingface.co", Interval, default).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        await Task.Delay(50);
        sameHost.IsCompleted.Should().BeFalse("the first request to the host has not ended");
        first.Dispose();
        (await sameHost.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        otherHost.Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_its_turn()
    {
        var time = new FakeTimeProvider();
        var limiter = new HostRateLimiter(time);
        (await limiter.AcquireAsync("h", Interval, default)).Dispose();

        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync("h", Interval, cancel.Token).AsTask();
        cancel.Cancel();
        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<OperationCanceledException>();

        var next = limiter.AcquireAsync("h", Interval, default).AsTask();
        time.Advance(Interval);
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }
}
