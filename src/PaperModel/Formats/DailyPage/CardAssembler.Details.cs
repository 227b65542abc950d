namespace PaperModel.Formats.DailyPage;

/// <summary>The details of a card: dates (of the listing or of the card), counts and link targets.</summary>
internal sealed partial class CardAssembler
{
    private void AddDate(PageLine piece, int lineNumber)
    {
        if (_previous == LineKind.Separator)
        {
            // The date on a card, after "authors ·".
            _card.Published = _dates.Resolve(piece.Date, out _);
            _card.CommentCount = piece.Comments ?? _card.CommentCount;
            _card.NoteDetail(lineNumber);
            _card.HasCardDate = true;
            return;
        }

        Flush();
        _listedOn = _dates.Resolve(piece.Date, out var invalid);
        if (invalid)
        {
            Report(ReadProblems.NotADay, lineNumber, piece.Column, piece.Text, piece.Date.Year != 0 ? piece.Date.Year : _dates.DefaultYear);
        }
    }

    private void AddBadDate(PageLine piece, int lineNumber)
    {
        var onCard = _previous == LineKind.Separator;
        if (!onCard)
        {
            Flush();
            _listedOn = null;
        }

        Report(ReadProblems.BadDate, lineNumber, piece.Column, piece.Text, onCard ? "the paper has no date" : "the papers that follow have no listing date");
    }

    private void AddCount(PageLine piece, int lineNumber)
    {
        if (_previous == LineKind.GitHub)
        {
            // Stars of the code repository: the model has no field for them.
            _card.NoteDetail(lineNumber);
            return;
        }

        if (piece.Comments is not null)
        {
            _card.CommentCount = piece.Comments;
            _card.NoteDetail(lineNumber);
            return;
        }

        if (_card.HasCardDate && _card.CommentCount is null && piece.Text != "-" && !_inLink)
        {
            // After a card's date a bare number is its comment count, or the upvotes of the next card: what follows decides.
            _pending = Pending.BareNumber(piece, lineNumber);
            return;
        }

        AddUpvotes(piece.Count, lineNumber);
    }

    // Upvotes come before the title in listings; after an abstract they open the next card.
    private void AddUpvotes(int? count, int lineNumber)
    {
        if (_card.Abstract is not null)
        {
            Flush();
        }

        _card.Upvotes = count;
        _card.NoteDetail(lineNumber);
    }

    private void AddUrl(string? url)
    {
        if (url is null)
        {
            return;
        }

        if (_pending is { Kind: PendingKind.ShortParagraph, Paragraph.LineCount: 1 } && DailyPageUrls.IsOrganization(url))
        {
            // " Google" followed by its link target https://huggingface.co/google: the card's organization.
            var organization = _pending.Paragraph;
            _pending = default;
            _card.Organization = organization.Text;
            _card.NoteDetail(organization.Line);
            return;
        }

        if (DailyPageUrls.TryArxivId(url, out var id))
        {
            if (_pending.Kind == PendingKind.ShortParagraph)
            {
                _pending.Paragraph!.Url ??= url;
            }
            else
            {
                _card.ArxivId ??= id;
            }
        }
        else if (DailyPageUrls.TryCode(url, out var code))
        {
            _card.CodeUrl ??= code;
        }
    }
}
