namespace PaperModel;

/// <summary>A link from a paper to a related resource.</summary>
/// <param name="Kind">What the link points at; see <see cref="PaperLinkKinds"/> for the kinds the readers produce.</param>
/// <param name="Url">The absolute URL.</param>
/// <exception cref="ArgumentNullException"><paramref name="Kind"/> or <paramref name="Url"/> is <see langword="null"/>.</exception>
public sealed record PaperLink(string Kind, Uri Url)
{
    /// <summary>What the link points at; see <see cref="PaperLinkKinds"/> for the kinds the readers produce.</summary>
    public string Kind { get; init => field = value ?? throw Null(nameof(Kind)); } = Kind ?? throw Null(nameof(Kind));

    /// <summary>The absolute URL.</summary>
    public Uri Url { get; init => field = value ?? throw Null(nameof(Url)); } = Url ?? throw Null(nameof(Url));

    private static ArgumentNullException Null(string member) => new(member, $"A link's {member.ToLowerInvariant()} cannot be null.");
}

/// <summary>The link kinds produced by the readers in this library.</summary>
public static class PaperLinkKinds
{
    /// <summary>The arXiv abstract page.</summary>
    public const string Abstract = "abstract";

    /// <summary>The PDF.</summary>
    public const string Pdf = "pdf";

    /// <summary>The DOI resolver link.</summary>
    public const string Doi = "doi";

    /// <summary>The Hugging Face paper page.</summary>
    public const string HuggingFace = "huggingface";

    /// <summary>The code repository.</summary>
    public const string Code = "code";

    /// <summary>The project page.</summary>
    public const string Project = "project";

    /// <summary>Any other related link.</summary>
    public const string Related = "related";
}
