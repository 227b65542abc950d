using System.CommandLine;
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
        var output = new Option<ClassificationOutputKind>("--output", "-o")
        {
            Description = "How to print: table (for people), jsonl (paper JSON plus a topics array, one per line), json (one array), csv (one row per paper and topic) or markdown.",
            DefaultValueFactory = static _ => ClassificationOutputKind.Table,
            HelpName = "table|jsonl|json|csv|markdown",
        };
        var minScore = TopicOptions.MinScore();
        var topics = TopicOptions.Topics("Only print papers assigned one of these topic ids (repeat the option or list several).");
        var command = new Command("classify", "Assign taxonomy topics to papers, with scores and evidence.")
        {
            inputs.Files,
            inputs.Format,
            inputs.Year,
            inputs.Limit,
            inputs.Quiet,
            taxonomy,
            output,
            minScore,
            topics,
        };

        command.SetAction(parseResult =>
        {
            var classifier = TaxonomyOption.LoadClassifier(parseResult.GetValue(taxonomy), context);
            if (classifier is null)
            {
                return ExitCodes.Problems;
            }

            var wanted = TopicOptions.GetKnownTopics(parseResult, topics, classifier.Taxonomy, context);
            if (wanted is null)
            {
                return ExitCodes.Usage;
            }

            var min = parseResult.GetValue(minScore);
            var reader = inputs.CreateReader(parseResult, context);
            using var writer = ClassificationWriter.Create(parseResult.GetValue(output), context);
            foreach (var paper in reader.ReadPapers(inputs.GetFiles(parseResult)))
            {
                var assigned = classifier.Classify(paper).Topics.Where(t => t.Score >= min).ToList();
                if (wanted.Length == 0 || assigned.Any(t => wanted.Contains(t.Topic.Id, StringComparer.Ordinal)))
                {
                    writer.Write(paper, assigned);
                }
            }

            writer.Complete();
            return reader.ProblemCount == 0 ? ExitCodes.Success : ExitCodes.Problems;
        });
        return command;
    }
}
