using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace PaperModel.Http.Tests;

/// <summary>The clients of one service provider pointed at a local server, and the counters they reported.</summary>
internal sealed class Clients : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _counts = [];

    public Clients(Uri baseAddress, TimeProvider? time = null, Action<PaperModelHttpOptions>? configure = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddPaperModelHttp(o =>
        {
            o.HuggingFaceBaseAddress = o.ArxivApiBaseAddress = o.ArxivOaiBaseAddress = o.ArxivRssBaseAddress = baseAddress;

            // Fast by default; the politeness tests set their own intervals and a fake clock.
            o.ArxivRequestInterval = o.HuggingFaceRequestInterval = TimeSpan.Zero;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(o);
        });
        _services = services.BuildServiceProvider();
        Telemetry = _services.GetRequiredService<PaperModelHttpTelemetry>();

        // Only this provider's meter: tests run in parallel, each with its own meter factory.
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PaperModelHttpTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_counts)
            {
                _counts[instrument.Name] = _counts.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();
    }

    public PaperModelHttpTelemetry Telemetry { get; }

    public HuggingFacePapersClient HuggingFace => _services.GetRequiredService<HuggingFacePapersClient>();

    public ArxivApiClient Arxiv => _services.GetRequiredService<ArxivApiClient>();

    public ArxivOaiClient Oai => _services.GetRequiredService<ArxivOaiClient>();

    public ArxivRssClient Rss => _services.GetRequiredService<ArxivRssClient>();

    /// <summary>The total of a counter of this provider's meter (<c>papermodel.http.requests</c>...).</summary>
    public long Count(string counter)
    {
        lock (_counts)
        {
            return _counts.GetValueOrDefault(counter);
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
