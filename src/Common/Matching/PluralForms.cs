namespace PaperModel.Common.Matching;

/// <summary>An English plural ending that a text token may carry beyond a phrase token written in the singular.</summary>
internal enum PluralSuffix : byte
{
    /// <summary>The token as written.</summary>
    None,

    /// <summary><c>adapters</c> for <c>adapter</c>, <c>MoEs</c> for <c>MoE</c> (not after a stem ending in <c>s</c>).</summary>
    S,

    /// <summary><c>losses</c> for <c>loss</c>, <c>approaches</c> for <c>approach</c> (stems ending in s, x, z, ch, sh).</summary>
    Es,

    /// <summary><c>strategies</c> for <c>strategy</c>.</summary>
    Ies,
}

/// <summary>
/// Plural tolerance: phrases are written in the singular and a text token matches a phrase token when it equals the
/// phrase token or one of its regular English plurals. Acronym tokens (matched case-sensitively) only take a
/// lower-case <c>s</c> (<c>LoRAs</c>, <c>MoEs</c>).
/// </summary>
internal static class PluralForms
{
    /// <summary>The suffixes to try, in order.</summary>
    public const int Count = 4;

    /// <summary>
    /// The length of the singular stem of a folded token for a suffix, or -1 when the token does not end in it.
    /// For <see cref="PluralSuffix.Ies"/> the stem excludes the final <c>Y</c> that the singular adds.
    /// </summary>
    public static int StemLength(ReadOnlySpan<char> folded, PluralSuffix suffix)
    {
        var n = folded.Length;
        switch (suffix)
        {
            case PluralSuffix.None:
                return n;
            case PluralSuffix.S:
                return n >= 3 && folded[n - 1] == 'S' && folded[n - 2] != 'S' ? n - 1 : -1;
            case PluralSuffix.Es:
                if (n >= 4 && folded[n - 1] == 'S' && folded[n - 2] == 'E')
                {
                    var last = folded[n - 3];
                    var beforeLast = folded[n - 4];
                    return last is 'S' or 'X' or 'Z' || (last == 'H' && beforeLast is 'C' or 'S') ? n - 2 : -1;
                }

                return -1;
            default:
                return n >= 5 && folded[n - 1] == 'S' && folded[n - 2] == 'E' && folded[n - 3] == 'I' ? n - 3 : -1;
        }
    }

    /// <summary>Whether a folded text token is <paramref name="vocabularyToken"/> (folded) or a plural of it.</summary>
    public static bool FormEquals(ReadOnlySpan<char> folded, PluralSuffix suffix, string vocabularyToken)
    {
        var stem = StemLength(folded, suffix);
        if (stem < 0)
        {
            return false;
        }

        if (suffix == PluralSuffix.Ies)
        {
            return vocabularyToken.Length == stem + 1
                && vocabularyToken[stem] == 'Y'
                && folded.Slice(0, stem).SequenceEqual(vocabularyToken.AsSpan(0, stem));
        }

        return vocabularyToken.Length == stem && folded.Slice(0, stem).SequenceEqual(vocabularyToken.AsSpan());
    }

    /// <summary>
    /// Writes the singular form the lookup is asked for into <paramref name="buffer"/> (which holds the folded token)
    /// and returns its length, or -1 when the token does not end in <paramref name="suffix"/>.
    /// </summary>
    public static int SingularInPlace(Span<char> buffer, int length, PluralSuffix suffix)
    {
        var stem = StemLength(buffer.Slice(0, length), suffix);
        if (stem < 0 || suffix != PluralSuffix.Ies)
        {
            return stem;
        }

        buffer[stem] = 'Y';
        return stem + 1;
    }

    /// <summary>
    /// Whether an acronym token (compared case-sensitively) matches the original text: the same characters, optionally
    /// followed by a lower-case <c>s</c>.
    /// </summary>
    public static bool ExactEquals(string text, int start, int length, PluralSuffix suffix, string exact)
    {
        switch (suffix)
        {
            case PluralSuffix.None:
                return length == exact.Length && string.CompareOrdinal(text, start, exact, 0, exact.Length) == 0;
            case PluralSuffix.S:
                return length == exact.Length + 1
                    && text[start + exact.Length] == 's'
                    && string.CompareOrdinal(text, start, exact, 0, exact.Length) == 0;
            default:
                return false;
        }
    }
}
