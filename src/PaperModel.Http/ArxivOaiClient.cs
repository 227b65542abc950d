using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using PaperModel.Formats;

namespace PaperModel.Http;

/// <summary>An OAI-PMH <c>ListRecords</c> harvest of arXiv. Immutable.</summary>
public sealed record ArxivOaiRequest
{
    /// <summary>The metadata format: <c>arXivRaw</c> (the default: every version with its date), <c>arXiv</c> or <c>oai_dc</c>.</summary>
    public string MetadataPrefix { get; init; } = "arXivRaw";

    /// <summary>The set (<c>cs</c>, <c>physics:hep-th</c>), or <see langword="null"/> for every record.</summary>
    public string? Set { get; init; }

    /// <summary>Records changed on or after this day (<c>from</c>).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Records changed on or before this day (<c>until</c>).</summary>
    public DateOnly? Until { get; init; }

    /// <summary>
    /// A resumption token from an earlier harvest (<see cref="ArxivOaiPage.ResumptionToken"/>): the harvest goes on from
    /// there and the other settings are not sent, as the protocol requires. arXiv's tokens expire after about a day.
    /// </summary>
    public string? ResumptionToken { get; init; }
}

/// <summary>One page of an OAI-PMH harvest. Immutable.</summary>
/// <param name="RequestUri">The request that returned it.</param>
/// <param name="Papers">Its papers.</param>
/// <param name="ResumptionToken">The token of the next page, or <see langword="null"/> on the last page.</param>
/// <param name="CompleteListSize">The size of the whole list, when the repository says.</param>
/// <param name="Cursor">The position of this page's first record in the list, when the repository says.</param>
public sealed record ArxivOaiPage(Uri RequestUri, IReadOnlyList<Paper> Papers, string? ResumptionToken, long? CompleteListSize, long? Cursor);

/// <summary>
/// arXiv's OAI-PMH interface (<c>oai?verb=ListRecords</c>), read with <see cref="PaperFormats.ArxivOai"/>, following
/// resumption tokens to the last page. <c>503</c> with <c>Retry-After</c>, the repository's way of pacing harvesters, is
/// waited for by the retry handler. A deleted record is a PM1103 warning; an OAI error other than <c>noRecordsMatch</c>
/// is <see cref="PaperFetchError.ApiError"/>. A typed client of the <see cref="IHttpClientFactory"/>. Thread-safe.
/// </summary>
public sealed class ArxivOaiClient
{
    private readonly PageFetcher _fetcher;

    /// <summary>Creates the client (the HTTP client factory does this).</summary>
    /// <param name="httpClient">The HTTP client, with its base address.</param>
    /// <param name="options">The options.</param>
    /// <param name="telemetry">The counters.</param>
    /// <param name="timeProvider">The clock.</param>
    public ArxivOaiClient(HttpClient httpClient, IOptions<PaperModelHttpOptions> options, PaperModelHttpTelemetry telemetry, TimeProvider timeProvider)
    {
        _fetcher = new PageFetcher(httpClient, options, telemetry, timeProvider);
    }

    /// <summary>Streams the papers of a harvest.</summary>
    /// <param name="request">The harvest.</param>
    /// <param name="cancellationToken">Stops the enumeration and the request in flight.</param>
    /// <returns>The papers in the repository's order.</returns>
    /// <exception cref="PaperFetchException">A request failed after its retries, the repository reported an error, or a record is bad and no <see cref="PaperModelHttpOptions.OnProblem"/> is set.</exception>
    public async IAsyncEnumerable<Paper> ListRecordsAsync(ArxivOaiRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in ListPagesAsync(request, cancellationToken).ConfigureAwait(false))
        {
            foreach (var paper in page.Papers)
            {
                yield return paper;
            }
        }
    }

    /// <summary>Streams the pages of a harvest, each with the token that resumes after it.</summary>
    /// <param name="request">The harvest.</param>
    /// <param name="cancellationToken">Stops the enumeration and the request in flight.</param>
    /// <returns>The pages in order.</returns>
    /// <exception cref="PaperFetchException">A request failed after its retries, the repository reported an error, or a record is bad and no <see cref="PaperModelHttpOptions.OnProblem"/> is set.</exception>
    public async IAsyncEnumerable<ArxivOaiPage> ListPagesAsync(ArxivOaiRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var token = request.ResumptionToken;
        var uri = token is null ? FirstUri(request) : NextUri(token);
        while (true)
        {
            // Some repositories answer an OAI error with 400 or 422; its body says which error it is.
            var fetched = await _fetcher.GetAsync(uri, cancellationToken, HttpStatusCode.BadRequest, (HttpStatusCode)422).ConfigureAwait(false);
            var papers = _fetcher.Read(fetched, PaperFormats.ArxivOai, static p => p.Code == "PM1102" && p.Severity == ProblemSeverity.Error);
            var (next, size, cursor) = Envelope(fetched.Body);
            yield return new ArxivOaiPage(fetched.Uri, papers, next, size, cursor);
            if (next is null)
            {
                yield break;
            }

            if (next == token)
            {
                throw new PaperFetchException(PaperFetchError.ApiError, $"The repository returned the resumption token '{next}' it was asked for; the harvest would not end.", fetched.Uri);
            }

            token = next;
            uri = NextUri(token);
        }
    }

    private static string FirstUri(ArxivOaiRequest request)
    {
        var uri = new StringBuilder("oai?verb=ListRecords&metadataPrefix=").Append(Uri.EscapeDataString(request.MetadataPrefix));
        if (request.Set is { } set)
        {
            uri.Append("&set=").Append(Uri.EscapeDataString(set));
        }

        if (request.From is { } from)
        {
            uri.Append("&from=").Append(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (request.Until is { } until)
        {
            uri.Append("&until=").Append(until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return uri.ToString();
    }

    private static string NextUri(string token) => "oai?verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token);

    // The resumption token (null when absent or empty: the last page) and its attributes.
    private static (string? Token, long? Size, long? Cursor) Envelope(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "resumptionToken" && reader.NamespaceURI == "http://www.openarchives.org/OAI/2.0/")
                {
                    var size = Number(reader.GetAttribute("completeListSize"));
                    var cursor = Number(reader.GetAttribute("cursor"));
                    var token = reader.IsEmptyElement ? string.Empty : reader.ReadElementContentAsString().Trim();
                    return (token.Length == 0 ? null : token, size, cursor);
                }
            }
        }
        catch (XmlException)
        {
            // The format reader reported it with its position.
        }

        return (null, null, null);
    }

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
