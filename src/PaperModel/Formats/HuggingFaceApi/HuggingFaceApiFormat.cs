using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// The Hugging Face papers API: the <c>/api/daily_papers</c> array (items with a <c>paper</c> object), the
/// <c>/api/papers/search</c> results (items of the same shape), an array of paper objects, and the single paper object
/// of <c>/api/papers/{id}</c>.
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
/// <see cref="Paper.ListedOn"/> (not for a search result, recognised by its <c>highlightedTitle</c>: it was not
/// listed that day); <c>upvotes</c>, <c>numComments</c>, <c>ai_summary</c>, <c>ai_keywords</c>,
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

    private static readonly JsonItemProblems Problems = new(
        ReadProblems.ApiInvalidJson, ReadProblems.ApiItemInvalidJson, ReadProblems.ApiNotArrayOrObject, ReadProblems.ApiTokenTooLong, ReadProblems.ApiItemTooLong);

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new Parser(stream, options, sink);

    /// <summary>Frames the items with <see cref="JsonItemStream"/> and maps each with <see cref="HuggingFaceApiRecord"/>.</summary>
    private sealed class Parser(Stream stream, PaperReadOptions options, ProblemSink sink) : JsonItemParser(stream, options, sink, Problems)
    {
        protected override Paper MapItem(JsonItem item) => HuggingFaceApiRecord.Map(item, Sink);
    }
}
