namespace PaperModel.Formats;

/// <summary>The links every arXiv paper has: its abstract page, its PDF and, when it has DOIs, their resolver links.</summary>
internal static class ArxivLinks
{
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
