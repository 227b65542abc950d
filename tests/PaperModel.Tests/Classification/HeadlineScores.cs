using Xunit.Abstractions;

namespace PaperModel.Tests.Classification;

/// <summary>Per-topic F1 of the four headline topics over labelled papers, printed to the test output.</summary>
internal static class HeadlineScores
{
    /// <summary>The F1 of each headline topic, in <see cref="SeedLabelTests.Headline"/> order.</summary>
    public static Dictionary<string, double> Measure<T>(IReadOnlyList<T> papers, Func<T, ISet<string>> labels, Func<T, string, bool> assigned, ITestOutputHelper output)
    {
        var f1 = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var topic in SeedLabelTests.Headline)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var paper in papers)
            {
                var got = assigned(paper, topic);
                var want = labels(paper).Contains(topic);
                tp += got && want ? 1 : 0;
                fp += got && !want ? 1 : 0;
                fn += !got && want ? 1 : 0;
            }

            var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
            f1[topic] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            output.WriteLine($"{topic,-13} precision {precision:F3}  recall {recall:F3}  F1 {f1[topic]:F3}  (tp {tp}, fp {fp}, fn {fn})");
        }

        output.WriteLine($"macro-F1 {f1.Values.Average():F3}");
        return f1;
    }
}
