namespace PaperModel.Http;

/// <summary>
/// Settings of the PaperModel HTTP clients, bound through the options pattern
/// (<c>services.AddPaperModelHttp(o =&gt; o.ArxivRequestInterval = ...)</c>). The defaults follow the services' published
/// etiquette: arXiv asks for one request every three seconds over one connection.
/// </summary>
public sealed class PaperModelHttpOptions
{
    /// <summary>The default user agent: the library and its version, with the project's address.</summary>
    public static string DefaultUserAgent { get; } =
        $"PaperModel.Http/{typeof(PaperModelHttpOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"} (+https://github.com/papermodel/papermodel)";

    /// <summary>The <c>User-Agent</c> header sent with every request. Add a contact (<c>mailto:</c>) for large harvests.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Where the Hugging Face papers API lives; its paths (<c>api/daily_papers</c>, <c>api/papers/…</c>) are kept under it.</summary>
    public Uri HuggingFaceBaseAddress { get; set; } = new("https://huggingface.co/");

    /// <summary>Where the arXiv API lives; its path <c>api/query</c> is kept under it.</summary>
    public Uri ArxivApiBaseAddress { get; set; } = new("https://export.arxiv.org/");

    /// <summary>Where arXiv's OAI-PMH interface lives; its path <c>oai</c> is kept under it.</summary>
    public Uri ArxivOaiBaseAddress { get; set; } = new("https://oaipmh.arxiv.org/");

    /// <summary>Where arXiv's announcement feeds live; their path <c>rss/…</c> is kept under it.</summary>
    public Uri ArxivRssBaseAddress { get; set; } = new("https://rss.arxiv.org/");

    /// <summary>The least time between the starts of two requests to one arXiv host. Default 3 s, as arXiv asks.</summary>
    public TimeSpan ArxivRequestInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The least time between the starts of two requests to the Hugging Face host. Default 0.5 s.</summary>
    public TimeSpan HuggingFaceRequestInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many times a failed request (network error, timeout, 408, 429, 5xx) is retried. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry delay when the server gives no <c>Retry-After</c>; it doubles with each retry, with jitter. Default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest <c>Retry-After</c> that is waited for. A server asking for longer gets no retry: the request fails with
    /// <see cref="PaperFetchException.RetryAfter"/> set. Default 2 minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt (waiting for the host's turn, the response and its whole body) may take. Default 60 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take with all its retries. Default 10 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times an empty arXiv API page before the end of the results is fetched again. Default 3.</summary>
    public int EmptyPageRetries { get; set; } = 3;

    /// <summary>Papers per arXiv API page (<c>max_results</c>). Default 100; arXiv allows up to 2000.</summary>
    public int ArxivPageSize { get; set; } = 100;

    /// <summary>Items per Hugging Face page (<c>limit</c>). Default 50.</summary>
    public int HuggingFacePageSize { get; set; } = 50;

    /// <summary>The largest response body accepted, in bytes. Default 64 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Receives every problem found while reading the responses (a bad record, a deleted OAI record, a date left out),
    /// located by request URL, line and column; reading goes on. When <see langword="null"/> (the default), an
    /// error-severity problem ends the enumeration with a <see cref="PaperFetchException"/> and warnings are ignored.
    /// </summary>
    public Action<ParseProblem>? OnProblem { get; set; }
}
