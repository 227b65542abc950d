using System.CommandLine;
using PaperModel.Classification;

namespace PaperModel.Cli.Commands;

/// <summary>The topic filters that <c>classify</c> and <c>digest</c> share: <c>--topic</c> and <c>--min-score</c>.</summary>
internal static class TopicOptions
{
    /// <summary><c>--topic &lt;id&gt;</c>, repeatable.</summary>
    public static Option<string[]> Topics(string description) => new("--topic")
    {
        Description = description,
        HelpName = "id",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary><c>--min-score &lt;x&gt;</c>, validated to lie in [0, 1].</summary>
    public static Option<double> MinScore()
    {
        var option = new Option<double>("--min-score")
        {
            Description = "Only report topics scoring at least this (0-1); assignment thresholds still apply.",
            DefaultValueFactory = static _ => 0.0,
            HelpName = "score",
        };
        option.Validators.Add(static result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value >= 0 && value <= 1))
            {
                result.AddError($"--min-score must be between 0 and 1, not {value}.");
            }
        });
        return option;
    }

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
