using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaperModel.Http;

/// <summary>
/// The names under which the clients report: an <see cref="ActivitySource"/> with one activity per fetched page and a
/// <see cref="Meter"/> with the counters <c>papermodel.http.requests</c> (every attempt sent),
/// <c>papermodel.http.retries</c> and <c>papermodel.http.rate_limited</c> (429 answers), each tagged with the host
/// (<c>server.address</c>). Thread-safe.
/// </summary>
public sealed class PaperModelHttpTelemetry
{
    /// <summary>The name of the activity source and of the meter, <c>PaperModel.Http</c>.</summary>
    public const string Name = "PaperModel.Http";

    internal static readonly ActivitySource ActivitySource = new(Name);

    private readonly Counter<long> _requests;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _rateLimited;

    /// <summary>Creates the instruments with a meter from <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The application's meter factory.</param>
    public PaperModelHttpTelemetry(IMeterFactory meterFactory)
    {
        if (meterFactory is null)
        {
            throw new ArgumentNullException(nameof(meterFactory));
        }

        var meter = meterFactory.Create(Name);
        _requests = meter.CreateCounter<long>("papermodel.http.requests", "{request}", "Requests sent, every attempt counted.");
        _retries = meter.CreateCounter<long>("papermodel.http.retries", "{retry}", "Requests sent again after a failure or an empty page.");
        _rateLimited = meter.CreateCounter<long>("papermodel.http.rate_limited", "{response}", "429 Too Many Requests answers.");
    }

    internal void Request(string host) => _requests.Add(1, new KeyValuePair<string, object?>("server.address", host));

    internal void Retry(string host) => _retries.Add(1, new KeyValuePair<string, object?>("server.address", host));

    internal void RateLimited(string host) => _rateLimited.Add(1, new KeyValuePair<string, object?>("server.address", host));
}
