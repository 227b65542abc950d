using System.Net;
using System.Text;
using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// A Hugging Face Daily Papers page (<c>huggingface.co/papers</c>, <c>/papers/date/…</c>, <c>/week/…</c>,
/// <c>/month/…</c>) or a paper's page (<c>huggingface.co/papers/{id}</c>) saved as HTML.
/// </summary>
/// <remarks>
/// <para>
/// The pages embed their data as HTML-escaped JSON in a <c>data-props</c> attribute: the listing in the element with
/// <c>data-target="DailyPapers"</c> (its <c>dailyPapers</c> array has the items of <c>/api/daily_papers</c>), a paper
/// page in the one with <c>data-target="PaperContent"</c> (its <c>paper</c> object is that of <c>/api/papers/{id}</c>).
/// The reader goes through the HTML forward, keeping only that attribute (up to
/// <see cref="PaperReadOptions.MaxRecordLength"/> bytes), decodes its character references and reads the JSON with
/// <see cref="HuggingFaceApiFormat"/>'s mapping, item by item; the visible text of the page is not read.
/// </para>
/// <para>
/// Problems: PM1036 for a page without embedded papers, PM1037 for embedded JSON that is not the expected document,
/// PM1038 for one over the limit; the problems of the items are those of <see cref="HuggingFaceApiFormat"/>
/// (PM1030-PM1035), located at the start of the <c>data-props</c> value, their message giving the JSON path in the
/// embedded list.
/// </para>
/// <para>Papers have <see cref="PaperSource.HuggingFaceDailyPage"/>. The one instance is <see cref="PaperFormats.HuggingFaceDailyHtml"/>.</para>
/// </remarks>
public sealed class HuggingFaceDailyHtmlFormat : PaperFormat
{
    /// <summary>The format's name, <c>hf-daily-html</c>.</summary>
    internal const string FormatName = "hf-daily-html";

    /// <summary>The <c>data-target</c> of the listing's element.</summary>
    internal const string ListingTarget = "DailyPapers";

    /// <summary>The <c>data-target</c> of a paper page's element.</summary>
    internal const string PaperTarget = "PaperContent";

    private const int ChunkSize = 16 * 1024;

    internal HuggingFaceDailyHtmlFormat()
        : base(FormatName, "Hugging Face Daily Papers page or paper page saved as HTML (the JSON it embeds)")
    {
    }

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new Parser(stream, options, sink);

    /// <summary>
    /// Scans the HTML with <see cref="EmbeddedPropsScanner"/>; each embedded document is read by the Hugging Face API
    /// format's parser over the decoded JSON, whose problems are moved to this reader's sink at the attribute's position.
    /// </summary>
    private sealed class Parser(Stream stream, PaperReadOptions options, ProblemSink sink) : RecordParser(sink)
    {
        private readonly EmbeddedPropsScanner _scanner = new([ListingTarget, PaperTarget], Math.Max(1, options.MaxRecordLength));
        private readonly PooledStreamBuffer _buffer = new(ChunkSize);
        private readonly ProblemSink _innerSink = new(options.SourceName);
        private RecordParser? _inner;
        private EmbeddedProps _embedded;
        private bool _foundAny;

        public override ReadStep Next()
        {
            while (true)
            {
                if (_inner is not null)
                {
                    var step = _inner.Next();
                    MoveProblems();
                    switch (step)
                    {
                        case ReadStep.Record:
                            Sink.BeginRecord(_innerSink.Record, default, _embedded.Line, _embedded.Column);
                            return ReadStep.Record;
                        case ReadStep.NeedMore:
                            _inner.Fill(); // decoded JSON in memory: never blocks
                            continue;
                        default:
                            _inner.Dispose();
                            _inner = null;
                            continue;
                    }
                }

                if (_scanner.TryScan(_buffer.Data, out var consumed, out var embedded))
                {
                    _buffer.Consume(consumed);
                    _foundAny = true;
                    _embedded = embedded;
                    _inner = Open(embedded);
                    continue;
                }

                _buffer.Consume(consumed);
                if (!_buffer.IsEndOfStream)
                {
                    return ReadStep.NeedMore;
                }

                if (!_foundAny)
                {
                    _foundAny = true;
                    Sink.Record = 0;
                    Sink.ReportAt(ReadProblems.HtmlNoPapers, 1, 1);
                }

                return ReadStep.End;
            }
        }

        public override Paper? Map()
        {
            try
            {
                return _inner!.Map() is { } paper ? paper with { Source = PaperSource.HuggingFaceDailyPage } : null;
            }
            catch (RecordRejectedException)
            {
                return null;
            }
            catch (Exception ex) when (_inner!.TryReportFailure(ex))
            {
                return null;
            }
            finally
            {
                MoveProblems();
            }
        }

        public override void Fill() => _buffer.Fill(stream);

        public override async ValueTask FillAsync(CancellationToken cancellationToken) =>
            await _buffer.FillAsync(stream, cancellationToken).ConfigureAwait(false);

        public override void Dispose()
        {
            _inner?.Dispose();
            _buffer.Dispose();
        }

        // The Hugging Face API parser over the document the element embeds, or null with a problem when there is none.
        private RecordParser? Open(EmbeddedProps embedded)
        {
            Sink.BeginRecord(0, default, embedded.Line, embedded.Column);
            if (embedded.Utf8 is not { } encoded)
            {
                Sink.ReportAtRecord(ReadProblems.HtmlPropsTooLong, embedded.Target, options.MaxRecordLength);
                return null;
            }

            var json = Encoding.UTF8.GetBytes(WebUtility.HtmlDecode(Encoding.UTF8.GetString(encoded)));
            var (property, kind) = embedded.Target == ListingTarget ? ("dailyPapers", JsonTokenType.StartArray) : ("paper", JsonTokenType.StartObject);
            try
            {
                if (Find(json, property, kind) is not { } value)
                {
                    Sink.ReportAtRecord(ReadProblems.HtmlPropsNotExpected, embedded.Target, $"it has no \"{property}\" {(kind == JsonTokenType.StartArray ? "array" : "object")}");
                    return null;
                }

                return PaperFormats.HuggingFaceApi.CreateParser(new MemoryStream(json, value.Start, value.Length, writable: false), options, _innerSink);
            }
            catch (JsonException ex)
            {
                Sink.ReportAtRecord(ReadProblems.HtmlPropsNotExpected, embedded.Target, "it is not valid JSON: " + JsonErrors.Describe(ex));
                return null;
            }
        }

        // Where the value of a top-level property of the root object is, when it is of the kind expected.
        private static (int Start, int Length)? Find(byte[] json, string property, JsonTokenType kind)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(property);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (match && reader.TokenType == (kind == JsonTokenType.StartArray ? JsonTokenType.EndArray : JsonTokenType.EndObject))
                {
                    return (start, (int)reader.BytesConsumed - start);
                }
            }

            return null;
        }

        // The items' problems, at the attribute's position (their messages name the JSON path).
        private void MoveProblems()
        {
            while (_innerSink.TryTake(out var problem))
            {
                Sink.Add(problem with { Line = InputText.ToInt(_embedded.Line), Column = InputText.ToInt(_embedded.Column) });
            }
        }
    }
}
