namespace PaperModel.Formats.DailyPage;

/// <summary>
/// Assembles the classified lines of a copied Daily Papers page into paper cards. Lines are pushed in one at a time
/// (<see cref="Add(TextLine)"/>, then <see cref="Complete(bool)"/>); complete cards and problems wait, in input order,
/// for <see cref="TryTake"/>. Memory is bounded by one card. Not thread-safe.
/// </summary>
/// <remarks>
/// The page is loosely structured, so the assembler works on paragraphs (runs of text lines) and the page furniture
/// around them. A card is: optional upvotes, a title, an abstract, then optional details (authors or organization,
/// <c>·</c>, date, comment count, GitHub stars, submitter). A paragraph is a title or an abstract by its shape
/// (<see cref="DailyPageHeuristics"/>), unless Markdown says which it is. Some lines can only be understood by what
/// follows them; the assembler then holds one <see cref="Pending"/> decision, settled by the next line.
/// </remarks>
internal sealed partial class CardAssembler(PaperReadOptions options, ProblemSink sink)
{
    private readonly ListingDateResolver _dates = new(options);
    private readonly Queue<(PageCard? Card, ParseProblem? Problem)> _output = new();

    private PageCard _card = new();
    private PageParagraph? _paragraph;
    private Pending _pending;
    private LineKind _previous = LineKind.Blank;
    private bool _inLink;
    private DateTimeOffset? _listedOn;
    private int _lastLineNumber;
    private int _records;
    private int _papers;
    private int _problems;

    /// <summary>What a line seen earlier is, when only the next line can tell.</summary>
    private enum PendingKind
    {
        /// <summary>Nothing is pending.</summary>
        None,

        /// <summary>A short paragraph after a title: the next card's title, or this card's organization when a <c>·</c> follows.</summary>
        ShortParagraph,

        /// <summary>A bare number after a card's date: this card's comment count, or the next card's upvotes when a title follows.</summary>
        BareNumber,

        /// <summary>A bare <c>Submitted by</c>: a short paragraph next is the submitter's name.</summary>
        SubmitterName,
    }

    /// <summary>Takes the next complete card or problem, in input order.</summary>
    public bool TryTake(out PageCard? card, out ParseProblem? problem)
    {
        if (_output.Count == 0)
        {
            card = null;
            problem = null;
            return false;
        }

        (card, problem) = _output.Dequeue();
        return true;
    }

    public void Add(TextLine line)
    {
        _lastLineNumber = line.Number;
        if (line.IsTooLong)
        {
            EndParagraph();
            Report(ReadProblems.PageLineTooLong, line.Number, 1, options.MaxRecordLength, InputText.Quote(line.Text, 40));
            return;
        }

        foreach (var piece in DailyPageLineClassifier.Classify(line.Text))
        {
            Add(piece, line.Number);
        }
    }

    public void Complete(bool lastLineTerminated)
    {
        EndParagraph();
        ResolveShortParagraph(beforeSeparator: false);
        if (_pending.Kind == PendingKind.BareNumber)
        {
            _card.CommentCount = _pending.Number!.Count;
            _pending = default;
        }

        var lastAbstractCut = !lastLineTerminated && _card.Abstract is not null && _card.AbstractEndLine == _lastLineNumber
            && DailyPageHeuristics.LooksCut(_card.Abstract.ToString());
        var title = _card.Title;
        Flush();
        if (lastAbstractCut && title is not null)
        {
            Report(ReadProblems.AbstractCut, _lastLineNumber, 1, InputText.Quote(title.Text, 60));
        }

        if (_papers == 0 && _problems == 0)
        {
            // About the input as a whole: located at its start, as every problem is.
            Report(ReadProblems.NoPapers, 1, 1);
        }
    }

    private void Add(PageLine piece, int lineNumber)
    {
        switch (piece.Kind)
        {
            case LineKind.Blank:
                EndParagraph();
                return;
            case LineKind.Text:
                AddText(piece, lineNumber);
                return;
            case LineKind.LinkOpen:
                EndParagraph();
                _inLink = true;
                return;
            case LineKind.LinkClose:
                CloseLink(piece);
                return;
        }

        if (piece.Kind == LineKind.Url && _paragraph is not null && !DailyPageUrls.IsHuggingFace(piece.Url))
        {
            // A URL inside a wrapped abstract ("code at" / "https://github.com/…"), not a link target of the page.
            AddText(new PageLine(LineKind.Text, piece.Text, piece.Column), lineNumber);
            return;
        }

        EndParagraph();
        if (piece.Kind is LineKind.Url or LineKind.Ignored)
        {
            // Link targets and furniture do not end a card and do not decide what the previous paragraph was.
            if (piece.Kind == LineKind.Url)
            {
                ResolveBareNumber(piece);
                AddUrl(piece.Url);
            }

            return;
        }

        ResolveShortParagraph(beforeSeparator: piece.Kind == LineKind.Separator);
        ResolveBareNumber(piece);
        if (piece.Kind != LineKind.SubmittedBy && _pending.Kind == PendingKind.SubmitterName)
        {
            _pending = default;
        }

        switch (piece.Kind)
        {
            case LineKind.Title:
                StartCardIfTitled();
                _card.SetTitle(new PageParagraph(piece.Text, lineNumber, piece.Column, piece.Url));
                break;
            case LineKind.Date:
                AddDate(piece, lineNumber);
                break;
            case LineKind.BadDate:
                AddBadDate(piece, lineNumber);
                break;
            case LineKind.Count:
                AddCount(piece, lineNumber);
                break;
            case LineKind.Authors:
            case LineKind.Separator:
            case LineKind.GitHub:
                _card.NoteDetail(lineNumber);
                break;
            case LineKind.Organization:
                _card.Organization = piece.Text;
                _card.NoteDetail(lineNumber);
                break;
            case LineKind.SubmittedBy:
                _card.NoteDetail(lineNumber);
                if (piece.Text.Length > 0)
                {
                    _card.Submitter = piece.Text;
                }
                else
                {
                    _pending = Pending.SubmitterName();
                }

                break;
            case LineKind.AiSummaryLabel:
                _card.MoveAbstractToSummary();
                break;
        }

        _previous = piece.Kind;
    }

    private void AddText(PageLine piece, int lineNumber)
    {
        if (_paragraph is not null && DailyPageHeuristics.StartsNewParagraph(_paragraph.Continues, _paragraph.LastLineLength, piece.Text.Length))
        {
            EndParagraph();
        }

        if (_paragraph is null)
        {
            _paragraph = new PageParagraph(piece.Text, lineNumber, piece.Column, piece.Url) { InLink = _inLink };
        }
        else
        {
            _paragraph.Append(piece.Text, lineNumber);
            _paragraph.Url ??= piece.Url;
        }

        _paragraph.Continues = piece.Continues;
    }

    private void CloseLink(PageLine piece)
    {
        _inLink = false;
        if (_paragraph is not null)
        {
            _paragraph.Url ??= piece.Url;
            _paragraph.InLink = true;
        }

        EndParagraph();
        AddUrl(piece.Url);
    }

    private void EndParagraph()
    {
        var paragraph = _paragraph;
        if (paragraph is null)
        {
            return;
        }

        _paragraph = null;
        ResolveShortParagraph(beforeSeparator: false);
        ResolveBareNumber(next: null);
        if (_pending.Kind == PendingKind.SubmitterName)
        {
            _pending = default;
            if (paragraph.LineCount == 1 && paragraph.Length <= DailyPageHeuristics.SubmitterNameLength)
            {
                _card.Submitter = paragraph.Text;
                return;
            }
        }

        _previous = LineKind.Text;
        var linksToPaper = paragraph.InLink && DailyPageUrls.TryArxivId(paragraph.Url, out _);
        if (_card.Title is not null && _card.Abstract is null && linksToPaper)
        {
            // Markdown copies link the abstract to the paper: "[abstract](https://huggingface.co/papers/ID)".
            _card.SetAbstract(paragraph);
            return;
        }

        if (DailyPageHeuristics.IsAbstractLike(paragraph.Text))
        {
            if (_card.Title is not null && _card.Abstract is null)
            {
                _card.SetAbstract(paragraph);
            }
            else
            {
                _records++;
                Report(ReadProblems.AbstractWithoutTitle, paragraph.Line, paragraph.Column, InputText.Quote(paragraph.Text, 60));
            }

            return;
        }

        if (_card.Title is null)
        {
            _card.SetTitle(paragraph);
            return;
        }

        // A short paragraph after a title: the next title (the card before has no abstract) or, when a "·" follows,
        // the card's organization. Decide when the next line arrives.
        _pending = Pending.ShortParagraph(paragraph);
    }

    private void ResolveShortParagraph(bool beforeSeparator)
    {
        if (_pending.Kind != PendingKind.ShortParagraph)
        {
            return;
        }

        var paragraph = _pending.Paragraph!;
        _pending = default;
        if (beforeSeparator && paragraph.LineCount == 1)
        {
            _card.Organization = paragraph.Text;
            _card.NoteDetail(paragraph.Line);
            return;
        }

        StartCardIfTitled();
        _card.SetTitle(paragraph);
    }

    // A pending number is the next card's upvotes when a title (or a new section) follows, else this card's comments.
    private void ResolveBareNumber(PageLine? next)
    {
        if (_pending.Kind != PendingKind.BareNumber || (next is { Kind: LineKind.Url } && !DailyPageUrls.IsComments(next.Url)))
        {
            return;
        }

        var (number, line) = (_pending.Number!, _pending.Line);
        _pending = default;
        if (next is null or { Kind: LineKind.Title or LineKind.Date or LineKind.BadDate })
        {
            AddUpvotes(number.Count, line);
        }
        else
        {
            _card.CommentCount = number.Count;
            _card.NoteDetail(line);
        }
    }

    private void StartCardIfTitled()
    {
        if (_card.Title is not null)
        {
            Flush();
        }
    }

    // Ends the card being read: a card with a title and an abstract is handed out; one without is a problem.
    private void Flush()
    {
        var card = _card;
        _card = new PageCard();
        if (card.Title is null)
        {
            if (card.FirstDetailLine > 0)
            {
                Report(ReadProblems.DetailsWithoutPaper, card.FirstDetailLine, 1);
            }

            return;
        }

        _records++;
        var title = card.Title;
        if (card.Abstract is null)
        {
            Report(ReadProblems.TitleWithoutAbstract, title.Line, title.Column, InputText.Quote(title.Text, 120));
            return;
        }

        _papers++;
        card.ListedOn = _listedOn;
        card.Record = _records;
        _output.Enqueue((card, null));
    }

    private void Report(ReadProblem problem, int line, int column, params object?[] arguments)
    {
        _problems++;
        sink.Record = _records;
        _output.Enqueue((null, sink.Create(problem, line, column, arguments)));
    }

    /// <summary>The one pending decision: its kind and what it holds.</summary>
    private readonly record struct Pending(PendingKind Kind, PageParagraph? Paragraph, PageLine? Number, int Line)
    {
        public static Pending ShortParagraph(PageParagraph paragraph) => new(PendingKind.ShortParagraph, paragraph, null, paragraph.Line);

        public static Pending BareNumber(PageLine number, int line) => new(PendingKind.BareNumber, null, number, line);

        public static Pending SubmitterName() => new(PendingKind.SubmitterName, null, null, 0);
    }
}
