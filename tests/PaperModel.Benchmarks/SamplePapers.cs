using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Benchmarks;

/// <summary>The inputs every benchmark shares: the real Daily Papers page shipped in the repository.</summary>
public static class SamplePapers
{
    /// <summary>The 50 papers of <c>samples/hf-daily-papers.txt</c>.</summary>
    public static IReadOnlyList<Paper> Load()
    {
        var papers = PaperReader.ReadFile(RepoPaths.DailyPapersPage).Papers;
        if (papers.Count != 50)
        {
            throw new InvalidOperationException($"Expected the 50 papers of the sample page, read {papers.Count}.");
        }

        return papers;
    }
}
