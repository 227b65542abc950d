using PaperModel.Classification;

namespace PaperModel.Digest;

/// <summary>Text cut into runs, the spans that matched a topic phrase marked, and abstract snippets around the first match.</summary>
internal static class EvidenceText
{
    private const string Ellipsis = "…";

    /// <summary>The runs of <c>text[start..end)</c>, the evidence spans (clipped to that range, overlaps merged) marked.</summary>
    public static IReadOnlyList<DigestRun> Runs(string text, IEnumerable<TopicEvidence> evidence, int start, int end)
    {
        var spans = evidence
            .Select(e => (Start: Math.Max(e.Start, start), End: Math.Min(e.Start + e.Length, end)))
            .Where(static s => s.Start < s.End)
            .OrderBy(static s => s.Start)
            .ToList();
        var runs = new List<DigestRun>();
        var position = start;
        foreach (var (spanStart, spanEnd) in spans)
        {
            if (spanEnd <= position)
            {
                continue;
            }

            var from = Math.Max(spanStart, position);
            if (from > position)
            {
                runs.Add(new DigestRun(text.Substring(position, from - position), false));
            }

            runs.Add(new DigestRun(text.Substring(from, spanEnd - from), true));
            position = spanEnd;
        }

        if (position < end)
        {
            runs.Add(new DigestRun(text.Substring(position, end - position), false));
        }

        return runs;
    }

    /// <summary>
    /// About <paramref name="length"/> characters of the abstract: from the start of the sentence holding the first
    /// matched phrase (the abstract's start when none matched there), cut at a word, with "…" where text was left out.
    /// </summary>
    public static IReadOnlyList<DigestRun> Snippet(string text, IReadOnlyList<TopicEvidence> evidence, int length)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var first = evidence.Count == 0 ? 0 : evidence.Min(static e => e.Start);
        var start = SentenceStart(text, first);
        if (first - start > length / 2)
        {
            // A long sentence: start a few words before the match instead.
            start = WordStart(text, first - (length / 4));
        }

        var end = Math.Min(text.Length, start + length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            end = space > start ? space : end;
        }

        var runs = new List<DigestRun>();
        if (start > 0)
        {
            runs.Add(new DigestRun(Ellipsis + " ", false));
        }

        runs.AddRange(Runs(text, evidence, start, end));
        if (end < text.Length)
        {
            runs.Add(new DigestRun(" " + Ellipsis, false));
        }

        return runs;
    }

    private static int SentenceStart(string text, int position)
    {
        for (var i = Math.Min(position, text.Length) - 1; i > 0; i--)
        {
            if (text[i] == ' ' && text[i - 1] is '.' or '!' or '?')
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static int WordStart(string text, int position)
    {
        var space = text.IndexOf(' ', Math.Max(0, position));
        return space < 0 ? position : space + 1;
    }
}
