using System.CommandLine;
using PaperModel.Classification;

namespace PaperModel.Cli.Commands;

/// <summary><c>--taxonomy FILE</c>: the taxonomy to classify with, the built-in default when absent.</summary>
internal static class TaxonomyOption
{
    public static Option<string?> Create() => new("--taxonomy", "-t")
    {
        Description = "A taxonomy file (*.taxonomy.json) to use instead of the built-in default taxonomy.",
        HelpName = "file",
    };

    /// <summary>
    /// Loads the taxonomy the option names, writing its problems to standard error as
    /// <c>file(line,col): error PM00xx: ...</c> (a file that cannot be read is PM0002, saying why). Returns
    /// <see langword="null"/> when it has errors or cannot be read; <paramref name="problemCount"/> counts errors and
    /// warnings, so a command that goes on with warnings still exits with 1.
    /// </summary>
    public static Classifier? LoadClassifier(string? path, CliContext context, out int problemCount)
    {
        problemCount = 0;
        if (path is null)
        {
            return DefaultTopics.Classifier;
        }

        Taxonomy.TryLoadFile(path, out var taxonomy, out var problems);
        foreach (var problem in problems)
        {
            context.Error.WriteLine(problem.ToString());
        }

        problemCount = problems.Count;
        return taxonomy is null ? null : new Classifier(taxonomy);
    }
}
