using System.Text.Json;
using PaperModel.Serialization;

namespace PaperModel.Formats;

/// <summary>
/// The library's own JSON Lines: one <see cref="Paper"/> per line as written by <see cref="PaperJson.Serialize(Paper)"/>
/// (and by <c>papers convert</c>), so converted files can be read, filtered and merged again without loss.
/// </summary>
/// <remarks>
/// Streams like <see cref="ArxivMetadataFormat"/>: one line at a time, blank lines ignored. A line that is not a paper
/// object (invalid JSON, a wrong type, no <c>id</c> or <c>title</c>) is a problem PM1080 with its line, column and JSON
/// path; a line longer than <see cref="PaperReadOptions.MaxRecordLength"/> is PM1081. Reading goes on with the next line.
/// <para>The one instance is <see cref="PaperFormats.PaperJsonLines"/>.</para>
/// </remarks>
public sealed class PaperJsonLinesFormat : PaperFormat
{
    /// <summary>The format's name, <c>paper-jsonl</c>.</summary>
    internal const string FormatName = "paper-jsonl";

    internal PaperJsonLinesFormat()
        : base(FormatName, "PaperModel's own JSON Lines, one paper per line (the output of papers convert)")
    {
    }

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new Parser(stream, options, sink);

    private sealed class Parser(Stream stream, PaperReadOptions options, ProblemSink sink)
        : JsonLinesParser(stream, options, sink, ReadProblems.PaperLineTooLong)
    {
        protected override Paper MapLine(ReadOnlySpan<byte> line, ProblemSink sink) =>
            JsonSerializer.Deserialize(line, PaperJsonContext.Default.Paper) ?? throw sink.Reject(ReadProblems.PaperLineNull, -1);

        protected override void ReportInvalidJson(JsonException exception, ProblemSink sink)
        {
            var where = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? string.Empty : $" at {exception.Path}";
            sink.Report(ReadProblems.PaperLineNotAPaper, exception.BytePositionInLine ?? -1, where, JsonErrors.Describe(exception));
        }
    }
}
