namespace PaperModel.Digest;

/// <summary>The links of a digest entry, from the paper's own links and its arXiv id.</summary>
internal static class DigestLinks
{
    private static readonly (string Kind, string Label)[] Kinds =
    [
        (PaperLinkKinds.Abstract, "arXiv"),
        (PaperLinkKinds.Pdf, "PDF"),
        (PaperLinkKinds.HuggingFace, "Hugging Face"),
        (PaperLinkKinds.Code, "Code"),
        (PaperLinkKinds.Project, "Project"),
    ];

    /// <summary>The links a reader can follow: web links only (a <c>javascript:</c> or <c>file:</c> link in a source is dropped).</summary>
    public static IReadOnlyList<DigestLink> Of(Paper paper)
    {
        var links = new List<DigestLink>();
        foreach (var (kind, label) in Kinds)
        {
            if (Find(paper, kind) is { } url && url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                links.Add(new DigestLink(label, url));
            }
        }

        if (links.Count == 0)
        {
            // A listing without id or links (the Daily Papers page text): the title still finds the paper.
            links.Add(new DigestLink("Search arXiv", new Uri("https://arxiv.org/search/?searchtype=title&query=" + Uri.EscapeDataString(paper.Title), UriKind.Absolute)));
        }

        return links;
    }

    private static Uri? Find(Paper paper, string kind)
    {
        var link = paper.Links.FirstOrDefault(l => string.Equals(l.Kind, kind, StringComparison.Ordinal));
        if (link is not null)
        {
            return link.Url;
        }

        return paper.ArxivId is { } id
            ? kind switch
            {
                PaperLinkKinds.Abstract => id.AbsUrl,
                PaperLinkKinds.Pdf => id.PdfUrl,
                PaperLinkKinds.HuggingFace => new Uri("https://huggingface.co/papers/" + id.WithoutVersion(), UriKind.Absolute),
                _ => null,
            }
            : null;
    }
}
