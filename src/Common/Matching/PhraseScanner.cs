namespace PaperModel.Common.Matching;

/// <summary>Maps a folded token to its vocabulary id. Implemented by a hash table at run time and by generated code.</summary>
internal interface ITokenLookup
{
    /// <summary>Returns the id of the vocabulary token equal to <paramref name="folded"/>, or -1.</summary>
    int Find(ReadOnlySpan<char> folded);
}

/// <summary>A phrase variant found in a text.</summary>
/// <param name="Entry">The index into <see cref="MatcherTables.Entries"/>.</param>
/// <param name="Start">The offset of the first matched character in the original text.</param>
/// <param name="Length">The length of the match in the original text.</param>
internal readonly record struct Occurrence(int Entry, int Start, int Length);

/// <summary>A reusable, growable buffer of occurrences (one per thread; no allocation once warm).</summary>
internal sealed class OccurrenceBuffer
{
    private Occurrence[] _items = new Occurrence[64];

    public int Count { get; private set; }

    public ReadOnlySpan<Occurrence> Items => new(_items, 0, Count);

    public void Clear() => Count = 0;

    public void Add(Occurrence occurrence)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = occurrence;
    }
}

/// <summary>
/// Finds every phrase variant of a <see cref="MatcherTables"/> in a text: at each token, every variant that starts
/// there (longest first), plus acronyms inside camel-case tokens. Allocation-free.
/// </summary>
internal static class PhraseScanner
{
    private const int MaxStackBuffer = 256;

    /// <summary>Adds to <paramref name="sink"/> every occurrence in <paramref name="text"/>, in text order.</summary>
    public static void Scan(string text, MatcherTables tables, ITokenLookup lookup, OccurrenceBuffer sink)
    {
        var size = tables.MaxTokenLength + 3;
        Span<char> folded = size <= MaxStackBuffer ? stackalloc char[size] : new char[size];
        Span<char> scratch = size <= MaxStackBuffer ? stackalloc char[size] : new char[size];
        var position = 0;
        while (TextTokens.NextToken(text, position, out var start, out var length))
        {
            position = start + length;
            if (length <= size)
            {
                for (var k = 0; k < length; k++)
                {
                    folded[k] = TextTokens.Fold(text[start + k]);
                }

                // The Ies form (last) writes its Y into the buffer; the forms before only shorten it.
                for (var suffix = PluralSuffix.None; suffix <= PluralSuffix.Ies; suffix++)
                {
                    var formLength = PluralForms.SingularInPlace(folded, length, suffix);
                    if (formLength <= 0 || formLength > tables.MaxTokenLength)
                    {
                        continue;
                    }

                    var id = lookup.Find(folded.Slice(0, formLength));
                    if (id < 0)
                    {
                        continue;
                    }

                    tables.EntriesStartingWith(id, out var first, out var last);
                    for (var e = first; e < last; e++)
                    {
                        TryMatch(text, tables, e, start, length, suffix, scratch, sink);
                    }
                }
            }

            if (tables.EmbeddedAcronyms.Length > 0 && length > MatcherTables.MinEmbeddedAcronymLength)
            {
                ScanEmbedded(text, tables, start, length, sink);
            }
        }
    }

    private static void TryMatch(
        string text, MatcherTables tables, int entryIndex, int start, int length, PluralSuffix suffix, Span<char> scratch, OccurrenceBuffer sink)
    {
        var entry = tables.Entries[entryIndex];
        if (entry.Exact[0] is { } exactFirst && !PluralForms.ExactEquals(text, start, length, suffix, exactFirst))
        {
            return;
        }

        var end = start + length;
        for (var j = 1; j < entry.TokenIds.Length; j++)
        {
            if (!TextTokens.NextToken(text, end, out var tokenStart, out var tokenLength))
            {
                return;
            }

            var gap = entry.Gaps[j - 1];
            var gapLength = tokenStart - end;
            var gapOk = gap is null
                ? TextTokens.IsJoiner(text, end, gapLength)
                : gapLength == gap.Length && string.CompareOrdinal(text, end, gap, 0, gap.Length) == 0;
            if (!gapOk || tokenLength > scratch.Length || !TokenMatches(text, tokenStart, tokenLength, tables.Vocabulary[entry.TokenIds[j]], entry.Exact[j], scratch))
            {
                return;
            }

            end = tokenStart + tokenLength;
        }

        sink.Add(new Occurrence(entryIndex, start, end - start));
    }

    private static bool TokenMatches(string text, int start, int length, string vocabularyToken, string? exact, Span<char> scratch)
    {
        for (var k = 0; k < length; k++)
        {
            scratch[k] = TextTokens.Fold(text[start + k]);
        }

        var folded = scratch.Slice(0, length);
        for (var suffix = PluralSuffix.None; suffix <= PluralSuffix.Ies; suffix++)
        {
            if (PluralForms.FormEquals(folded, suffix, vocabularyToken)
                && (exact is null || PluralForms.ExactEquals(text, start, length, suffix, exact)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Acronyms inside a longer token: <c>DeepSeekMoE</c>, <c>AdaLoRA</c>, <c>MoELoRA</c>. The acronym must start the
    /// token or follow a lower-case letter or digit, and end the token (optionally with a plural <c>s</c>) or be
    /// followed by a capital or digit; so <c>QLoRA</c> and <c>explora</c> do not contain <c>LoRA</c>. An acronym that
    /// ends in a digit ends where the digits end (<c>GPT3</c> is not in <c>GPT35</c> but is in <c>GPT3s</c> or
    /// <c>GPT3Turbo</c>; <c>WASP12</c> is in <c>WASP12b</c>), and one that starts with a digit cannot follow a digit.
    /// </summary>
    private static void ScanEmbedded(string text, MatcherTables tables, int start, int length, OccurrenceBuffer sink)
    {
        var end = start + length;
        var hasCapital = false;
        for (var i = start + 1; i < end && !hasCapital; i++)
        {
            hasCapital = char.IsUpper(text[i]);
        }

        if (!hasCapital)
        {
            return;
        }

        foreach (var entryIndex in tables.EmbeddedAcronyms)
        {
            var acronym = tables.Entries[entryIndex].Exact[0]!;
            if (acronym.Length >= length)
            {
                continue;
            }

            var from = start;
            int p;
            while (from < end && (p = text.IndexOf(acronym, from, end - from, StringComparison.Ordinal)) >= 0)
            {
                from = p + 1;
                var q = p + acronym.Length;
                var leftOk = p == start || char.IsLower(text[p - 1]) || (char.IsDigit(text[p - 1]) && !char.IsDigit(acronym[0]));
                var plural = q == end - 1 && text[q] == 's';
                var rightOk = q == end || plural || (char.IsDigit(acronym[acronym.Length - 1])
                    ? !char.IsDigit(text[q])
                    : char.IsUpper(text[q]) || char.IsDigit(text[q]));
                var wholeToken = p == start && (q == end || plural);
                if (leftOk && rightOk && !wholeToken)
                {
                    sink.Add(new Occurrence(entryIndex, p, acronym.Length + (plural ? 1 : 0)));
                }
            }
        }
    }
}
