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

    /// <summary>
    /// The links every arXiv paper has: its abstract page, its PDF and, when it has DOIs, their resolver links. The
    /// <see cref="Uri"/>s are made when the list is first read (<see cref="Deferred"/>): most papers of a bulk read are
    /// classified or written out, and never have their links read as <see cref="Uri"/>s.
    /// </summary>
    public static IReadOnlyList<PaperLink> For(ArxivId id, string? doi) => new Deferred(id, doi);

    /// <summary>The links of <see cref="For"/> as they are made on first reading.</summary>
    private static List<PaperLink> Create(ArxivId id, string? doi)
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

    /// <summary>
    /// The links of an arXiv paper, made on first reading (by any thread: a race makes equal lists and keeps one), then
    /// immutable like every list of a <see cref="Paper"/>. It holds no null element (<see cref="Paper"/> need not look).
    /// </summary>
    internal sealed class Deferred(ArxivId id, string? doi) : IReadOnlyList<PaperLink>
    {
        private List<PaperLink>? _links;

        public int Count => Links.Count;

        private List<PaperLink> Links => Volatile.Read(ref _links) ?? Interlocked.CompareExchange(ref _links, Create(id, doi), null) ?? _links!;

        public PaperLink this[int index] => Links[index];

        public IEnumerator<PaperLink> GetEnumerator() => Links.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
