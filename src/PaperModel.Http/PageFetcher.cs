using System.Net;
using Microsoft.Extensions.Options;
using PaperModel.Formats;
using Polly.Timeout;

namespace PaperModel.Http;

/// <summary>One fetched response: its request, status and whole body.</summary>
internal sealed record FetchedPage(Uri Uri, HttpStatusCode StatusCode, byte[] Body);

/// <summary>
/// What every client does with one request: send it through the resilient pipeline, turn failures into
/// <see cref="PaperFetchException"/>s, and read the body with a library format, handing problems to
/// <see cref="PaperModelHttpOptions.OnProblem"/>.
/// </summary>
internal sealed class PageFetcher
{
    private readonly HttpClient _http;

    public PageFetcher(HttpClient http, IOptions<PaperModelHttpOptions> options, PaperModelHttpTelemetry telemetry, TimeProvider time)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        Telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
        Time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public PaperModelHttpOptions Options { get; }

    public PaperModelHttpTelemetry Telemetry { get; }

    public TimeProvider Time { get; }

    /// <summary>Gets a page. Unsuccessful statuses throw, except those in <paramref name="accepted"/>.</summary>
    public async Task<FetchedPage> GetAsync(string relativeUri, CancellationToken cancellationToken, params HttpStatusCode[] accepted)
    {
        var uri = new Uri(_http.BaseAddress!, relativeUri);
        using var activity = PaperModelHttpTelemetry.ActivitySource.StartActivity("PaperModel.Http.GetPage");
        activity?.SetTag("url.full", uri.AbsoluteUri);
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new PaperFetchException(PaperFetchError.Network, $"GET {uri} failed: {ex.Message}", uri, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new PaperFetchException(PaperFetchError.Timeout, $"GET {uri} timed out: {ex.Message}", uri, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode && Array.IndexOf(accepted, response.StatusCode) < 0)
            {
                var retryAfter = PoliteHandler.RetryAfter(response, Time);
                var wait = retryAfter is { } r ? $"; it asks to wait {r.TotalSeconds:0} s, longer than the {Options.MaxRetryAfter.TotalSeconds:0} s allowed" : string.Empty;
                throw new PaperFetchException(PaperFetchError.HttpStatus, $"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}{wait}.", uri)
                {
                    StatusCode = response.StatusCode,
                    RetryAfter = retryAfter,
                };
            }

            return new FetchedPage(uri, response.StatusCode, body);
        }
    }

    /// <summary>
    /// Reads a page with a format. Problems go to <see cref="PaperModelHttpOptions.OnProblem"/>; without one an error
    /// throws. <paramref name="isApiError"/> picks the problems that report a failed request: those always throw.
    /// </summary>
    public List<Paper> Read(FetchedPage page, PaperFormat format, Func<ParseProblem, bool>? isApiError = null)
    {
        var papers = new List<Paper>();
        using var stream = new MemoryStream(page.Body, writable: false);
        foreach (var item in format.Read(stream, new PaperReadOptions { SourceName = page.Uri.AbsoluteUri }))
        {
            if (item.Paper is { } paper)
            {
                papers.Add(paper);
            }
            else if (item.Problem is { } problem)
            {
                Report(page, problem, isApiError?.Invoke(problem) == true);
            }
        }

        return papers;
    }

    private void Report(FetchedPage page, ParseProblem problem, bool isApiError)
    {
        if (isApiError)
        {
            throw new PaperFetchException(PaperFetchError.ApiError, problem.ToString(), page.Uri) { StatusCode = page.StatusCode, Problem = problem };
        }

        if (Options.OnProblem is { } handler)
        {
            handler(problem);
        }
        else if (problem.Severity == ProblemSeverity.Error)
        {
            throw new PaperFetchException(PaperFetchError.BadRecord, problem.ToString(), page.Uri) { StatusCode = page.StatusCode, Problem = problem };
        }
    }
}
