using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PaperModel.Formats;

namespace PaperModel.Http;

/// <summary>
/// The arXiv announcement feeds (<c>rss/{categories}</c> on <see cref="PaperModelHttpOptions.ArxivRssBaseAddress"/>):
/// the papers announced in the last mailing of one or more categories, each with its
/// <see cref="Paper.AnnounceType"/>, read with <see cref="PaperFormats.ArxivRss"/>. The feed of a category that does
/// not exist is <see cref="PaperFetchError.ApiError"/>; on weekends and holidays the feed is empty. A typed client of
/// the <see cref="IHttpClientFactory"/>: get it from <c>services.AddPaperModelHttp()</c>. Thread-safe.
/// </summary>
public sealed class ArxivRssClient
{
    private readonly PageFetcher _fetcher;

    /// <summary>Creates the client (the HTTP client factory does this).</summary>
    /// <param name="httpClient">The HTTP client, with its base address.</param>
    /// <param name="options">The options.</param>
    /// <param name="telemetry">The counters.</param>
    /// <param name="timeProvider">The clock.</param>
    public ArxivRssClient(HttpClient httpClient, IOptions<PaperModelHttpOptions> options, PaperModelHttpTelemetry telemetry, TimeProvider timeProvider)
    {
        _fetcher = new PageFetcher(httpClient, options, telemetry, timeProvider);
    }

    /// <summary>Streams the last announcement of the categories (<c>rss/cs.CL+cs.LG</c>), in the feed's order.</summary>
    /// <param name="categories">The categories or archives (<c>cs.CL</c>, <c>cs</c>, <c>math.QA</c>); at least one.</param>
    /// <param name="cancellationToken">Stops the enumeration and the request in flight.</param>
    /// <returns>The papers announced: new ones, cross-lists and replacements.</returns>
    /// <exception cref="ArgumentException">No category, or one that is empty or holds characters no category has.</exception>
    /// <exception cref="PaperFetchException">The request failed after its retries, arXiv answered with an error feed, or an item is bad and no <see cref="PaperModelHttpOptions.OnProblem"/> is set.</exception>
    public IAsyncEnumerable<Paper> GetAnnouncementsAsync(IEnumerable<string> categories, CancellationToken cancellationToken = default)
    {
        if (categories is null)
        {
            throw new ArgumentNullException(nameof(categories));
        }

        var list = categories.Select(static c => c?.Trim() ?? string.Empty).ToList();
        if (list.Count == 0 || list.Any(static c => c.Length == 0 || !c.All(static ch => ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-')))
        {
            throw new ArgumentException("Give at least one category, each made of letters, digits, '.' and '-' (cs.CL, math.QA, cs).", nameof(categories));
        }

        return FetchAsync("rss/" + string.Join("+", list), cancellationToken);
    }

    private async IAsyncEnumerable<Paper> FetchAsync(string relativeUri, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await _fetcher.GetAsync(relativeUri, cancellationToken).ConfigureAwait(false);
        foreach (var paper in _fetcher.Read(page, PaperFormats.ArxivRss, static p => p.Code == "PM1122"))
        {
            yield return paper;
        }
    }
}
