using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using PaperModel.Formats;
using Polly;
using Polly.Retry;

namespace PaperModel.Http;

/// <summary>How the arXiv API sorts results.</summary>
public enum ArxivSortBy
{
    /// <summary>By relevance to the query (the API's default).</summary>
    Relevance,

    /// <summary>By the date of the latest version.</summary>
    LastUpdatedDate,

    /// <summary>By the date of the first version.</summary>
    SubmittedDate,
}

/// <summary>A query of the arXiv API. Immutable.</summary>
public sealed record ArxivQuery
{
    /// <summary>The <c>search_query</c> (<c>cat:cs.CL AND ti:lora</c>), or <see langword="null"/>.</summary>
    public string? SearchQuery { get; init; }

    /// <summary>The <c>id_list</c>: arXiv ids, with or without version.</summary>
    public IReadOnlyList<ArxivId> Ids { get; init; } = [];

    /// <summary>Only papers first submitted at or after this time (a <c>submittedDate</c> range, minute precision, UTC).</summary>
    public DateTimeOffset? SubmittedFrom { get; init; }

    /// <summary>Only papers first submitted at or before this time (a <c>submittedDate</c> range, minute precision, UTC).</summary>
    public DateTimeOffset? SubmittedUntil { get; init; }

    /// <summary>The order of the results.</summary>
    public ArxivSortBy SortBy { get; init; } = ArxivSortBy.Relevance;

    /// <summary>Whether the order is ascending (else descending, the API's default).</summary>
    public bool Ascending { get; init; }

    /// <summary>The most papers to return, or <see langword="null"/> for all the API has.</summary>
    public int? MaxResults { get; init; }

    internal string SearchQueryWithDates()
    {
        if (SubmittedFrom is null && SubmittedUntil is null)
        {
            return SearchQuery ?? string.Empty;
        }

        var from = (SubmittedFrom ?? new DateTimeOffset(1991, 1, 1, 0, 0, 0, TimeSpan.Zero)).UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var until = (SubmittedUntil ?? new DateTimeOffset(9999, 12, 31, 23, 59, 0, TimeSpan.Zero)).UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var range = $"submittedDate:[{from} TO {until}]";
        return string.IsNullOrWhiteSpace(SearchQuery) ? range : $"({SearchQuery}) AND {range}";
    }
}

/// <summary>
/// The arXiv API (<c>api/query</c>), read with <see cref="PaperFormats.ArxivAtom"/>: pages of
/// <see cref="PaperModelHttpOptions.ArxivPageSize"/> until the feed's <c>totalResults</c> or
/// <see cref="ArxivQuery.MaxResults"/>. An empty page before that total is fetched again and then reported as
/// <see cref="PaperFetchError.EmptyPage"/>; the API's error feed is <see cref="PaperFetchError.ApiError"/>. A typed
/// client of the <see cref="IHttpClientFactory"/>. Thread-safe.
/// </summary>
public sealed class ArxivApiClient
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string OpenSearchNamespace = "http://a9.com/-/spec/opensearch/1.1/";

    private readonly PageFetcher _fetcher;
    private readonly ResiliencePipeline _emptyPageRetry;

    /// <summary>Creates the client (the HTTP client factory does this).</summary>
    /// <param name="httpClient">The HTTP client, with its base address.</param>
    /// <param name="options">The options.</param>
    /// <param name="telemetry">The counters.</param>
    /// <param name="timeProvider">The clock.</param>
    public ArxivApiClient(HttpClient httpClient, IOptions<PaperModelHttpOptions> options, PaperModelHttpTelemetry telemetry, TimeProvider timeProvider)
    {
        _fetcher = new PageFetcher(httpClient, options, telemetry, timeProvider);
        var host = httpClient.BaseAddress?.Authority ?? string.Empty;
        _emptyPageRetry = _fetcher.Options.EmptyPageRetries <= 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = timeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<PaperFetchException>(static e => e.Error == PaperFetchError.EmptyPage),
                    MaxRetryAttempts = _fetcher.Options.EmptyPageRetries,
                    Delay = _fetcher.Options.RetryDelay,
                    BackoffType = DelayBackoffType.Constant,
                    UseJitter = true,
                    OnRetry = _ =>
                    {
                        telemetry.Retry(host);
                        return default;
                    },
                })
                .Build();
    }

    /// <summary>Streams the papers of a query, page by page.</summary>
    /// <param name="query">The query; it needs a search query, ids, or a date range.</param>
    /// <param name="cancellationToken">Stops the enumeration and the request in flight.</param>
    /// <returns>The papers in the API's order.</returns>
    /// <exception cref="PaperFetchException">A request failed after its retries, the API reported an error, a page stayed empty, or a record is bad and no <see cref="PaperModelHttpOptions.OnProblem"/> is set.</exception>
    public async IAsyncEnumerable<Paper> SearchAsync(ArxivQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var search = query.SearchQueryWithDates();
        if (search.Length == 0 && query.Ids.Count == 0)
        {
            throw new ArgumentException("The query needs a search query, ids or a submission date range.", nameof(query));
        }

        var pageSize = Math.Max(1, _fetcher.Options.ArxivPageSize);
        var returned = 0;
        var start = 0;
        while (query.MaxResults is not { } max || returned < max)
        {
            var size = query.MaxResults is { } m ? Math.Min(pageSize, m - returned) : pageSize;
            var uri = Uri(query, search, start, size);
            var (papers, entries, total) = await _emptyPageRetry.ExecuteAsync(
                async ct => await GetPageAsync(uri, start, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            foreach (var paper in papers)
            {
                if (query.MaxResults is { } limit && returned >= limit)
                {
                    yield break;
                }

                returned++;
                yield return paper;
            }

            start += entries;
            if (entries == 0 || start >= total)
            {
                yield break;
            }
        }
    }

    private async Task<(List<Paper> Papers, int Entries, long Total)> GetPageAsync(string uri, int start, CancellationToken cancellationToken)
    {
        // The API answers a bad query with HTTP 400 and an error feed, which the reader turns into PM1051.
        var page = await _fetcher.GetAsync(uri, cancellationToken, HttpStatusCode.BadRequest).ConfigureAwait(false);
        var papers = _fetcher.Read(page, PaperFormats.ArxivAtom, static p => p.Code == "PM1051");
        var (entries, total) = Totals(page.Body);
        if (entries == 0 && start < total)
        {
            throw new PaperFetchException(
                PaperFetchError.EmptyPage,
                $"arXiv returned an empty page at start={start} although it reports {total} results; this is an arXiv failure, not the end of the results.",
                page.Uri);
        }

        return (papers, entries, total);
    }

    private static string Uri(ArxivQuery query, string search, int start, int size)
    {
        var uri = new StringBuilder("api/query?");
        if (search.Length > 0)
        {
            uri.Append("search_query=").Append(System.Uri.EscapeDataString(search)).Append('&');
        }

        if (query.Ids.Count > 0)
        {
            uri.Append("id_list=").Append(System.Uri.EscapeDataString(string.Join(",", query.Ids))).Append('&');
        }

        uri.Append(CultureInfo.InvariantCulture, $"start={start}&max_results={size}");
        if (query.SortBy != ArxivSortBy.Relevance || query.Ascending)
        {
            var sortBy = query.SortBy switch
            {
                ArxivSortBy.LastUpdatedDate => "lastUpdatedDate",
                ArxivSortBy.SubmittedDate => "submittedDate",
                _ => "relevance",
            };
            uri.Append("&sortBy=").Append(sortBy).Append("&sortOrder=").Append(query.Ascending ? "ascending" : "descending");
        }

        return uri.ToString();
    }

    // The number of atom:entry elements and the feed's opensearch:totalResults (0 when absent or unreadable).
    private static (int Entries, long Total) Totals(byte[] body)
    {
        var entries = 0;
        var total = 0L;
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "entry" && reader.NamespaceURI == AtomNamespace)
                {
                    entries++;
                    reader.Skip();
                }
                else if (reader.LocalName == "totalResults" && reader.NamespaceURI == OpenSearchNamespace)
                {
                    _ = long.TryParse(reader.ReadElementContentAsString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out total);
                }
            }
        }
        catch (XmlException)
        {
            // The format reader reported it with its position.
        }

        return (entries, total);
    }
}
