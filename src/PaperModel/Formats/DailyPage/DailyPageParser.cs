using System.Text;

namespace PaperModel.Formats.DailyPage;

/// <summary>
/// Turns the lines of a copied Daily Papers page into papers and problems: the page's <see cref="RecordParser"/>.
/// Lines are pushed in one at a time (<see cref="Add(TextLine)"/>, then <see cref="Complete(bool)"/>); finished items
/// wait in a queue, in input order, for <see cref="Next"/> to hand out. Memory is bounded by one paper card. Not thread-safe.
/// </summary>
/// <remarks>
/// The page is loosely structured, so the parser works on paragraphs (runs of text lines) and the page furniture
/// around them. A card is: optional upvotes, a title, an abstract, then optional details (authors or organization,
/// <c>·</c>, date, comment count, GitHub stars, submitter). A paragraph is a title or an abstract by its shape
/// (abstracts are long or end like a sentence), unless Markdown says which it is. A short paragraph right before a
/// <c>·</c> is the card's organization.
/// </remarks>
internal sealed class DailyPageParser : RecordParser
{
    private readonly TextReader _text;
    private readonly bool _ownsText;
    private readonly TextLineReader _lines;
    private readonly PaperReadOptions _options;
    private readonly DateTimeOffset _reference;
    private readonly Queue<PaperReadItem> _output = new();

    private Card _card = new();
    private Paragraph? _paragraph;
    private Paragraph? _deferred;
    private LineKind _previous = LineKind.Blank;
    private PageLine? _pendingCount;
    private int _pendingCountLine;
    private bool _expectSubmitterName;
    private bool _inLink;
    private DateTimeOffset? _listedOn;
    private int _lastLineNumber;
    private int _records;
    private int _papers;
    private int _problems;
    private bool _completed;
    private Paper? _paper;

    public DailyPageParser(TextReader text, bool ownsText, PaperReadOptions options, ProblemSink sink)
        : base(sink)
    {
        _text = text;
        _ownsText = ownsText;
        _lines = new TextLineReader(text, options.MaxRecordLength);
        _options = options;
        _reference = (options.ReferenceDate ?? DateTimeOffset.UtcNow).ToUniversalTime();
    }

    public override ReadStep Next()
    {
        while (true)
        {
            if (_output.Count > 0)
            {
                var item = _output.Dequeue();
                if (item.Paper is { } paper)
                {
                    _paper = paper;
                    return ReadStep.Record;
                }

                Sink.Add(item.Problem!);
                continue;
            }

            if (_completed)
            {
                return ReadStep.End;
            }

            switch (_lines.Next(out var line))
            {
                case TextLineReader.Step.Line:
                    Add(line);
                    break;
                case TextLineReader.Step.NeedMore:
                    return ReadStep.NeedMore;
                default:
                    Complete(_lines.LastLineTerminated);
                    _completed = true;
                    break;
            }
        }
    }

    public override Paper? Map() => _paper;

    public override void Fill() => _lines.Fill();

    public override ValueTask FillAsync(CancellationToken cancellationToken) => _lines.FillAsync(cancellationToken);

    public override void Dispose()
    {
        if (_ownsText)
        {
            _text.Dispose();
        }
    }

    public void Add(TextLine line)
    {
        _lastLineNumber = line.Number;
        if (line.IsTooLong)
        {
            EndParagraph();
            Report(ReadProblems.PageLineTooLong, line.Number, 1, _options.MaxRecordLength, Shorten(line.Text, 40));
            return;
        }

        foreach (var piece in DailyPageLines.Classify(line.Text))
        {
            Add(piece, line.Number);
        }
    }

    public void Complete(bool lastLineTerminated)
    {
        EndParagraph();
        ResolveDeferred(beforeSeparator: false);
        if (_pendingCount is { } pending)
        {
            _pendingCount = null;
            _card.CommentCount = pending.Count;
        }

        var lastAbstractCut = !lastLineTerminated && _card.Abstract is not null && _card.AbstractEndLine == _lastLineNumber
            && LooksCut(_card.Abstract.ToString());
        var title = _card.Title;
        Flush();
        if (lastAbstractCut && title is not null)
        {
            Report(ReadProblems.AbstractCut, _lastLineNumber, 1, Shorten(title.Text, 60));
        }

        if (_papers == 0 && _problems == 0)
        {
            Report(ReadProblems.NoPapers, 0, 0);
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

        if (piece.Kind == LineKind.Url && _paragraph is not null && !DailyPageLines.IsHuggingFaceUrl(piece.Url))
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
                ResolvePendingCount(piece);
                AddUrl(piece.Url);
            }

            return;
        }

        ResolveDeferred(beforeSeparator: piece.Kind == LineKind.Separator);
        ResolvePendingCount(piece);
        if (piece.Kind != LineKind.SubmittedBy)
        {
            _expectSubmitterName = false;
        }

        switch (piece.Kind)
        {
            case LineKind.Title:
                StartCardIfTitled();
                _card.SetTitle(new Paragraph(piece.Text, lineNumber, piece.Column, piece.Url));
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
                    _expectSubmitterName = true;
                }

                break;
            case LineKind.GitHub:
                _card.NoteDetail(lineNumber);
                break;
            case LineKind.AiSummaryLabel:
                _card.MoveAbstractToSummary();
                break;
        }

        _previous = piece.Kind;
    }

    private void AddText(PageLine piece, int lineNumber)
    {
        if (_paragraph is not null && StartsNewParagraph(_paragraph, piece.Text))
        {
            EndParagraph();
        }

        if (_paragraph is null)
        {
            _paragraph = new Paragraph(piece.Text, lineNumber, piece.Column, piece.Url) { InLink = _inLink };
        }
        else
        {
            _paragraph.Append(piece.Text, lineNumber);
            _paragraph.Url ??= piece.Url;
        }

        _paragraph.Continues = piece.Continues;
    }

    // Blank lines separate paragraphs, but copies do not always keep them: a line of one-line-abstract length after a
    // title-length line (or after such a long line) starts a new paragraph unless a wrap marker joins them.
    private static bool StartsNewParagraph(Paragraph paragraph, string next) =>
        !paragraph.Continues && (paragraph.LastLineLength >= 200 || (paragraph.LastLineLength < 160 && next.Length >= 200));

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
        ResolveDeferred(beforeSeparator: false);
        ResolvePendingCount(next: null);
        if (_expectSubmitterName && paragraph.LineCount == 1 && paragraph.Length <= 80)
        {
            _expectSubmitterName = false;
            _card.Submitter = paragraph.Text;
            return;
        }

        _expectSubmitterName = false;
        _previous = LineKind.Text;
        var linksToPaper = paragraph.InLink && TryArxivId(paragraph.Url, out _);
        if (_card.Title is not null && _card.Abstract is null && linksToPaper)
        {
            // Markdown copies link the abstract to the paper: "[abstract](https://huggingface.co/papers/ID)".
            _card.SetAbstract(paragraph);
            return;
        }

        if (IsAbstractLike(paragraph.Text))
        {
            if (_card.Title is not null && _card.Abstract is null)
            {
                _card.SetAbstract(paragraph);
            }
            else
            {
                _records++;
                Report(ReadProblems.AbstractWithoutTitle, paragraph.Line, paragraph.Column, Shorten(paragraph.Text, 60));
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
        _deferred = paragraph;
    }

    private void ResolveDeferred(bool beforeSeparator)
    {
        var deferred = _deferred;
        if (deferred is null)
        {
            return;
        }

        _deferred = null;
        if (beforeSeparator && deferred.LineCount == 1)
        {
            _card.Organization = deferred.Text;
            _card.NoteDetail(deferred.Line);
            return;
        }

        StartCardIfTitled();
        _card.SetTitle(deferred);
    }

    private void StartCardIfTitled()
    {
        if (_card.Title is not null)
        {
            Flush();
        }
    }

    private void AddDate(PageLine piece, int lineNumber)
    {
        if (_previous == LineKind.Separator)
        {
            // The date on a card, after "authors ·".
            _card.Published = Resolve(piece.Date, out _);
            _card.CommentCount = piece.Comments ?? _card.CommentCount;
            _card.NoteDetail(lineNumber);
            _card.HasCardDate = true;
            return;
        }

        Flush();
        _listedOn = Resolve(piece.Date, out var invalid);
        if (invalid)
        {
            Report(ReadProblems.NotADay, lineNumber, piece.Column, piece.Text, piece.Date.Year != 0 ? piece.Date.Year : _options.Year ?? _reference.Year);
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
            _pendingCount = piece;
            _pendingCountLine = lineNumber;
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

    // A pending number is the next card's upvotes when a title (or a new section) follows, else this card's comments.
    private void ResolvePendingCount(PageLine? next)
    {
        var pending = _pendingCount;
        if (pending is null || (next is { Kind: LineKind.Url } && !DailyPageLines.IsCommentsUrl(next.Url)))
        {
            return;
        }

        _pendingCount = null;
        if (next is null or { Kind: LineKind.Title or LineKind.Date or LineKind.BadDate })
        {
            AddUpvotes(pending.Count, _pendingCountLine);
        }
        else
        {
            _card.CommentCount = pending.Count;
            _card.NoteDetail(_pendingCountLine);
        }
    }

    private void AddUrl(string? url)
    {
        if (url is null)
        {
            return;
        }

        if (_deferred is { LineCount: 1 } deferred && DailyPageLines.IsOrganizationUrl(url))
        {
            // " Google" followed by its link target https://huggingface.co/google: the card's organization.
            _deferred = null;
            _card.Organization = deferred.Text;
            _card.NoteDetail(deferred.Line);
            return;
        }

        if (TryArxivId(url, out var id))
        {
            if (_deferred is not null)
            {
                _deferred.Url ??= url;
            }
            else
            {
                _card.ArxivId ??= id;
            }
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.EndsWith("github.com", StringComparison.OrdinalIgnoreCase))
        {
            _card.CodeUrl ??= uri;
        }
    }

    private static bool TryArxivId(string? url, out ArxivId id)
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

    private void Flush()
    {
        var card = _card;
        _card = new Card();
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
            Report(ReadProblems.TitleWithoutAbstract, title.Line, title.Column, Shorten(title.Text, 120));
            return;
        }

        var paper = card.ToPaper(_listedOn);
        if (HasControlCharacters(paper.Title) || HasControlCharacters(paper.Abstract))
        {
            Report(ReadProblems.BinaryText, title.Line, title.Column, Shorten(paper.Title, 40));
            return;
        }

        _papers++;
        _output.Enqueue(PaperReadItem.FromPaper(paper));
        if (paper.Title.IndexOf('\uFFFD') >= 0 || paper.Abstract.IndexOf('\uFFFD') >= 0)
        {
            Report(ReadProblems.InvalidUtf8, title.Line, title.Column, Shorten(paper.Title, 60));
        }
    }

    private DateTimeOffset? Resolve((int Month, int Day, int Year) date, out bool invalid)
    {
        invalid = false;
        var year = date.Year != 0 ? date.Year : _options.Year ?? 0;
        if (year == 0)
        {
            // The most recent such day that is not after the reference date (Feb 29 goes back to a leap year).
            for (year = _reference.Year; year > _reference.Year - 8; year--)
            {
                if (date.Day <= DateTime.DaysInMonth(year, date.Month)
                    && new DateTime(year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc) <= _reference.UtcDateTime.Date)
                {
                    return new DateTimeOffset(year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero);
                }
            }

            invalid = true;
            return null;
        }

        if (year is < 1 or > 9999 || date.Day > DateTime.DaysInMonth(year, date.Month))
        {
            invalid = true;
            return null;
        }

        return new DateTimeOffset(year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero);
    }

    private void Report(ReadProblem problem, int line, int column, params object?[] arguments)
    {
        _problems++;
        Sink.Record = _records;
        _output.Enqueue(PaperReadItem.FromProblem(Sink.Create(problem, line, column, arguments)));
    }

    /// <summary>Whether a paragraph reads like an abstract (or an AI summary) rather than a title.</summary>
    internal static bool IsAbstractLike(string text)
    {
        if (text.Length >= 320)
        {
            return true;
        }

        var last = text.Length == 0 ? '\0' : text[text.Length - 1];
        if (text.Length >= 60 && last == '.')
        {
            return true;
        }

        return text.Length >= 150 && text.IndexOf(". ", StringComparison.Ordinal) > 0;
    }

    // An abstract cut off by the end of the input ends in the middle of a word or sentence, not like "…results." or a URL.
    private static bool LooksCut(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var last = trimmed[trimmed.Length - 1];
        if (!(char.IsLetterOrDigit(last) || last is ',' or ';' or ':' or '-' or '('))
        {
            return false;
        }

        var space = trimmed.LastIndexOf(' ');
        var lastWord = trimmed.Substring(space + 1);
        return lastWord.IndexOf('/') < 0 && lastWord.IndexOf('.') < 0;
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

    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }

    private static string Shorten(string text, int max) =>
        Printable(text.Length <= max ? text : text.Substring(0, max).TrimEnd() + "…");

    /// <summary>A run of text lines.</summary>
    private sealed class Paragraph
    {
        private readonly StringBuilder _text = new();

        public Paragraph(string text, int line, int column, string? url)
        {
            _text.Append(text);
            Line = line;
            Column = column;
            EndLine = line;
            Url = url;
            LineCount = 1;
            LastLineLength = text.Length;
        }

        public int Line { get; }

        public int Column { get; }

        public int EndLine { get; private set; }

        public int LineCount { get; private set; }

        public int LastLineLength { get; private set; }

        public int Length => _text.Length;

        public string? Url { get; set; }

        public bool Continues { get; set; }

        public bool InLink { get; set; }

        public string Text => InputText.NormalizeWhitespace(_text.ToString());

        public void Append(string text, int line)
        {
            _text.Append(' ').Append(text);
            EndLine = line;
            LineCount++;
            LastLineLength = text.Length;
        }

        public override string ToString() => Text;
    }

    /// <summary>What has been read of one paper card.</summary>
    private sealed class Card
    {
        public Paragraph? Title { get; private set; }

        public Paragraph? Abstract { get; private set; }

        public int AbstractEndLine => Abstract?.EndLine ?? 0;

        public int FirstDetailLine { get; private set; }

        public ArxivId? ArxivId { get; set; }

        public int? Upvotes { get; set; }

        public int? CommentCount { get; set; }

        public string? Submitter { get; set; }

        public string? Organization { get; set; }

        public DateTimeOffset? Published { get; set; }

        public Uri? CodeUrl { get; set; }

        public bool HasCardDate { get; set; }

        public string? AiSummary { get; private set; }

        public void SetTitle(Paragraph title)
        {
            Title = title;
            if (title.Url is not null && TryArxivId(title.Url, out var id))
            {
                ArxivId ??= id;
            }
        }

        public void SetAbstract(Paragraph text)
        {
            Abstract = text;
            if (text.Url is not null && TryArxivId(text.Url, out var id))
            {
                ArxivId ??= id;
            }
        }

        public void MoveAbstractToSummary()
        {
            if (Abstract is not null)
            {
                AiSummary = Abstract.Text;
                Abstract = null;
            }
        }

        public void NoteDetail(int line)
        {
            if (FirstDetailLine == 0)
            {
                FirstDetailLine = line;
            }
        }

        public Paper ToPaper(DateTimeOffset? listedOn)
        {
            var title = Title!.Text;
            var links = new List<PaperLink>();
            string id;
            if (ArxivId is { } arxivId)
            {
                id = arxivId.WithoutVersion().ToString();
                links.Add(new PaperLink(PaperLinkKinds.HuggingFace, new Uri("https://huggingface.co/papers/" + id, UriKind.Absolute)));
                links.Add(new PaperLink(PaperLinkKinds.Abstract, arxivId.AbsUrl));
            }
            else
            {
                id = DailyPageIds.FromTitle(title);
            }

            if (CodeUrl is not null)
            {
                links.Add(new PaperLink(PaperLinkKinds.Code, CodeUrl));
            }

            return new Paper(id, title)
            {
                ArxivId = ArxivId,
                Abstract = Abstract!.Text,
                ListedOn = listedOn,
                Published = Published,
                Upvotes = Upvotes,
                CommentCount = CommentCount,
                Submitter = Submitter,
                Organization = Organization,
                AiSummary = AiSummary,
                Links = links,
                Source = PaperSource.HuggingFaceDailyPage,
            };
        }
    }
}
