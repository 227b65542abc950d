#if NET8_0_OR_GREATER
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif
using System.Runtime.CompilerServices;

namespace PaperModel.Common.Matching;

/// <summary>A phrase variant found in a text.</summary>
/// <param name="Entry">The index into <see cref="MatcherTables.Entries"/>.</param>
/// <param name="Start">The offset of the first matched character in the original text.</param>
/// <param name="Length">The length of the match in the original text.</param>
internal readonly record struct Occurrence(int Entry, int Start, int Length);

/// <summary>
/// A text token worth a second look: it is a form of a vocabulary token (<see cref="Form"/> is not -1), or it may hold
/// a camel-case acronym (<see cref="InnerCapital"/>).
/// </summary>
/// <param name="Start">The offset of the token in the text.</param>
/// <param name="Length">The token's length.</param>
/// <param name="Form">The index of its <see cref="TokenForms"/> form, or -1.</param>
/// <param name="Ordinal">The token's position among all tokens of the text (consecutive tokens differ by one).</param>
/// <param name="PreviousEnd">Where the token before it ends (0 for the first token): the gap is <c>[PreviousEnd, Start)</c>.</param>
/// <param name="InnerCapital">Whether it has a capital after its first character and may contain an embedded acronym.</param>
internal readonly record struct TokenHit(int Start, int Length, int Form, int Ordinal, int PreviousEnd, bool InnerCapital);

/// <summary>A reusable, growable buffer (one per thread; no allocation once warm).</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ScanBuffer<T>
    where T : struct
{
    private T[] _items = new T[64];

    public int Count { get; private set; }

    public ReadOnlySpan<T> Items => new(_items, 0, Count);

    public void Clear() => Count = 0;

    /// <summary>The place of the next item (kept only by <see cref="Keep"/>), so an item can be written before it is known to be wanted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T Reserve()
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        return ref _items[Count];
    }

    /// <summary>Keeps the item written at <see cref="Reserve"/> when <paramref name="wanted"/> (without a branch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Keep(bool wanted) => Count += wanted ? 1 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }
}

/// <summary>
/// Finds every phrase variant of a <see cref="MatcherTables"/> in a text: at each token, every variant that starts
/// there (longest first), plus acronyms inside camel-case tokens. Allocation-free once its buffers are warm.
/// </summary>
/// <remarks>
/// Two passes. The first reads each character once: it finds the tokens (a table for ASCII, Unicode categories
/// otherwise; runs of ASCII separators are skipped with a vectorised search on .NET 8 and later), folds and hashes each
/// token while reading it and looks the hash up once in <see cref="TokenForms"/>, which already holds every plural
/// form. Only tokens that are a form of a vocabulary token (or may hold a camel-case acronym) are kept. The second pass
/// matches the phrase variants on those tokens' vocabulary ids, re-reading text only for the exact spelling of
/// acronyms, literal gaps and the joiner between two tokens of a phrase.
/// </remarks>
internal static class PhraseScanner
{
    /// <summary>Per ASCII character: 0 for a separator, else the folded character, with <c>0x80</c> set for a capital.</summary>
    private static readonly byte[] Ascii = BuildAscii();

#if NET8_0_OR_GREATER
    private static readonly SearchValues<char> AsciiSeparators = SearchValues.Create(
        Enumerable.Range(0, 0x80).Where(static c => Ascii[c] == 0).Select(static c => (char)c).ToArray());
#endif

    /// <summary>Adds to <paramref name="sink"/> every occurrence in <paramref name="text"/>, in text order.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tables">The taxonomy's tables.</param>
    /// <param name="tokens">Working memory for the tokens (cleared first).</param>
    /// <param name="sink">Receives the occurrences.</param>
    public static void Scan(string text, MatcherTables tables, ScanBuffer<TokenHit> tokens, ScanBuffer<Occurrence> sink)
    {
        tokens.Clear();
        Tokenize(text, tables, tokens);
        Match(text, tables, tokens.Items, sink);
    }

    private static void Tokenize(string text, MatcherTables tables, ScanBuffer<TokenHit> tokens)
    {
        var forms = tables.Forms;
        var maxLength = forms.MaxLength;
        var embedded = tables.EmbeddedAcronyms.Length > 0;
        var ascii = Ascii;
        var n = text.Length;
        var i = 0;
        var ordinal = 0;
        var previousEnd = 0;
        while (i < n)
        {
            var c = text[i];
            int width;
            if (c < 0x80)
            {
                if (ascii[c] == 0)
                {
                    i++;
#if NET8_0_OR_GREATER
                    if (i < n && text[i] < 0x80 && ascii[text[i]] == 0)
                    {
                        var skip = text.AsSpan(i).IndexOfAnyExcept(AsciiSeparators);
                        if (skip < 0)
                        {
                            return;
                        }

                        i += skip;
                    }
#endif
                    continue;
                }

#if NET8_0_OR_GREATER
                // A token of fewer than sixteen ASCII letters and digits (almost every token): one or two vectors of
                // eight characters give its end, its key and its capitals.
                if (Vector128.IsHardwareAccelerated && i + Vector128<ushort>.Count <= n && ShortToken(text, i, n, out var shortLength, out var low, out var high, out var shortCapital, out var next))
                {
                    var shortForm = shortLength <= TokenForms.ShortLength ? forms.FindShort(low) : forms.FindMedium(low, high);
                    var shortInner = embedded & shortCapital & shortLength > MatcherTables.MinEmbeddedAcronymLength;
                    tokens.Reserve() = new TokenHit(i, shortLength, shortForm, ordinal, previousEnd, shortInner);
                    tokens.Keep((shortForm >= 0) | shortInner);

                    ordinal++;
                    previousEnd = i + shortLength;
                    i = next;
                    continue;
                }

#endif
                // A longer token of ASCII letters and digits only: its end is found eight characters at a time, and
                // only then is it hashed.
                var runEnd = TextTokens.AsciiRunEnd(text, i + 1, digits: true, out var capital);
                if (runEnd == n || text[runEnd] < 0x80)
                {
                    var runLength = runEnd - i;
                    var runForm = -1;
                    if (runLength <= maxLength)
                    {
                        var runHash = 0u;
                        for (var k = i; k < runEnd; k++)
                        {
                            runHash = TokenForms.Step(runHash, (char)(ascii[text[k]] & 0x7F));
                        }

                        runForm = forms.Find(text, i, runLength, runHash);
                    }

                    var runCapital = embedded && capital && runLength > MatcherTables.MinEmbeddedAcronymLength;
                    if (runForm >= 0 || runCapital)
                    {
                        tokens.Add(new TokenHit(i, runLength, runForm, ordinal, previousEnd, runCapital));
                    }

                    ordinal++;
                    previousEnd = i = runEnd;
                    continue;
                }

                width = 1;
            }
            else if ((width = TextTokens.TokenCharWidth(text, i, continuing: false)) == 0)
            {
                i++;
                continue;
            }

            var start = i;
            var hash = 0u;
            for (var end = i + width; i < end; i++)
            {
                hash = TokenForms.Step(hash, TextTokens.Fold(text[i]));
            }

            var flags = 0;
            while (i < n)
            {
                c = text[i];
                if (c < 0x80)
                {
                    int v = ascii[c];
                    if (v == 0)
                    {
                        break;
                    }

                    hash = TokenForms.Step(hash, (char)(v & 0x7F));
                    flags |= v;
                    i++;
                }
                else
                {
                    if ((width = TextTokens.TokenCharWidth(text, i, continuing: true)) == 0)
                    {
                        break;
                    }

                    for (var end = i + width; i < end; i++)
                    {
                        hash = TokenForms.Step(hash, TextTokens.Fold(text[i]));
                        flags |= char.IsUpper(text[i]) ? 0x80 : 0;
                    }
                }
            }

            var length = i - start;
            var form = length <= maxLength ? forms.Find(text, start, length, hash) : -1;
            var innerCapital = embedded && (flags & 0x80) != 0 && length > MatcherTables.MinEmbeddedAcronymLength;
            if (form >= 0 || innerCapital)
            {
                tokens.Add(new TokenHit(start, length, form, ordinal, previousEnd, innerCapital));
            }

            ordinal++;
            previousEnd = i;
        }
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// Reads the token of ASCII letters and digits at <paramref name="start"/> from the eight characters there (the
    /// text has them) and, when they are all token characters and the text has eight more, from those: whether it is
    /// shorter than sixteen characters and followed by an ASCII character, and then its length, its key for
    /// <see cref="TokenForms.FindShort"/> (<paramref name="low"/>, when it is at most
    /// <see cref="TokenForms.ShortLength"/> long) or <see cref="TokenForms.FindMedium"/> (both halves), whether it has
    /// a capital after its first character, and where to read on (<paramref name="next"/>): past the ASCII separators
    /// after it in the last eight characters read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ShortToken(string text, int start, int n, out int length, out ulong low, out ulong high, out bool capital, out int next)
    {
        ref var origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        var chars = Vector128.LoadUnsafe(ref origin, (nuint)start);
        var tokenChars = ReadEight(chars, out var capitals, out low);
        var at = start;
        high = 0;
        if (tokenChars == 0xFFu)
        {
            at += Vector128<ushort>.Count;
            if (at + Vector128<ushort>.Count > n)
            {
                return NoShortToken(start, out length, out capital, out next);
            }

            chars = Vector128.LoadUnsafe(ref origin, (nuint)at);
            tokenChars = ReadEight(chars, out var secondCapitals, out high);
            capitals |= secondCapitals << Vector128<ushort>.Count;
        }

        var rest = BitOperations.TrailingZeroCount((~tokenChars & 0xFFu) | 0x100u);
        length = at - start + rest;
        if (rest == Vector128<ushort>.Count || text[at + rest] >= 0x80)
        {
            return NoShortToken(start, out length, out capital, out next);
        }

        // The first character after the token's end that is not an ASCII separator (a token character, or one outside
        // ASCII for the general path), else the end of the eight characters.
        var notSeparators = (tokenChars | Vector128.GreaterThan(chars, Vector128.Create((ushort)0x7F)).ExtractMostSignificantBits()) & (0xFEu << rest);
        next = at + BitOperations.TrailingZeroCount(notSeparators | 0x100u);

        var restMask = (1ul << (8 * rest)) - 1;
        low &= at == start ? restMask : ulong.MaxValue;
        high &= restMask;
        capital = (capitals & ((1u << length) - 2)) != 0;
        return true;
    }

    /// <summary>Reads eight characters: which are ASCII letters or digits (a bit each), which capitals, and their folded bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadEight(Vector128<ushort> chars, out uint capitals, out ulong folded)
    {
        var upper = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'A'), Vector128.Create((ushort)25));
        var lower = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25));
        var digit = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
        capitals = upper.ExtractMostSignificantBits();
        var foldedChars = chars - (lower & Vector128.Create((ushort)0x20));
        folded = Vector128.Narrow(foldedChars, foldedChars).AsUInt64().ToScalar();
        return (upper | lower | digit).ExtractMostSignificantBits();
    }

    private static bool NoShortToken(int start, out int length, out bool capital, out int next)
    {
        length = 0;
        capital = false;
        next = start;
        return false;
    }

#endif
    private static void Match(string text, MatcherTables tables, ReadOnlySpan<TokenHit> tokens, ScanBuffer<Occurrence> sink)
    {
        var forms = tables.Forms;
        var secondIds = tables.SecondTokenIds;
        for (var k = 0; k < tokens.Length; k++)
        {
            var token = tokens[k];
            if (token.Form >= 0 && forms.StartsEntries(token.Form))
            {
                // The vocabulary ids the next text token stands for (none when it is not the very next token or no
                // vocabulary form): a variant of two or more tokens needs its second token among them.
                int nextFirst = 0, nextLast = 0;
                if (k + 1 < tokens.Length && tokens[k + 1].Ordinal == token.Ordinal + 1 && tokens[k + 1].Form >= 0)
                {
                    forms.Candidates(tokens[k + 1].Form, out nextFirst, out nextLast);
                }

                forms.Candidates(token.Form, out var first, out var last);
                for (var c = first; c < last; c++)
                {
                    tables.EntriesStartingWith(forms.CandidateId(c), out var entryStart, out var entryEnd);
                    var suffix = forms.CandidateSuffix(c);
                    for (var e = entryStart; e < entryEnd; e++)
                    {
                        if (secondIds[e] < 0 || HasCandidate(forms, nextFirst, nextLast, secondIds[e]))
                        {
                            TryMatch(text, tables, tokens, k, e, suffix, sink);
                        }
                    }
                }
            }

            if (token.InnerCapital)
            {
                ScanEmbedded(text, tables, token.Start, token.Length, sink);
            }
        }
    }

    private static void TryMatch(string text, MatcherTables tables, ReadOnlySpan<TokenHit> tokens, int k, int entryIndex, PluralSuffix suffix, ScanBuffer<Occurrence> sink)
    {
        var entry = tables.Entries[entryIndex];
        var first = tokens[k];
        if (entry.Exact[0] is { } exactFirst && !PluralForms.ExactEquals(text, first.Start, first.Length, suffix, exactFirst))
        {
            return;
        }

        var end = first.Start + first.Length;
        var ids = entry.TokenIds;
        var at = k;
        for (var j = 1; j < ids.Length; j++)
        {
            var gap = entry.Gaps[j - 1];
            if (string.Equals(gap, PhrasePattern.WordGap, StringComparison.Ordinal))
            {
                at = AfterWordGap(text, tables.Forms, tokens, at, end, ids[j], entry.Exact[j]);
                if (at < 0)
                {
                    return;
                }

                end = tokens[at].Start + tokens[at].Length;
                continue;
            }

            if (at + 1 >= tokens.Length)
            {
                return;
            }

            var token = tokens[at + 1];
            if (token.Ordinal != tokens[at].Ordinal + 1 || token.Form < 0)
            {
                return;
            }

            var gapLength = token.Start - end;
            var gapOk = gap is null
                ? TextTokens.IsJoiner(text, end, gapLength)
                : gapLength == gap.Length && string.CompareOrdinal(text, end, gap, 0, gap.Length) == 0;
            if (!gapOk || !IsFormOf(text, tables.Forms, token, ids[j], entry.Exact[j]))
            {
                return;
            }

            at++;
            end = token.Start + token.Length;
        }

        sink.Add(new Occurrence(entryIndex, first.Start, end - first.Start));
    }

    /// <summary>
    /// The index of the nearest kept token after a word gap: one to <see cref="PhrasePattern.MaxGapWords"/> words after
    /// token <paramref name="at"/> (which ends at <paramref name="end"/>), vocabulary token <paramref name="id"/>, with
    /// only joiners between the words; -1 when there is none.
    /// </summary>
    private static int AfterWordGap(string text, TokenForms forms, ReadOnlySpan<TokenHit> tokens, int at, int end, int id, string? exact)
    {
        var ordinal = tokens[at].Ordinal;
        for (var m = at + 1; m < tokens.Length && tokens[m].Ordinal <= ordinal + 1 + PhrasePattern.MaxGapWords; m++)
        {
            var token = tokens[m];
            if (token.Ordinal >= ordinal + 2 && token.Form >= 0 && IsFormOf(text, forms, token, id, exact) && OnlyJoinedWords(text, end, token.Start))
            {
                return m;
            }
        }

        return -1;
    }

    /// <summary>Whether <c>[start, end)</c> holds words separated (and surrounded) by joiners only.</summary>
    private static bool OnlyJoinedWords(string text, int start, int end)
    {
        var position = start;
        while (TextTokens.NextToken(text, position, out var tokenStart, out var length) && tokenStart < end)
        {
            if (!TextTokens.IsJoiner(text, position, tokenStart - position))
            {
                return false;
            }

            position = tokenStart + length;
        }

        return TextTokens.IsJoiner(text, position, end - position);
    }

    private static bool HasCandidate(TokenForms forms, int first, int last, int id)
    {
        for (var c = first; c < last; c++)
        {
            if (forms.CandidateId(c) == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a text token is vocabulary token <paramref name="id"/> or a plural of it (with the exact spelling of an acronym token).</summary>
    private static bool IsFormOf(string text, TokenForms forms, in TokenHit token, int id, string? exact)
    {
        forms.Candidates(token.Form, out var first, out var last);
        for (var c = first; c < last; c++)
        {
            if (forms.CandidateId(c) == id
                && (exact is null || PluralForms.ExactEquals(text, token.Start, token.Length, forms.CandidateSuffix(c), exact)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Acronyms inside a longer token: <c>DeepSeekMoE</c>, <c>AdaLoRA</c>, <c>MoELoRA</c>. The acronym must start the
    /// token or follow a lower-case letter or digit, and end the token (optionally with a plural <c>s</c>) or be
    /// followed by a capital or digit; so <c>explora</c> does not contain <c>LoRA</c>. A mixed-case acronym
    /// (<c>LoRA</c>, <c>MoE</c>) that ends the token may also follow a capital: <c>QLoRA</c>, <c>ExPLoRA</c>,
    /// <c>OLMoE</c> (but not <c>XLoRAShear</c>); an all-capital one may not (<c>ORM</c> is not in <c>NORM</c>). An acronym that
    /// ends in a digit ends where the digits end (<c>GPT3</c> is not in <c>GPT35</c> but is in <c>GPT3s</c> or
    /// <c>GPT3Turbo</c>; <c>WASP12</c> is in <c>WASP12b</c>), and one that starts with a digit cannot follow a digit.
    /// </summary>
    private static void ScanEmbedded(string text, MatcherTables tables, int start, int length, ScanBuffer<Occurrence> sink)
    {
        var end = start + length;
        var tokenMask = MatcherTables.CharMask(text, start, length);
        var (candidates, masks) = tables.EmbeddedAcronymsWithin(length);
        for (var k = 0; k < candidates.Length; k++)
        {
            if ((masks[k] & ~tokenMask) != 0)
            {
                continue;
            }

            var a = candidates[k];
            var acronym = tables.EmbeddedAcronymTexts[a];
            var entryIndex = tables.EmbeddedAcronyms[a];

            var from = start;
            int p;
            while (from < end && (p = text.IndexOf(acronym, from, end - from, StringComparison.Ordinal)) >= 0)
            {
                from = p + 1;
                var q = p + acronym.Length;
                var plural = q == end - 1 && text[q] == 's';
                var leftOk = p == start || char.IsLower(text[p - 1]) || (char.IsDigit(text[p - 1]) && !char.IsDigit(acronym[0]))
                    || (char.IsUpper(text[p - 1]) && (q == end || plural) && IsMixedCase(acronym));
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

    /// <summary>Whether an acronym starts with a capital and has a lower-case letter (<c>LoRA</c>, <c>MoE</c>; not <c>ORM</c>).</summary>
    private static bool IsMixedCase(string acronym)
    {
        if (!char.IsUpper(acronym[0]))
        {
            return false;
        }

        foreach (var c in acronym)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] BuildAscii()
    {
        var table = new byte[0x80];
        for (var c = 0; c < table.Length; c++)
        {
            if (c is (>= '0' and <= '9') or (>= 'a' and <= 'z'))
            {
                table[c] = (byte)TextTokens.Fold((char)c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                table[c] = (byte)(c | 0x80);
            }
        }

        return table;
    }
}
