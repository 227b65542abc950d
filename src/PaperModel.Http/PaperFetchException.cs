using System.Net;

namespace PaperModel.Http;

/// <summary>What went wrong with a fetch.</summary>
public enum PaperFetchError
{
    /// <summary>The server answered with an unsuccessful status code (after the retries, if it was worth retrying).</summary>
    HttpStatus,

    /// <summary>The connection failed, was reset, or the body ended early (after the retries).</summary>
    Network,

    /// <summary>An attempt or the whole request took longer than allowed.</summary>
    Timeout,

    /// <summary>
    /// arXiv returned a page without entries although its own total says that more results follow (a known arXiv
    /// failure), even after <see cref="PaperModelHttpOptions.EmptyPageRetries"/> new tries. This is not the end of the
    /// results: the end is never reported as an error.
    /// </summary>
    EmptyPage,

    /// <summary>The service answered, but with an error document (the arXiv error feed, an OAI-PMH error).</summary>
    ApiError,

    /// <summary>A record of a response could not be read (see <see cref="PaperFetchException.Problem"/>).</summary>
    BadRecord,
}

/// <summary>A fetch failed. <see cref="Error"/> says how; the request, status and problem say where.</summary>
public sealed class PaperFetchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="message">The message.</param>
    /// <param name="requestUri">The request.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PaperFetchException(PaperFetchError error, string message, Uri? requestUri, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        RequestUri = requestUri;
    }

    /// <summary>What went wrong.</summary>
    public PaperFetchError Error { get; }

    /// <summary>The request that failed.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The last status code, when the server answered.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The server's <c>Retry-After</c>, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The problem of a bad record or an error document, located in the response.</summary>
    public ParseProblem? Problem { get; init; }
}
