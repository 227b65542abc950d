using System.Globalization;
using PaperModel.Classification;

namespace PaperModel.Cli.Output;

/// <summary>
/// Prints papers one at a time as they are read, with their assigned topics when the command classifies them: the one
/// writer family of every command (<see cref="OutputKind"/> for <c>read</c>, <see cref="ClassificationOutputKind"/> for
/// <c>classify</c>).
/// </summary>
internal abstract class PaperWriter : IDisposable
{
    protected PaperWriter(TextWriter output)
    {
        Output = output;
    }

    /// <summary>Where the papers go.</summary>
    protected TextWriter Output { get; }

    /// <summary>Creates the writer of <c>papers read</c> for an output kind.</summary>
    public static PaperWriter Create(OutputKind kind, OutputTarget target) => kind switch
    {
        OutputKind.Jsonl => new JsonPaperWriter(target.Writer, lines: true),
        OutputKind.Json => new JsonPaperWriter(target.Writer, lines: false),
        _ => new TablePaperWriter(target.Writer, target.Width),
    };

    /// <summary>Creates the writer of <c>papers classify</c> for an output kind.</summary>
    public static PaperWriter Create(ClassificationOutputKind kind, OutputTarget target) => kind switch
    {
        ClassificationOutputKind.Jsonl => new JsonPaperWriter(target.Writer, lines: true),
        ClassificationOutputKind.Json => new JsonPaperWriter(target.Writer, lines: false),
        ClassificationOutputKind.Csv => new ClassificationCsvWriter(target.Writer),
        ClassificationOutputKind.Markdown => new ClassificationMarkdownWriter(target.Writer),
        _ => new ClassificationTableWriter(target.Writer, target.Width, target.Color),
    };

    /// <summary>Prints one paper.</summary>
    /// <param name="paper">The paper.</param>
    /// <param name="topics">Its assigned topics (ancestors included, taxonomy order), or <see langword="null"/> when the command does not classify.</param>
    public abstract void Write(Paper paper, IReadOnlyList<TopicAssignment>? topics = null);

    /// <summary>Finishes the output (closes a JSON array, prints a table's footer) after the last paper.</summary>
    public virtual void Complete() => Output.Flush();

    /// <inheritdoc/>
    public virtual void Dispose()
    {
    }

    /// <summary>A score as printed in text outputs: two decimals, invariant culture.</summary>
    protected static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The field name used in every output: <c>title</c>, <c>abstract</c> or <c>category</c>.</summary>
    internal static string FieldName(EvidenceField field) => field switch
    {
        EvidenceField.Title => "title",
        EvidenceField.Abstract => "abstract",
        _ => "category",
    };

    /// <summary>
    /// Why evidence counted, as printed in every output: <c>title</c>, <c>title head</c>, <c>contribution sentence</c>,
    /// <c>background sentence</c>, <c>other sentence</c>, <c>aside sentence</c>, <c>comparison</c> or <c>category</c>.
    /// </summary>
    internal static string ReasonName(EvidenceReason reason) => reason switch
    {
        EvidenceReason.Title => "title",
        EvidenceReason.TitleHead => "title head",
        EvidenceReason.ContributionSentence => "contribution sentence",
        EvidenceReason.BackgroundSentence => "background sentence",
        EvidenceReason.OtherSentence => "other sentence",
        EvidenceReason.AsideSentence => "aside sentence",
        EvidenceReason.Comparison => "comparison",
        _ => "category",
    };

    /// <summary>
    /// The most specific assigned topics: those none of whose children is assigned (<c>peft/lora</c> rather than
    /// <c>peft</c> and <c>peft/lora</c>).
    /// </summary>
    protected static IEnumerable<TopicAssignment> MostSpecific(IReadOnlyList<TopicAssignment> topics) =>
        topics.Where(t => !topics.Any(other => ReferenceEquals(other.Topic.Parent, t.Topic)));

    /// <summary>Cuts text to a width with an ellipsis; <see langword="null"/> cuts nothing.</summary>
    protected static string CutEnd(string text, int? width) =>
        width is not { } w || text.Length <= w ? text : string.Concat(text.AsSpan(0, w - 1).TrimEnd(), "…");
}
