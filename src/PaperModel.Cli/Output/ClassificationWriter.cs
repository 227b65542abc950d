using System.Globalization;
using PaperModel.Classification;

namespace PaperModel.Cli.Output;

/// <summary>Prints classified papers one at a time, in one of the <see cref="ClassificationOutputKind"/> shapes.</summary>
internal abstract class ClassificationWriter : IDisposable
{
    protected ClassificationWriter(TextWriter output)
    {
        Output = output;
    }

    /// <summary>Where the papers go.</summary>
    protected TextWriter Output { get; }

    /// <summary>Creates the writer for an output kind.</summary>
    public static ClassificationWriter Create(ClassificationOutputKind kind, CliContext context) => kind switch
    {
        ClassificationOutputKind.Jsonl => new ClassificationJsonWriter(context.Output, indented: false),
        ClassificationOutputKind.Json => new ClassificationJsonWriter(context.Output, indented: true),
        ClassificationOutputKind.Csv => new ClassificationCsvWriter(context.Output),
        ClassificationOutputKind.Markdown => new ClassificationMarkdownWriter(context.Output),
        _ => new ClassificationTableWriter(context.Output, context.Width, context.OutputColor),
    };

    /// <summary>Prints one paper with its assigned topics (ancestors included, taxonomy order).</summary>
    public abstract void Write(Paper paper, IReadOnlyList<TopicAssignment> topics);

    /// <summary>Finishes the output after the last paper.</summary>
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
    /// The most specific assigned topics: those none of whose children is assigned (<c>peft/lora</c> rather than
    /// <c>peft</c> and <c>peft/lora</c>).
    /// </summary>
    protected static IEnumerable<TopicAssignment> MostSpecific(IReadOnlyList<TopicAssignment> topics) =>
        topics.Where(t => !topics.Any(other => ReferenceEquals(other.Topic.Parent, t.Topic)));
}
