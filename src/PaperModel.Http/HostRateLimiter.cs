using System.Collections.Concurrent;

namespace PaperModel.Http;

/// <summary>
/// One request at a time per host, and at least an interval between the starts of two requests to it. Shared by every
/// client of a service provider (so two clients of one host take turns). Time comes from a <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Hand-written rather than a <c>System.Threading.RateLimiting</c> limiter: those replenish on a timer of their own
/// that no <see cref="TimeProvider"/> drives, and a fixed window or token bucket lets two requests start close together
/// at a window edge, where arXiv asks for a steady spacing.
/// </remarks>
internal sealed class HostRateLimiter
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Host> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public HostRateLimiter(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Waits for the host's turn; disposing the result ends the turn.</summary>
    public async ValueTask<IDisposable> AcquireAsync(string host, TimeSpan interval, CancellationToken cancellationToken)
    {
        var state = _hosts.GetOrAdd(host, static _ => new Host());
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (state.LastStart is { } last && last + interval - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            state.LastStart = _time.GetUtcNow();
            return state;
        }
        catch
        {
            state.Gate.Release();
            throw;
        }
    }

    private sealed class Host : IDisposable
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset? LastStart { get; set; }

        public void Dispose() => Gate.Release();
    }
}
