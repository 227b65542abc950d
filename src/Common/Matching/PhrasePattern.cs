using PaperModel.Classification;

namespace PaperModel.Common.Matching;

/// <summary>
/// A phrase of the taxonomy as the matcher sees it: its tokens (folded, with the exact spelling for acronym tokens)
/// and the gaps between them.
/// </summary>
/// <remarks>
/// <para>Rules, applied the same way at compile time and run time:</para>
/// <list type="bullet">
/// <item>Tokens are split as in <see cref="TextTokens"/>; characters before the first and after the last token are ignored.</item>
/// <item>A gap of white space and at most one hyphen is a joiner: in text it matches any joiner
/// (<c>mixture-of-experts</c> = <c>mixture of experts</c> = <c>mixture-of experts</c>). Any other gap, such as
/// <c>)^</c> in <c>(IA)^3</c>, must appear in the text exactly.</item>
/// <item>A gap of a lone <c>*</c> between white space (<c>mixture of * experts</c>) is a word gap: in text it matches one
/// to <see cref="MaxGapWords"/> words joined by joiners (<c>mixture of heterogeneous grouped experts</c>), but no other
/// punctuation.</item>
/// <item>A hyphen also accepts the closed compound: <c>fine-tuning</c> matches <c>finetuning</c>; every combination of
/// open and closed hyphen gaps is a variant of the phrase.</item>
/// <item>A token written with a capital after its first character (<c>LoRA</c>, <c>MoE</c>, <c>RLHF</c>, <c>muP</c>)
/// is an acronym token and matches case-sensitively; every token of an
/// <see cref="PhraseKind.Acronym"/> phrase is. Other tokens match case-insensitively.</item>
/// </list>
/// </remarks>
internal sealed class PhrasePattern
{
    /// <summary>The most words a word gap (<see cref="WordGap"/>) stands for.</summary>
    public const int MaxGapWords = 3;

    /// <summary>The value of <see cref="Gaps"/> for a word gap: a <c>*</c> between white space in the phrase.</summary>
    public const string WordGap = " * ";

    /// <summary>The most hyphen gaps expanded into closed-compound variants (2^n variants).</summary>
    private const int MaxClosedGaps = 4;

    private PhrasePattern(string[] folded, string?[] exact, string?[] gaps)
    {
        Folded = folded;
        Exact = exact;
        Gaps = gaps;
    }

    /// <summary>The folded tokens.</summary>
    public string[] Folded { get; }

    /// <summary>Per token: the exact spelling when the token is an acronym token, else <see langword="null"/>.</summary>
    public string?[] Exact { get; }

    /// <summary>Per gap (one fewer than tokens): <see langword="null"/> for a joiner, <see cref="WordGap"/> for a word gap, else the literal gap text.</summary>
    public string?[] Gaps { get; }

    /// <summary>
    /// Parses a phrase into its variants (one, or more when hyphens also allow closed compounds). Returns an empty
    /// list when the phrase has no token.
    /// </summary>
    public static IReadOnlyList<PhrasePattern> Parse(string phrase, PhraseKind kind)
    {
        var tokens = new List<string>();
        var gaps = new List<string>();
        var position = 0;
        var previousEnd = -1;
        while (TextTokens.NextToken(phrase, position, out var start, out var length))
        {
            if (previousEnd >= 0)
            {
                gaps.Add(phrase.Substring(previousEnd, start - previousEnd));
            }

            tokens.Add(phrase.Substring(start, length));
            previousEnd = start + length;
            position = previousEnd;
        }

        if (tokens.Count == 0)
        {
            return [];
        }

        var folded = new string[tokens.Count];
        var exact = new string?[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            folded[i] = TextTokens.Fold(tokens[i]);
            exact[i] = kind == PhraseKind.Acronym || IsAcronymToken(tokens[i]) ? tokens[i] : null;
        }

        var gapPatterns = new string?[gaps.Count];
        var closable = new List<int>();
        for (var i = 0; i < gaps.Count; i++)
        {
            var isJoiner = TextTokens.IsJoiner(gaps[i], 0, gaps[i].Length);
            gapPatterns[i] = isJoiner ? null : IsWordGap(gaps[i]) ? WordGap : gaps[i];
            if (isJoiner
                && TextTokens.ContainsHyphen(gaps[i], 0, gaps[i].Length)
                && (exact[i] is null) == (exact[i + 1] is null)
                && closable.Count < MaxClosedGaps)
            {
                closable.Add(i);
            }
        }

        var variants = new List<PhrasePattern>(1 << closable.Count);
        for (var mask = 0; mask < 1 << closable.Count; mask++)
        {
            variants.Add(Close(folded, exact, gapPatterns, closable, mask));
        }

        return variants;
    }

    /// <summary>
    /// Whether a token is written as an acronym, that is with a capital after its first character
    /// (<c>LoRA</c>, <c>MoE</c>, <c>DPO</c>, <c>muP</c>); <c>Chinchilla</c> is not.
    /// </summary>
    public static bool IsAcronymToken(string token)
    {
        for (var i = 1; i < token.Length; i++)
        {
            if (char.IsUpper(token[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a gap of a phrase is a lone <c>*</c> with white space on both sides.</summary>
    public static bool IsWordGap(string gap) =>
        gap.Length >= 3 && char.IsWhiteSpace(gap[0]) && char.IsWhiteSpace(gap[gap.Length - 1]) && gap.Trim() == "*";

    private static PhrasePattern Close(string[] folded, string?[] exact, string?[] gaps, List<int> closable, int mask)
    {
        if (mask == 0)
        {
            return new PhrasePattern(folded, exact, gaps);
        }

        var newFolded = new List<string> { folded[0] };
        var newExact = new List<string?> { exact[0] };
        var newGaps = new List<string?>();
        for (var i = 0; i < gaps.Length; i++)
        {
            var bit = closable.IndexOf(i);
            if (bit >= 0 && (mask & (1 << bit)) != 0)
            {
                var last = newFolded.Count - 1;
                newFolded[last] += folded[i + 1];
                newExact[last] = newExact[last] is null ? null : newExact[last] + exact[i + 1];
            }
            else
            {
                newGaps.Add(gaps[i]);
                newFolded.Add(folded[i + 1]);
                newExact.Add(exact[i + 1]);
            }
        }

        return new PhrasePattern(newFolded.ToArray(), newExact.ToArray(), newGaps.ToArray());
    }
}
