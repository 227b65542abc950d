using System.Net;
using System.Net.Http.Headers;

namespace PaperModel.Http;

/// <summary>
/// The innermost handler of every client (inside the retries): waits for the host's turn, counts the attempt, and reads
/// the whole body while the turn lasts, so that one connection at a time is used and a body cut off part-way fails
/// this attempt (and is retried) instead of failing the parser later.
/// </summary>
internal sealed class PoliteHandler : DelegatingHandler
{
    private readonly HostRateLimiter _limiter;
    private readonly PaperModelHttpTelemetry _telemetry;
    private readonly TimeSpan _interval;
    private readonly long _maxBytes;

    public PoliteHandler(HostRateLimiter limiter, PaperModelHttpTelemetry telemetry, TimeSpan interval, long maxBytes)
    {
        _limiter = limiter;
        _telemetry = telemetry;
        _interval = interval;
        _maxBytes = maxBytes;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.Authority ?? string.Empty;
        using var turn = await _limiter.AcquireAsync(host, _interval, cancellationToken).ConfigureAwait(false);
        _telemetry.Request(host);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            _telemetry.RateLimited(host);
        }

        try
        {
            if (response.Content.Headers.ContentLength > _maxBytes)
            {
                throw new HttpRequestException($"The response body has {response.Content.Headers.ContentLength} bytes, more than the {_maxBytes} allowed.");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            buffered.Headers.ContentLength = body.Length;
            response.Content.Dispose();
            response.Content = buffered;
            return response;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            response.Dispose();
            throw ex as HttpRequestException ?? new HttpRequestException("The response body could not be read: " + ex.Message, ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The server's <c>Retry-After</c> as a delay from now, if it gave one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time) =>
        response?.Headers.RetryAfter switch
        {
            RetryConditionHeaderValue { Delta: { } delta } => delta,
            RetryConditionHeaderValue { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}
