namespace PaperModel.Formats;

/// <summary>The one recipe for the links of an arXiv paper: its abstract page, its PDF, its DOIs and its Hugging Face page.</summary>
internal static class ArxivLinks
{
    /// <summary>Where Hugging Face shows papers: <c>https://huggingface.co/papers/{id}</c>.</summary>
    public static Uri HuggingFacePapers { get; } = new("https://huggingface.co/papers/", UriKind.Absolute);

    /// <summary>The links of an arXiv paper listed on Hugging Face: its page there, its abstract page and, when asked, its PDF.</summary>
    public static List<PaperLink> OnHuggingFace(ArxivId id, bool withPdf)
    {
        var links = new List<PaperLink>(4)
        {
            new(PaperLinkKinds.HuggingFace, new Uri(HuggingFacePapers, id.WithoutVersion().ToString())),
            new(PaperLinkKinds.Abstract, id.AbsUrl),
        };
        if (withPdf)
        {
            links.Add(new PaperLink(PaperLinkKinds.Pdf, id.PdfUrl));
        }

        return links;
    }

    /// <summary>The links every arXiv paper has: its abstract page, its PDF and, when it has DOIs, their resolver links.</summary>
    public static IReadOnlyList<PaperLink> For(ArxivId id, string? doi)
    {
        var links = new List<PaperLink>(3)
        {
            new(PaperLinkKinds.Abstract, id.AbsUrl),
            new(PaperLinkKinds.Pdf, id.PdfUrl),
        };
        AddDois(links, doi);
        return links;
    }

    /// <summary>Adds a <c>https://doi.org/</c> link for each DOI in a space-separated list.</summary>
    public static void AddDois(List<PaperLink> links, string? doi)
    {
        if (doi is null)
        {
            return;
        }

        foreach (var one in doi.Split(InputText.ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Uri.TryCreate("https://doi.org/" + one, UriKind.Absolute, out var url))
            {
                links.Add(new PaperLink(PaperLinkKinds.Doi, url));
            }
        }
    }
}
