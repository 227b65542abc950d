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
    /// Loads the taxonomy the option names, writing its problems to standard error as <c>file(line,col): error PM00xx: ...</c>.
    /// Returns <see langword="null"/> when it has errors or cannot be read.
    /// </summary>
    public static Classifier? LoadClassifier(string? path, CliContext context)
    {
        if (path is null)
        {
            return Topics.Classifier;
        }

        IReadOnlyList<ParseProblem> problems;
        Taxonomy? taxonomy;
        try
        {
            using var stream = File.OpenRead(path);
            Taxonomy.TryLoad(stream, path, out taxonomy, out problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"{path}: error PM1001: cannot read the taxonomy file: {ex.Message}");
            return null;
        }

        foreach (var problem in problems)
        {
            context.Error.WriteLine(problem.ToString());
        }

        return taxonomy is null ? null : new Classifier(taxonomy);
    }
}
