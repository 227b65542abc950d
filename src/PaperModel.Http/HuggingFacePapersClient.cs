using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PaperModel.Formats;

namespace PaperModel.Http;

/// <summary>Which Daily Papers list to fetch: the latest, one day, one ISO week or one month. Immutable.</summary>
public sealed record HuggingFaceDailyPeriod
{
    private HuggingFaceDailyPeriod(string? parameter, string? value)
    {
        QueryParameter = parameter;
        Value = value;
    }

    /// <summary>The latest list (no parameter).</summary>
    public static HuggingFaceDailyPeriod Latest { get; } = new(null, null);

    /// <summary>The query parameter (<c>date</c>, <c>week</c>, <c>month</c>), or <see langword="null"/> for the latest list.</summary>
    public string? QueryParameter { get; }

    /// <summary>Its value (<c>2026-01-05</c>, <c>2026-W02</c>, <c>2026-01</c>).</summary>
    public string? Value { get; }

    /// <summary>The list of one day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The period.</returns>
    public static HuggingFaceDailyPeriod Day(DateOnly date) => new("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The list of one ISO 8601 week.</summary>
    /// <param name="year">The ISO week-numbering year.</param>
    /// <param name="week">The week, 1 to 52 or 53.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year has no such week.</exception>
    public static HuggingFaceDailyPeriod Week(int year, int week)
    {
        if (year is < 1 or > 9999 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"{year} has no ISO week {week}.");
        }

        return new("week", string.Format(CultureInfo.InvariantCulture, "{0:0000}-W{1:00}", year, week));
    }

    /// <summary>The list of one month.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The period.</returns>
    public static HuggingFaceDailyPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new("month", first.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The Hugging Face papers API (<c>api/daily_papers</c>, <c>api/papers/{id}</c>, <c>api/papers/search</c>), read with
/// <see cref="PaperFormats.HuggingFaceApi"/>. A typed client of the <see cref="IHttpClientFactory"/>: get it from
/// <c>services.AddPaperModelHttp()</c>. Thread-safe.
/// </summary>
public sealed class HuggingFacePapersClient
{
    private readonly PageFetcher _fetcher;

    /// <summary>Creates the client (the HTTP client factory does this).</summary>
    /// <param name="httpClient">The HTTP client, with its base address.</param>
    /// <param name="options">The options.</param>
    /// <param name="telemetry">The counters.</param>
    /// <param name="timeProvider">The clock.</param>
    public HuggingFacePapersClient(HttpClient httpClient, IOptions<PaperModelHttpOptions> options, PaperModelHttpTelemetry telemetry, TimeProvider timeProvider)
    {
        _fetcher = new PageFetcher(httpClient, options, telemetry, timeProvider);
    }

    /// <summary>
    /// Streams a Daily Papers list, page by page (<c>p</c>, <c>limit</c> = <see cref="PaperModelHttpOptions.HuggingFacePageSize"/>),
    /// until a page is short or repeats the papers already seen.
    /// </summary>
    /// <param name="period">The list; <see langword="null"/> for <see cref="HuggingFaceDailyPeriod.Latest"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration and the request in flight.</param>
    /// <returns>The papers in list order.</returns>
    /// <exception cref="PaperFetchException">A request failed after its retries, or a record is bad and no <see cref="PaperModelHttpOptions.OnProblem"/> is set.</exception>
    public async IAsyncEnumerable<Paper> GetDailyPapersAsync(HuggingFaceDailyPeriod? period = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        period ??= HuggingFaceDailyPeriod.Latest;
        var size = Math.Max(1, _fetcher.Options.HuggingFacePageSize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var pageNumber = 0; ; pageNumber++)
        {
            var query = period.QueryParameter is null ? string.Empty : $"{period.QueryParameter}={Uri.EscapeDataString(period.Value!)}&";
            var page = await _fetcher.GetAsync($"api/daily_papers?{query}p={pageNumber}&limit={size}", cancellationToken).ConfigureAwait(false);
            var papers = _fetcher.Read(page, PaperFormats.HuggingFaceApi);
            var fresh = 0;
            foreach (var paper in papers)
            {
                if (seen.Add(paper.Id))
                {
                    fresh++;
                    yield return paper;
                }
            }

            if (fresh == 0 || CountItems(page.Body) < size)
            {
                yield break;
            }
        }
    }

    /// <summary>Gets one paper (<c>api/papers/{id}</c>), or <see langword="null"/> when Hugging Face does not know it (404).</summary>
    /// <param name="arxivId">The arXiv id; a version is ignored.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The paper, or <see langword="null"/>.</returns>
    /// <exception cref="PaperFetchException">The request failed after its retries, or the answer is not a paper.</exception>
    public async Task<Paper?> GetPaperAsync(ArxivId arxivId, CancellationToken cancellationToken = default)
    {
        var page = await _fetcher.GetAsync("api/papers/" + arxivId.WithoutVersion(), cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return page.StatusCode == HttpStatusCode.NotFound ? null : _fetcher.Read(page, PaperFormats.HuggingFaceApi).FirstOrDefault();
    }

    /// <summary>Searches the papers (<c>api/papers/search?q=</c>); one request.</summary>
    /// <param name="query">The search text.</param>
    /// <param name="limit">The most results to ask for, or <see langword="null"/> for the service's default.</param>
    /// <param name="cancellationToken">Stops the enumeration and the request.</param>
    /// <returns>The papers in the service's order.</returns>
    /// <exception cref="PaperFetchException">The request failed after its retries, or a record is bad and no <see cref="PaperModelHttpOptions.OnProblem"/> is set.</exception>
    public async IAsyncEnumerable<Paper> SearchAsync(string query, int? limit = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException("The search text is empty.", nameof(query));
        }

        var uri = "api/papers/search?q=" + Uri.EscapeDataString(query) + (limit is { } l ? $"&limit={l}" : string.Empty);
        var page = await _fetcher.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        foreach (var paper in _fetcher.Read(page, PaperFormats.HuggingFaceApi))
        {
            yield return paper;
        }
    }

    // The number of elements of a top-level JSON array (1 for anything else), whether or not they became papers.
    private static int CountItems(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        var count = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return 1;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                count++;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // The reader already reported the broken JSON; count what was read.
        }

        return count;
    }
}
