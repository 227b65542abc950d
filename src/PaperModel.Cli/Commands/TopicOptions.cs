using System.CommandLine;
using PaperModel.Classification;

namespace PaperModel.Cli.Commands;

/// <summary>The topic filters that <c>classify</c> and <c>digest</c> share: <c>--min-score</c> and the check of <c>--topic</c> ids (<see cref="CommonOptions.Topics"/>).</summary>
internal static class TopicOptions
{
    /// <summary><c>--min-score &lt;x&gt;</c>, validated to lie in [0, 1].</summary>
    public static Option<double> MinScore() => new("--min-score")
    {
        Description = "Only report topics scoring at least this (0-1); assignment thresholds still apply.",
        DefaultValueFactory = static _ => 0.0,
        HelpName = "score",
        CustomParser = static result => CommonOptions.ParseNumber(result, "--min-score", 0, 1),
    };

    /// <summary>
    /// The parsed topic ids, or <see langword="null"/> after writing a usage error when one is not in the taxonomy.
    /// </summary>
    public static string[]? GetKnownTopics(ParseResult parseResult, Option<string[]> option, Taxonomy taxonomy, CliContext context)
    {
        var wanted = parseResult.GetValue(option) ?? [];
        var unknown = wanted.Where(id => !taxonomy.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            context.Error.WriteLine($"papers: error: unknown topic id{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown.Select(id => "'" + id + "'"))}; run 'papers topics' to list them.");
            return null;
        }

        return wanted;
    }
}
