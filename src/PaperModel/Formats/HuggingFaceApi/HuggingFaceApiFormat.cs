using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// The Hugging Face papers API: the <c>/api/daily_papers</c> array (items with a <c>paper</c> object), an array of
/// paper objects, and the single paper object of <c>/api/papers/{id}</c>.
/// </summary>
/// <remarks>
/// <para>
/// The reader streams the array with <see cref="Utf8JsonReader"/>: it holds one item at a time, so a long list does not
/// need the whole document in memory. Unknown keys are ignored, optional keys may be missing or <c>null</c>. An item
/// with a value of the wrong type becomes a problem that gives the JSON path and the line and column (codes
/// PM1030-PM1049) and the other items are still read. Invalid JSON stops the reading at that point (PM1030).
/// </para>
/// <para>
/// Mapping: <c>paper.id</c> is the arXiv id (<see cref="Paper.Id"/> and <see cref="Paper.ArxivId"/>); <c>publishedAt</c>
/// of the paper is <see cref="Paper.Published"/> and that of the daily item (else <c>submittedOnDailyAt</c>) is
/// <see cref="Paper.ListedOn"/>; <c>upvotes</c>, <c>numComments</c>, <c>ai_summary</c>, <c>ai_keywords</c>,
/// <c>organization.fullname</c>, the submitter's display name, <c>githubRepo</c> and <c>projectPage</c> map to the
/// fields of the same meaning. Authors are listed in order, hidden ones included.
/// </para>
/// <para>The one instance is <see cref="PaperFormats.HuggingFaceApi"/>.</para>
/// </remarks>
public sealed class HuggingFaceApiFormat : PaperFormat
{
    /// <summary>The format's name, <c>hf-api-json</c>.</summary>
    internal const string FormatName = "hf-api-json";

    internal HuggingFaceApiFormat()
        : base(FormatName, "Hugging Face papers API JSON (/api/daily_papers array or one /api/papers/{id} object)")
    {
    }

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new Parser(stream, options, sink);

    /// <summary>Frames the items with <see cref="JsonItemStream"/> and maps each with <see cref="HuggingFaceApiRecord"/>.</summary>
    private sealed class Parser(Stream stream, PaperReadOptions options, ProblemSink sink) : RecordParser(sink)
    {
        private readonly JsonItemStream _items = new(sink, options.MaxRecordLength);
        private JsonItem _item;

        public override ReadStep Next()
        {
            while (true)
            {
                switch (_items.Next(out var item))
                {
                    case JsonItemStream.Step.Item:
                        _item = item;
                        Sink.BeginRecord(item.Index + 1, item.Utf8, item.Line, item.Column);
                        return ReadStep.Record;
                    case JsonItemStream.Step.Problem:
                        continue;
                    case JsonItemStream.Step.NeedMore:
                        return ReadStep.NeedMore;
                    default:
                        return ReadStep.End;
                }
            }
        }

        // Mapped before the next item is asked for: the item's bytes live in the stream's buffer.
        public override Paper Map() => HuggingFaceApiRecord.Map(_item, Sink);

        public override bool TryReportFailure(Exception exception)
        {
            if (exception is not JsonException json)
            {
                return false;
            }

            // Positions in the exception count from the item's start: its line, and on that line its column.
            var line = json.LineNumber ?? 0;
            var column = line == 0 ? _item.Column + (json.BytePositionInLine ?? 0) : (json.BytePositionInLine ?? 0) + 1;
            Sink.ReportAt(ReadProblems.ApiItemInvalidJson, _item.Line + line, column, _item.Path, JsonErrors.Describe(json));
            return true;
        }

        public override void Fill() => _items.Fill(stream);

        public override ValueTask FillAsync(CancellationToken cancellationToken) => _items.FillAsync(stream, cancellationToken);

        public override void Dispose() => _items.Dispose();
    }
}
