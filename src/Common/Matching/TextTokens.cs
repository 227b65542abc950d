using System.Globalization;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace PaperModel.Common.Matching;

/// <summary>
/// Tokenisation and case folding used by phrase matching. Every operation works on the original text and keeps
/// offsets into it: folding maps one UTF-16 unit to one UTF-16 unit, so a span of folded text has the same start and
/// length as the original span.
/// </summary>
/// <remarks>
/// A token is a maximal run of Unicode letters and decimal digits (surrogate pairs included), continued by combining
/// marks. Everything else separates tokens, so word boundaries are Unicode-aware: <c>explora</c> is one token and
/// never contains the token <c>LoRA</c>.
/// </remarks>
internal static class TextTokens
{
    /// <summary>Folds one character for case-insensitive comparison (invariant simple upper-case mapping, length-preserving).</summary>
    public static char Fold(char c) => c < 0x80 ? (c >= 'a' && c <= 'z' ? (char)(c - 0x20) : c) : char.ToUpperInvariant(c);

    /// <summary>Folds a whole string (used at build time for vocabulary tokens).</summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Fold(text[i]);
        }

        return new string(chars);
    }

    /// <summary>
    /// Finds the next token at or after <paramref name="position"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="position">Where to start looking.</param>
    /// <param name="start">The token's start.</param>
    /// <param name="length">The token's length in UTF-16 units.</param>
    /// <returns><see langword="true"/> when a token was found.</returns>
    public static bool NextToken(string text, int position, out int start, out int length)
    {
        var i = position;
        while (i < text.Length)
        {
            var width = TokenCharWidth(text, i, continuing: false);
            if (width > 0)
            {
                start = i;
                i += width;
                while (i < text.Length && (width = TokenCharWidth(text, i, continuing: true)) > 0)
                {
                    i += width;
                }

                length = i - start;
                return true;
            }

            i++;
        }

        start = text.Length;
        length = 0;
        return false;
    }

    /// <summary>
    /// Whether the text between two tokens is a "joiner": only white space and at most one hyphen or dash, so
    /// <c>mixture-of-experts</c>, <c>mixture of experts</c> and <c>mixture - of experts</c> read the same.
    /// </summary>
    public static bool IsJoiner(string text, int start, int length)
    {
        if (length <= 0)
        {
            return false;
        }

        var hyphens = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (IsHyphen(c))
            {
                if (++hyphens > 1)
                {
                    return false;
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the character is a hyphen or dash that joins compound words.</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' or '\u00AD';

    /// <summary>Whether the gap between two phrase tokens contains a hyphen (a closed compound is then accepted too).</summary>
    public static bool ContainsHyphen(string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (IsHyphen(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the run of ASCII letters (and ASCII digits, when <paramref name="digits"/>) that continues at
    /// <paramref name="from"/> ends: the index of the first other character (maybe outside ASCII), or the text's length.
    /// <paramref name="capital"/> tells whether the run has an ASCII capital. On .NET 8 and later eight characters are
    /// classified at a time with vector instructions; otherwise one by one, with the same result.
    /// </summary>
    public static int AsciiRunEnd(string text, int from, bool digits, out bool capital)
    {
        var i = from;
        var n = text.Length;
        capital = false;
#if NET8_0_OR_GREATER
        if (Vector128.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            for (; i + Vector128<ushort>.Count <= n; i += Vector128<ushort>.Count)
            {
                var chars = Vector128.LoadUnsafe(ref first, (nuint)i);
                var upper = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'A'), Vector128.Create((ushort)25));
                var lower = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25));
                var run = upper | lower;
                if (digits)
                {
                    run |= Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
                }

                var others = ~run.ExtractMostSignificantBits() & 0xFFu;
                var capitals = upper.ExtractMostSignificantBits();
                if (others != 0)
                {
                    var length = BitOperations.TrailingZeroCount(others);
                    capital |= (capitals & ((1u << length) - 1)) != 0;
                    return i + length;
                }

                capital |= capitals != 0;
            }
        }
#endif
        for (; i < n; i++)
        {
            var c = text[i];
            if (c is >= 'A' and <= 'Z')
            {
                capital = true;
            }
            else if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')) || (!digits && c <= '9'))
            {
                break;
            }
        }

        return i;
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// Classifies the 64 characters at <paramref name="start"/> (the text has them), a bit per character, the first in
    /// the lowest bit: returns the ASCII letters, and gives the characters outside ASCII and the dots.
    /// </summary>
    public static ulong AsciiLetterBlock(string text, int start, out ulong nonAscii, out ulong dots)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        ulong letters = 0;
        nonAscii = 0;
        dots = 0;
        for (var k = 0; k < 64; k += Vector128<ushort>.Count)
        {
            var chars = Vector128.LoadUnsafe(ref first, (nuint)(start + k));
            letters |= (ulong)Vector128.LessThanOrEqual((chars | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25)).ExtractMostSignificantBits() << k;
            nonAscii |= (ulong)Vector128.GreaterThan(chars, Vector128.Create((ushort)0x7F)).ExtractMostSignificantBits() << k;
            dots |= (ulong)Vector128.Equals(chars, Vector128.Create((ushort)'.')).ExtractMostSignificantBits() << k;
        }

        return letters;
    }

#endif
    /// <summary>The width (1, or 2 for a surrogate pair) of the token character at <paramref name="index"/>, or 0 when it does not start (or, <paramref name="continuing"/>, continue) a token.</summary>
    public static int TokenCharWidth(string text, int index, bool continuing)
    {
        var c = text[index];
        if (c < 0x80)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? 1 : 0;
        }

        var width = char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        switch (CharUnicodeInfo.GetUnicodeCategory(text, index))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
                return width;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return continuing ? width : 0;
            default:
                return 0;
        }
    }
}
