namespace PaperModel.Formats;

/// <summary>All papers and problems read from one input.</summary>
/// <param name="Papers">The papers, in input order.</param>
/// <param name="Problems">The problems, in input order.</param>
public sealed record PaperReadResult(IReadOnlyList<Paper> Papers, IReadOnlyList<ParseProblem> Problems)
{
    /// <summary>Whether any problem is an error (a record that could not be read).</summary>
    public bool HasErrors => Problems.Any(static p => p.Severity == ProblemSeverity.Error);

    /// <summary>Collects a stream of items.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The result.</returns>
    public static PaperReadResult From(IEnumerable<PaperReadItem> items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var papers = new List<Paper>();
        var problems = new List<ParseProblem>();
        foreach (var item in items)
        {
            if (item.Paper is { } paper)
            {
                papers.Add(paper);
            }
            else if (item.Problem is { } problem)
            {
                problems.Add(problem);
            }
        }

        return new PaperReadResult(papers, problems);
    }
}
