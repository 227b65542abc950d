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
    /// <summary>
    /// The forms a text token may take to match the folded vocabulary token <paramref name="folded"/>, in suffix
    /// order: the token itself, <c>+S</c> (not after a final <c>S</c>), <c>+ES</c> after <c>S</c>, <c>X</c>,
    /// <c>Z</c>, <c>CH</c>, <c>SH</c>, and <c>Y</c> to <c>IES</c>. A plural is only formed from a stem of at least two
    /// characters (so <c>AS</c> is not a plural of <c>A</c>).
    /// </summary>
    public static IEnumerable<(string Form, PluralSuffix Suffix)> FormsOf(string folded)
    {
        yield return (folded, PluralSuffix.None);
        var n = folded.Length;
        if (n < 2)
        {
            yield break;
        }

        var last = folded[n - 1];
        if (last != 'S')
        {
            yield return (folded + "S", PluralSuffix.S);
        }

        if (last is 'S' or 'X' or 'Z' || (last == 'H' && folded[n - 2] is 'C' or 'S'))
        {
            yield return (folded + "ES", PluralSuffix.Es);
        }

        if (n >= 3 && last == 'Y')
        {
            yield return (folded.Substring(0, n - 1) + "IES", PluralSuffix.Ies);
        }
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
