namespace PaperModel.Classification;

/// <summary>
/// The head of a title: the phrase it opens with, which names what the paper is about (<c>Gating Architecture</c> in
/// <c>GMM-TS: Gating Architecture for Multi-Modal Time Series Forecasting</c>). The rules are in
/// <c>docs/classification.md</c>, section 2.
/// </summary>
internal static class TitleHead
{
    /// <summary>The words that end the head: prepositions, conjunctions and the verbs of question titles.</summary>
    private static readonly string[] Enders =
    [
        "for", "via", "with", "in", "on", "by", "through", "using", "from", "to", "under", "at", "without", "as",
        "beyond", "towards", "toward", "against", "into", "and", "or", "vs", "vs.", "versus", "is", "are", "can",
        "does", "do",
    ];

    /// <summary>
    /// Finds the head of <paramref name="title"/>: the part before its first colon, or the part after it when the
    /// part before is a name (one word, or two words none of which is a lower-case word of three letters or more);
    /// up to the first word (not its first) that is a preposition, a conjunction or <c>is</c>, <c>are</c>, <c>can</c>,
    /// <c>does</c>, <c>do</c>.
    /// </summary>
    /// <returns>The start and end (exclusive) of the head in <paramref name="title"/>.</returns>
    public static (int Start, int End) Find(string title)
    {
        var start = 0;
        var end = title.Length;
        var colon = title.IndexOf(':');
        if (colon > 0)
        {
            if (IsName(title, colon))
            {
                start = colon + 1;
            }
            else
            {
                end = colon;
            }
        }

        var first = true;
        for (var p = start; p < end;)
        {
            while (p < end && char.IsWhiteSpace(title[p]))
            {
                p++;
            }

            var wordStart = p;
            while (p < end && !char.IsWhiteSpace(title[p]))
            {
                p++;
            }

            if (p > wordStart && !first && p < end && IsEnder(title, wordStart, p - wordStart))
            {
                return (start, wordStart);
            }

            first &= p == wordStart;
        }

        return (start, end);
    }

    private static bool IsEnder(string title, int start, int length)
    {
        foreach (var ender in Enders)
        {
            if (ender.Length == length && string.Compare(title, start, ender, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text before the colon at <paramref name="colon"/> is a name rather than a phrase.</summary>
    private static bool IsName(string title, int colon)
    {
        var words = 0;
        var lowerCaseWord = false;
        for (var p = 0; p < colon;)
        {
            while (p < colon && char.IsWhiteSpace(title[p]))
            {
                p++;
            }

            var wordStart = p;
            var lower = true;
            while (p < colon && !char.IsWhiteSpace(title[p]))
            {
                lower &= char.IsLower(title[p]);
                p++;
            }

            if (p > wordStart)
            {
                words++;
                lowerCaseWord |= lower && p - wordStart >= 3;
            }
        }

        return words == 1 || (words == 2 && !lowerCaseWord);
    }
}
