namespace PaperModel.Formats;

/// <summary>
/// One thing a reader produced while streaming: a paper, or a problem. A record that cannot be read yields an
/// error problem instead of a paper, so papers + error problems account for every record in the input.
/// </summary>
public readonly struct PaperReadItem
{
    private PaperReadItem(Paper? paper, ParseProblem? problem)
    {
        Paper = paper;
        Problem = problem;
    }

    /// <summary>The paper, or <see langword="null"/> when this item is a problem.</summary>
    public Paper? Paper { get; }

    /// <summary>The problem, or <see langword="null"/> when this item is a paper.</summary>
    public ParseProblem? Problem { get; }

    /// <summary>An item holding a paper.</summary>
    /// <param name="paper">The paper.</param>
    /// <returns>The item.</returns>
    public static PaperReadItem FromPaper(Paper paper) => new(paper ?? throw new ArgumentNullException(nameof(paper)), null);

    /// <summary>An item holding a problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The item.</returns>
    public static PaperReadItem FromProblem(ParseProblem problem) => new(null, problem ?? throw new ArgumentNullException(nameof(problem)));
}
