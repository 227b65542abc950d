using System.CommandLine;
using PaperModel.Classification;
using PaperModel.Cli.Output;

namespace PaperModel.Cli.Commands;

/// <summary>
/// <c>papers classify &lt;files...&gt;</c>: reads listings, assigns topics of a taxonomy to each paper and prints the
/// papers with their topics, scores and evidence.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        var taxonomy = TaxonomyOption.Create();
        var output = new OutputOptions<ClassificationOutputKind>(
            ClassificationOutputKind.Table,
            "How to print: table (for people), jsonl (paper JSON plus a topics array, one per line), json (one array), csv (one row per paper and topic) or markdown.");
        var minScore = TopicOptions.MinScore();
        var topics = CommonOptions.Topics("Only print papers assigned one of these topic ids (repeat the option or list several: --topic peft,moe).");
        var command = new Command("classify", "Assign taxonomy topics to papers, with scores and evidence.")
        {
            inputs.Files,
            inputs.Format,
            inputs.Year,
            inputs.Limit,
            inputs.Quiet,
            taxonomy,
            minScore,
            topics,
        };
        output.AddTo(command);

        command.SetAction(parseResult =>
        {
            var classifier = TaxonomyOption.LoadClassifier(parseResult.GetValue(taxonomy), context, out var taxonomyProblems);
            if (classifier is null)
            {
                return ExitCodes.Problems;
            }

            var wanted = TopicOptions.GetKnownTopics(parseResult, topics, classifier.Taxonomy, context);
            if (wanted is null)
            {
                return ExitCodes.Usage;
            }

            var kind = output.GetKind(parseResult, context);
            using var target = output.Open(parseResult, context);
            if (target is null)
            {
                return ExitCodes.Problems;
            }

            var min = parseResult.GetValue(minScore);
            var reader = inputs.CreateReader(parseResult, context);
            using var writer = PaperWriter.Create(kind, target);

            // JSON Lines records are serialised by the workers that classify, and only copied out here, in order.
            var lines = writer is JsonPaperWriter { WritesLines: true } json ? json : null;
            var classified = reader.ReadPapers<(Paper? Paper, IReadOnlyList<TopicAssignment>? Topics, SerializedLine? Line)>(inputs.GetFiles(parseResult), paper =>
            {
                var topics = classifier.Classify(paper).Topics;
                IReadOnlyList<TopicAssignment> assigned = min > 0 ? [.. topics.Where(t => t.Score >= min)] : topics;
                var shown = wanted.Length == 0 || assigned.Any(t => wanted.Contains(t.Topic.Id, StringComparer.Ordinal));
                if (!shown)
                {
                    return default;
                }

                // A serialised record is all the writer needs: the paper is not kept, so it dies on the worker.
                return lines is not null ? (null, null, JsonPaperWriter.SerializeLine(paper, assigned)) : (paper, assigned, null);
            });
            foreach (var (paper, assigned, line) in classified)
            {
                if (line is { } record)
                {
                    lines!.WriteLine(record);
                }
                else if (paper is not null)
                {
                    writer.Write(paper, assigned);
                }
            }

            writer.Complete();
            return reader.ProblemCount == 0 && taxonomyProblems == 0 ? ExitCodes.Success : ExitCodes.Problems;
        });
        return command;
    }
}
