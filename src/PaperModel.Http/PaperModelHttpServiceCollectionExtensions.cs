using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PaperModel.Http;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PaperModel HTTP clients.</summary>
public static class PaperModelHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HuggingFacePapersClient"/>, <see cref="ArxivApiClient"/>, <see cref="ArxivOaiClient"/> and
    /// <see cref="ArxivRssClient"/> as typed
    /// <see cref="HttpClient"/>s of the <see cref="System.Net.Http.IHttpClientFactory"/>, each with a resilience handler
    /// (total timeout, bounded retries with exponential back-off and jitter, <c>Retry-After</c> honoured on 429 and 503,
    /// attempt timeout) around one shared per-host rate limiter. A <see cref="TimeProvider"/> registered before this
    /// call drives every delay (<see cref="TimeProvider.System"/> otherwise).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes to the defaults of <see cref="PaperModelHttpOptions"/>, if any.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaperModelHttp(this IServiceCollection services, Action<PaperModelHttpOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<PaperModelHttpOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PaperModelHttpTelemetry>();
        services.TryAddSingleton(static sp => new HostRateLimiter(sp.GetRequiredService<TimeProvider>()));

        Add<HuggingFacePapersClient>(services, static o => o.HuggingFaceBaseAddress, static o => o.HuggingFaceRequestInterval);
        Add<ArxivApiClient>(services, static o => o.ArxivApiBaseAddress, static o => o.ArxivRequestInterval);
        Add<ArxivOaiClient>(services, static o => o.ArxivOaiBaseAddress, static o => o.ArxivRequestInterval);
        Add<ArxivRssClient>(services, static o => o.ArxivRssBaseAddress, static o => o.ArxivRequestInterval);
        return services;
    }

    private static void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(IServiceCollection services, Func<PaperModelHttpOptions, Uri> baseAddress, Func<PaperModelHttpOptions, TimeSpan> interval)
        where TClient : class
    {
        var builder = services.AddHttpClient<TClient>((sp, client) =>
        {
            var o = sp.GetRequiredService<IOptions<PaperModelHttpOptions>>().Value;
            client.BaseAddress = WithTrailingSlash(baseAddress(o));
            client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler's total timeout applies instead
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", o.UserAgent);
        });

        builder.ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            AutomaticDecompression = DecompressionMethods.All,
        });

        builder.AddResilienceHandler("papermodel", static (pipeline, context) =>
        {
            var o = context.ServiceProvider.GetRequiredService<IOptions<PaperModelHttpOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var telemetry = context.ServiceProvider.GetRequiredService<PaperModelHttpTelemetry>();
            pipeline.TimeProvider = time;
            pipeline.AddTimeout(o.TotalTimeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryDelay,

                // Retry-After is read here (not by ShouldRetryAfterHeader) so that a longer wait than MaxRetryAfter is
                // refused instead of being waited for: MaxDelay does not apply to delays that come from the header.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => new ValueTask<bool>(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && !(PoliteHandler.RetryAfter(args.Outcome.Result, time) > o.MaxRetryAfter)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(PoliteHandler.RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    telemetry.Retry(args.Context.GetRequestMessage()?.RequestUri?.Authority ?? string.Empty);
                    return default;
                },
            });
            pipeline.AddTimeout(o.AttemptTimeout);
        });

        builder.AddHttpMessageHandler(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PaperModelHttpOptions>>().Value;
            return new PoliteHandler(sp.GetRequiredService<HostRateLimiter>(), sp.GetRequiredService<PaperModelHttpTelemetry>(), interval(o), o.MaxResponseBytes);
        });
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
}
