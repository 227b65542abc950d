using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Benchmarks;

/// <summary>
/// The text the classification comparisons share: the title and abstract of every paper of every sample file in the
/// repository, in file order, repeated until there are at least <see cref="TargetChars"/> characters.
/// </summary>
public sealed class ClassifyInputs
{
    /// <summary>How much text the comparisons classify: a few megabytes, more than the processor caches hold.</summary>
    public const int TargetChars = 4_000_000;

    private ClassifyInputs(Paper[] papers, Paper[] distinct)
    {
        Papers = papers;
        Distinct = distinct;
        Chars = papers.Sum(static p => (long)p.Title.Length + p.Abstract.Length);
    }

    /// <summary>The papers, repeated.</summary>
    public Paper[] Papers { get; }

    /// <summary>Each sample paper once.</summary>
    public Paper[] Distinct { get; }

    /// <summary>The characters of all titles and abstracts.</summary>
    public long Chars { get; }

    /// <summary>Reads the samples.</summary>
    public static ClassifyInputs Load(int targetChars = TargetChars)
    {
        var distinct = Directory.EnumerateFiles(RepoPaths.Samples, "*", SearchOption.AllDirectories)
            .Where(static f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(static f => PaperReader.ReadFile(f).Papers)
            .ToArray();
        var papers = new List<Paper>();
        long chars = 0;
        while (chars < targetChars)
        {
            foreach (var paper in distinct)
            {
                papers.Add(paper);
                chars += paper.Title.Length + paper.Abstract.Length;
            }
        }

        return new ClassifyInputs([.. papers], distinct);
    }

    /// <summary>The first papers of <see cref="Papers"/> that hold about <paramref name="chars"/> characters (for slow baselines).</summary>
    public ClassifyInputs Slice(long chars)
    {
        var count = 0;
        long sum = 0;
        while (count < Papers.Length && sum < chars)
        {
            sum += Papers[count].Title.Length + Papers[count].Abstract.Length;
            count++;
        }

        return new ClassifyInputs(Papers[..count], Distinct);
    }
}
