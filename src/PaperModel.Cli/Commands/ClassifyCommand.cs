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
        var output = new Option<ClassificationOutputKind>("--output", "-o")
        {
            Description = "How to print: table (for people), jsonl (paper JSON plus a topics array, one per line), json (one array), csv (one row per paper and topic) or markdown.",
            DefaultValueFactory = static _ => ClassificationOutputKind.Table,
            HelpName = "table|jsonl|json|csv|markdown",
        };
        var minScore = new Option<double>("--min-score")
        {
            Description = "Only report topics scoring at least this (0-1); assignment thresholds still apply.",
            DefaultValueFactory = static _ => 0.0,
            HelpName = "score",
        };
        minScore.Validators.Add(static result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value >= 0 && value <= 1))
            {
                result.AddError($"--min-score must be between 0 and 1, not {value}.");
            }
        });
        var topics = new Option<string[]>("--topic")
        {
            Description = "Only print papers assigned one of these topic ids (repeat the option or list several).",
            HelpName = "id",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("classify", "Assign taxonomy topics to papers, with scores and evidence.")
        {
            inputs.Files,
            inputs.Format,
            inputs.Year,
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

            var wanted = parseResult.GetValue(topics) ?? [];
            var unknown = wanted.Where(id => !classifier.Taxonomy.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                context.Error.WriteLine($"papers: error: unknown topic id{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown.Select(id => "'" + id + "'"))}; run 'papers topics' to list them.");
                return ExitCodes.Usage;
            }

            var min = parseResult.GetValue(minScore);
            var reader = inputs.CreateReader(parseResult, context);
            using var writer = ClassificationWriter.Create(parseResult.GetValue(output), context);
            var classified = reader.ReadPapers(inputs.GetFiles(parseResult), paper =>
            {
                var topics = classifier.Classify(paper).Topics;
                IReadOnlyList<TopicAssignment> assigned = min > 0 ? [.. topics.Where(t => t.Score >= min)] : topics;
                var shown = wanted.Length == 0 || assigned.Any(t => wanted.Contains(t.Topic.Id, StringComparer.Ordinal));
                return (Paper: paper, Topics: shown ? assigned : null);
            });
            foreach (var (paper, assigned) in classified)
            {
                if (assigned is not null)
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
