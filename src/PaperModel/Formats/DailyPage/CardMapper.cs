namespace PaperModel.Formats.DailyPage;

/// <summary>Maps a complete card (a title and an abstract) to a <see cref="Paper"/>. Stateless and thread-safe.</summary>
internal static class CardMapper
{
    /// <summary>
    /// The card's paper. Reports to <paramref name="sink"/> at the card's title: text that is not UTF-8 is a warning
    /// (PM1018); control characters mean binary data, and the card is rejected (PM1017).
    /// </summary>
    public static Paper Map(PageCard card, ProblemSink sink)
    {
        var title = card.Title!;
        sink.BeginRecord(card.Record, default, title.Line, title.Column);
        var paper = ToPaper(card);
        if (HasControlCharacters(paper.Title) || HasControlCharacters(paper.Abstract))
        {
            throw sink.Reject(ReadProblems.BinaryText, -1, InputText.Quote(paper.Title, 40));
        }

        if (paper.Title.IndexOf('\uFFFD') >= 0 || paper.Abstract.IndexOf('\uFFFD') >= 0)
        {
            sink.Report(ReadProblems.InvalidUtf8, -1, InputText.Quote(paper.Title, 60));
        }

        return paper;
    }

    private static Paper ToPaper(PageCard card)
    {
        var title = card.Title!.Text;
        List<PaperLink> links;
        string id;
        if (card.ArxivId is { } arxivId)
        {
            id = arxivId.WithoutVersion().ToString();
            links = ArxivLinks.OnHuggingFace(arxivId, withPdf: false);
        }
        else
        {
            id = DailyPageIds.FromTitle(title);
            links = [];
        }

        if (card.CodeUrl is not null)
        {
            links.Add(new PaperLink(PaperLinkKinds.Code, card.CodeUrl));
        }

        return new Paper(id, title)
        {
            ArxivId = card.ArxivId,
            Abstract = card.Abstract!.Text,
            ListedOn = card.ListedOn,
            Published = card.Published,
            Upvotes = card.Upvotes,
            CommentCount = card.CommentCount,
            Submitter = card.Submitter,
            Organization = card.Organization,
            AiSummary = card.AiSummary,
            Links = links,
            Source = PaperSource.HuggingFaceDailyPage,
        };
    }

    private static bool HasControlCharacters(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }
}
