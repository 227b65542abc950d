using System.CommandLine;
using PaperModel.Cli.Evaluation;

namespace PaperModel.Cli.Commands;

/// <summary>
/// <c>papers evaluate [files...] --labels FILE</c>: classifies labelled papers and prints per-topic precision, recall
/// and F1, the macro average, and every false positive and miss with its evidence. The labels file holds the papers
/// (TSV or JSON Lines, see <see cref="LabelledPaperReader"/>); listing files, when given, supply the text of the
/// labelled papers they contain (matched by arXiv id, else by title), so labels can be kept apart from the listings.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        inputs.Files.Arity = ArgumentArity.ZeroOrMore;
        inputs.Files.Description = "Listings that supply the text of the labelled papers (matched by arXiv id or title); without them the labels file's own titles and abstracts are used. '-' reads standard input.";
        var labels = new Option<string>("--labels", "-l")
        {
            Description = "The labelled papers: TSV with a header naming 'labels' (topic ids separated by commas, 'none' for no topic) and 'title', optional 'abstract' and 'id'; or JSON Lines with a 'labels' array.",
            HelpName = "file",
            Required = true,
        };
        var taxonomy = TaxonomyOption.Create();
        var output = new OutputOptions<EvaluationOutputKind>(EvaluationOutputKind.Table, "How to print: table (for people), markdown or json.");
        var topics = CommonOptions.Topics("The topic ids to evaluate (repeat the option or list several: --topic peft,moe); default: every topic that occurs in the labels.");
        var titlesOnly = new Option<bool>("--titles-only")
        {
            Description = "Classify by the titles alone, ignoring abstracts and categories.",
        };
        var command = new Command("evaluate", "Measure a taxonomy against labelled papers: per-topic precision, recall, F1, and the mistakes with their evidence.")
        {
            inputs.Files,
            inputs.Format,
            inputs.Year,
            labels,
            taxonomy,
            topics,
            titlesOnly,
        };
        output.AddTo(command);

        command.SetAction(parseResult =>
        {
            var classifier = TaxonomyOption.LoadClassifier(parseResult.GetValue(taxonomy), context, out var taxonomyProblems);
            if (classifier is null)
            {
                return ExitCodes.Problems;
            }

            var labelsPath = parseResult.GetValue(labels)!;
            var problems = new List<string>();
            List<LabelledPaper> papers;
            if (Directory.Exists(labelsPath))
            {
                context.Error.WriteLine($"papers: error: cannot read the labels file '{labelsPath}': it is a directory, not a file.");
                return ExitCodes.Problems;
            }

            try
            {
                using var text = new StreamReader(labelsPath);
                papers = LabelledPaperReader.Read(labelsPath, text, problems);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                context.Error.WriteLine($"papers: error: cannot read the labels file '{labelsPath}': the file does not exist.");
                return ExitCodes.Problems;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"papers: error: cannot read the labels file '{labelsPath}': {ex.Message}");
                return ExitCodes.Problems;
            }

            var reader = inputs.CreateReader(parseResult, context);
            var files = inputs.GetFiles(parseResult);
            if (files.Length > 0)
            {
                papers = WithListingText(papers, reader.ReadPapers(files), problems);
            }

            if (parseResult.GetValue(titlesOnly))
            {
                papers = [.. papers.Select(p => p with { Paper = new Paper(p.Paper.Id, p.Paper.Title) })];
            }

            var wanted = parseResult.GetValue(topics) is { Length: > 0 } ids
                ? ids
                : [.. papers.SelectMany(p => p.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            var unknown = wanted.Concat(papers.SelectMany(p => p.Labels)).Distinct(StringComparer.Ordinal).Where(id => !classifier.Taxonomy.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                context.Error.WriteLine($"papers: error: unknown topic id{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown.Select(id => "'" + id + "'"))}; run 'papers topics' to list them.");
                return ExitCodes.Usage;
            }

            foreach (var problem in problems)
            {
                context.Error.WriteLine(problem);
            }

            var evaluation = Evaluation.Evaluation.Run(classifier, papers, [.. wanted.Select(id => classifier.Taxonomy.GetTopic(id))]);
            var kind = output.GetKind(parseResult, context);
            using var target = output.Open(parseResult, context);
            if (target is null)
            {
                return ExitCodes.Problems;
            }

            EvaluationWriter.Write(evaluation, kind, target.Writer);
            return problems.Count == 0 && reader.ProblemCount == 0 && taxonomyProblems == 0 ? ExitCodes.Success : ExitCodes.Problems;
        });
        return command;
    }

    /// <summary>
    /// Replaces each labelled paper by the listing's paper with the same arXiv id or, failing that, the same title
    /// (case and spacing ignored); a labelled paper that no listing has is reported and left out.
    /// </summary>
    private static List<LabelledPaper> WithListingText(List<LabelledPaper> papers, IEnumerable<Paper> listing, List<string> problems)
    {
        var byId = new Dictionary<string, Paper>(StringComparer.OrdinalIgnoreCase);
        var byTitle = new Dictionary<string, Paper>(StringComparer.OrdinalIgnoreCase);
        foreach (var paper in listing)
        {
            byId.TryAdd(paper.ArxivId?.ToString() ?? paper.Id, paper);
            byTitle.TryAdd(TitleKey(paper.Title), paper);
        }

        var matched = new List<LabelledPaper>(papers.Count);
        foreach (var labelled in papers)
        {
            if (byId.TryGetValue(labelled.Paper.Id, out var paper) || byTitle.TryGetValue(TitleKey(labelled.Paper.Title), out paper))
            {
                matched.Add(labelled with { Paper = paper });
            }
            else
            {
                problems.Add($"{labelled.File}({labelled.Line},1): error {LabelledPaperReader.ProblemCode}: no paper in the listings has the id '{labelled.Paper.Id}' or the title '{labelled.Paper.Title}'.");
            }
        }

        return matched;
    }

    private static string TitleKey(string title) => string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
