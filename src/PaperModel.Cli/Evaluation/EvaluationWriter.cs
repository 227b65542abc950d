using System.Globalization;
using System.Text.Json;
using PaperModel.Cli.Output;

namespace PaperModel.Cli.Evaluation;

/// <summary>
/// Prints an <see cref="Evaluation"/>: per-topic precision, recall and F1 with their counts, the macro-F1, then every
/// false positive with the evidence that assigned the topic and every miss with what was assigned instead.
/// </summary>
internal static class EvaluationWriter
{
    public static void Write(Evaluation evaluation, EvaluationOutputKind kind, TextWriter output)
    {
        switch (kind)
        {
            case EvaluationOutputKind.Json:
                WriteJson(evaluation, output);
                break;
            case EvaluationOutputKind.Markdown:
                WriteMarkdown(evaluation, output);
                break;
            default:
                WriteTable(evaluation, output);
                break;
        }
    }

    private static void WriteTable(Evaluation evaluation, TextWriter output)
    {
        var width = Math.Max(5, evaluation.Topics.Count == 0 ? 0 : evaluation.Topics.Max(t => t.Topic.Id.Length));
        output.WriteLine($"{"TOPIC".PadRight(width)}  PRECISION  RECALL     F1     TP     FP     FN");
        foreach (var t in evaluation.Topics)
        {
            output.WriteLine($"{t.Topic.Id.PadRight(width)}  {F(t.Precision),9}  {F(t.Recall),6}  {F(t.F1),5}  {N(t.TruePositives),5}  {N(t.FalsePositives),5}  {N(t.Misses),5}");
        }

        output.WriteLine($"{"macro".PadRight(width)}  {string.Empty,9}  {string.Empty,6}  {F(evaluation.MacroF1),5}");
        output.WriteLine($"{N(evaluation.PaperCount)} papers");
        foreach (var mistake in evaluation.Mistakes)
        {
            output.WriteLine();
            output.WriteLine($"{Kind(mistake.Kind)} {mistake.Topic.Id}: {mistake.Paper.Paper.Title}  [{mistake.Paper.Location}]");
            output.WriteLine($"  labels: {Labels(mistake.Paper)}");
            foreach (var line in Explain(mistake))
            {
                output.WriteLine("  " + line);
            }
        }
    }

    private static void WriteMarkdown(Evaluation evaluation, TextWriter output)
    {
        output.WriteLine("| topic | precision | recall | F1 | TP | FP | FN |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var t in evaluation.Topics)
        {
            output.WriteLine($"| `{t.Topic.Id}` | {F(t.Precision)} | {F(t.Recall)} | {F(t.F1)} | {N(t.TruePositives)} | {N(t.FalsePositives)} | {N(t.Misses)} |");
        }

        output.WriteLine($"| macro | | | **{F(evaluation.MacroF1)}** | | | |");
        output.WriteLine();
        output.WriteLine($"{N(evaluation.PaperCount)} papers.");
        foreach (var group in evaluation.Mistakes.GroupBy(m => m.Kind))
        {
            output.WriteLine();
            output.WriteLine(group.Key == MistakeKind.FalsePositive ? "## False positives" : "## Misses");
            output.WriteLine();
            foreach (var mistake in group)
            {
                output.WriteLine($"- `{mistake.Topic.Id}` **{Escape(mistake.Paper.Paper.Title)}** ({mistake.Paper.Location}; labels: {Labels(mistake.Paper)})");
                foreach (var line in Explain(mistake))
                {
                    output.WriteLine("  - " + Escape(line));
                }
            }
        }
    }

    private static void WriteJson(Evaluation evaluation, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("papers", evaluation.PaperCount);
            json.WriteNumber("macroF1", Math.Round(evaluation.MacroF1, 4));
            json.WriteStartArray("topics");
            foreach (var t in evaluation.Topics)
            {
                json.WriteStartObject();
                json.WriteString("id", t.Topic.Id);
                json.WriteNumber("precision", Math.Round(t.Precision, 4));
                json.WriteNumber("recall", Math.Round(t.Recall, 4));
                json.WriteNumber("f1", Math.Round(t.F1, 4));
                json.WriteNumber("truePositives", t.TruePositives);
                json.WriteNumber("falsePositives", t.FalsePositives);
                json.WriteNumber("misses", t.Misses);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("mistakes");
            foreach (var mistake in evaluation.Mistakes)
            {
                json.WriteStartObject();
                json.WriteString("kind", mistake.Kind == MistakeKind.FalsePositive ? "falsePositive" : "miss");
                json.WriteString("topic", mistake.Topic.Id);
                json.WriteString("title", mistake.Paper.Paper.Title);
                json.WriteString("location", mistake.Paper.Location);
                json.WriteStartArray("labels");
                foreach (var label in mistake.Paper.Labels.Order(StringComparer.Ordinal))
                {
                    json.WriteStringValue(label);
                }

                json.WriteEndArray();
                json.WriteStartArray("assigned");
                foreach (var assigned in mistake.Result.Topics)
                {
                    json.WriteStartObject();
                    json.WriteString("id", assigned.Topic.Id);
                    json.WriteNumber("score", Math.Round(assigned.Score, 4));
                    json.WriteStartArray("evidence");
                    foreach (var evidence in assigned.Evidence)
                    {
                        json.WriteStartObject();
                        json.WriteString("field", PaperWriter.FieldName(evidence.Field));
                        json.WriteString("phrase", evidence.Phrase);
                        json.WriteString("text", evidence.MatchedText(mistake.Paper.Paper));
                        json.WriteNumber("start", evidence.Start);
                        json.WriteNumber("length", evidence.Length);
                        json.WriteNumber("weight", Math.Round(evidence.Weight, 4));
                        json.WriteString("reason", PaperWriter.ReasonName(evidence.Reason));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// For a false positive, the evidence that assigned the topic (field, phrase, the text it matched, offset,
    /// weight); for a miss, the topics assigned instead.
    /// </summary>
    private static IEnumerable<string> Explain(Mistake mistake)
    {
        if (mistake.Kind == MistakeKind.Miss)
        {
            var assigned = mistake.Result.Topics.Where(t => !t.IsImplied).Select(t => t.Topic.Path).ToList();
            yield return "assigned: " + (assigned.Count == 0 ? "nothing" : string.Join(", ", assigned));
            yield break;
        }

        var topic = mistake.Result.Find(mistake.Topic)!;
        yield return $"score {F(topic.Score)}";
        foreach (var evidence in topic.Evidence)
        {
            yield return $"{PaperWriter.FieldName(evidence.Field)} '{evidence.MatchedText(mistake.Paper.Paper)}' at {N(evidence.Start)}: {evidence.Topic.Id} phrase '{evidence.Phrase}', {PaperWriter.ReasonName(evidence.Reason)}, weight {F(evidence.Weight)}";
        }
    }

    private static string Kind(MistakeKind kind) => kind == MistakeKind.FalsePositive ? "FALSE POSITIVE" : "MISS";

    private static string Labels(LabelledPaper paper) =>
        paper.Labels.Count == 0 ? LabelledPaperReader.NoTopic : string.Join(",", paper.Labels.Order(StringComparer.Ordinal));

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
