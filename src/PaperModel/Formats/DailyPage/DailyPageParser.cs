namespace PaperModel.Formats.DailyPage;

/// <summary>
/// The Daily Papers page's <see cref="RecordParser"/>: splits the text into lines (<see cref="TextLineReader"/>),
/// classifies them (<see cref="DailyPageLineClassifier"/>), assembles them into cards (<see cref="CardAssembler"/>) and
/// maps each complete card to a paper (<see cref="CardMapper"/>). Memory is bounded by one card and
/// <see cref="PaperReadOptions.MaxRecordLength"/>. Not thread-safe.
/// </summary>
internal sealed class DailyPageParser : RecordParser
{
    private readonly TextReader _text;
    private readonly bool _ownsText;
    private readonly TextLineReader _lines;
    private readonly CardAssembler _cards;
    private PageCard? _card;
    private bool _completed;

    public DailyPageParser(TextReader text, bool ownsText, PaperReadOptions options, ProblemSink sink)
        : base(sink)
    {
        _text = text;
        _ownsText = ownsText;
        _lines = new TextLineReader(text, options.MaxRecordLength);
        _cards = new CardAssembler(options, sink);
    }

    public override ReadStep Next()
    {
        while (true)
        {
            if (_cards.TryTake(out var card, out var problem))
            {
                if (card is not null)
                {
                    _card = card;
                    return ReadStep.Record;
                }

                Sink.Add(problem!);
                continue;
            }

            if (_completed)
            {
                return ReadStep.End;
            }

            switch (_lines.Next(out var line))
            {
                case TextLineReader.Step.Line:
                    _cards.Add(line);
                    break;
                case TextLineReader.Step.NeedMore:
                    return ReadStep.NeedMore;
                default:
                    _cards.Complete(_lines.LastLineTerminated);
                    _completed = true;
                    break;
            }
        }
    }

    public override Paper Map() => CardMapper.Map(_card!, Sink);

    public override void Fill() => _lines.Fill();

    public override ValueTask FillAsync(CancellationToken cancellationToken) => _lines.FillAsync(cancellationToken);

    public override void Dispose()
    {
        if (_ownsText)
        {
            _text.Dispose();
        }
    }
}
