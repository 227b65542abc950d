using System.CommandLine;
using System.Globalization;

namespace PaperModel.Cli.Commands;

/// <summary><c>papers topics</c>: prints the topic tree of a taxonomy.</summary>
internal static class TopicsCommand
{
    public static Command Create(CliContext context)
    {
        var taxonomy = TaxonomyOption.Create();
        var output = new OutputOptions();
        var command = new Command("topics", "Print the topic tree of a taxonomy (the built-in default or --taxonomy FILE).")
        {
            taxonomy,
        };
        output.AddTo(command);

        command.SetAction(parseResult =>
        {
            var classifier = TaxonomyOption.LoadClassifier(parseResult.GetValue(taxonomy), context, out var problems);
            using var target = classifier is null ? null : output.Open(parseResult, context);
            if (target is null)
            {
                return ExitCodes.Problems;
            }

            var tree = classifier!.Taxonomy;
            var writer = target.Writer;
            writer.WriteLine($"{tree.Name} {tree.Version}: {Count(tree.Topics.Count, "topic")}");
            var idWidth = tree.Topics.Max(t => (2 * t.Depth) + t.Id.Length);
            foreach (var topic in tree.Topics)
            {
                var id = new string(' ', 2 * topic.Depth) + topic.Id;
                writer.WriteLine($"{id.PadRight(idWidth)}  {topic.Name} ({Count(topic.Phrases.Count, "phrase")}{(topic.Vetoes.Count > 0 ? ", " + Count(topic.Vetoes.Count, "veto") : string.Empty)})");
            }

            return problems == 0 ? ExitCodes.Success : ExitCodes.Problems;
        });
        return command;
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : noun.EndsWith('o') ? "es" : "s");
}
