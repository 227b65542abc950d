namespace PaperModel.Formats.DailyPage;

/// <summary>What the link targets of a copied Daily Papers page point at. Stateless and thread-safe.</summary>
internal static class DailyPageUrls
{
    /// <summary>The arXiv id of a paper link (<c>https://huggingface.co/papers/2310.12345</c>, <c>arxiv:2310.12345</c> → <c>2310.12345</c>).</summary>
    public static bool TryArxivId(string? url, out ArxivId id)
    {
        id = default;
        if (url is null)
        {
            return false;
        }

        var hash = url.IndexOf('#');
        var bare = hash >= 0 ? url.Substring(0, hash) : url;
        return (bare.IndexOf("/papers/", StringComparison.Ordinal) >= 0 || bare.IndexOf("://", StringComparison.Ordinal) < 0)
            && ArxivId.TryParse(bare, out id);
    }

    /// <summary>Whether a URL is a card's comment link (<c>…#community</c>).</summary>
    public static bool IsComments(string? url) => url is not null && url.EndsWith("#community", StringComparison.Ordinal);

    /// <summary>Whether a URL points into huggingface.co (a link target of the page rather than a URL in an abstract).</summary>
    public static bool IsHuggingFace(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Host.Equals("huggingface.co", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".huggingface.co", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a URL is an organization or user page: <c>https://huggingface.co/occ-ai</c>, one path segment that is not a site section.</summary>
    public static bool IsOrganization(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.Host.EndsWith("huggingface.co", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var path = uri.AbsolutePath.Trim('/');
        return path.Length > 0 && path.IndexOf('/') < 0 && path is not ("papers" or "login" or "models" or "datasets" or "spaces");
    }

    /// <summary>Whether a URL is a code repository on GitHub.</summary>
    public static bool TryCode(string url, out Uri code) =>
        Uri.TryCreate(url, UriKind.Absolute, out code!) && code.Host.EndsWith("github.com", StringComparison.OrdinalIgnoreCase);
}
