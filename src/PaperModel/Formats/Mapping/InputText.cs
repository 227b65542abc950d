using System.Buffers;
using System.Globalization;
using System.Text;

namespace PaperModel.Formats;

/// <summary>
/// Helpers for the text the readers take from their input: whitespace as <see cref="Paper"/> documents it, optional
/// values, dates, URLs, and positions (line and column) in UTF-8 input.
/// </summary>
internal static class InputText
{
    /// <summary>What separates the items of a space-separated list (categories, DOIs); one array, not one per call.</summary>
    public static readonly char[] ListSeparators = [' ', '\t', '\n'];

    private static readonly string[] Rfc1123Formats = ["ddd, d MMM yyyy HH:mm:ss 'GMT'", "r", "d MMM yyyy HH:mm:ss 'GMT'"];

    /// <summary>
    /// Normalises whitespace the way <see cref="Paper"/> documents it: every run of whitespace (spaces, tabs, line breaks,
    /// no-break spaces) becomes one space, and the ends are trimmed. Everything else is kept as written.
    /// </summary>
    public static string NormalizeWhitespace(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (!NeedsNormalizing(text))
        {
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        text.CopyTo(0, buffer, 0, text.Length);
        var normalized = new string(buffer, 0, NormalizeWhitespace(buffer.AsSpan(0, text.Length)));
        ArrayPool<char>.Shared.Return(buffer);
        return normalized;
    }

    /// <summary><see cref="NormalizeWhitespace(string)"/> in place; returns the normalised length.</summary>
    public static int NormalizeWhitespace(Span<char> text)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                // Never overtakes the reading position: each space written replaces at least one whitespace read.
                text[length++] = ' ';
                pendingSpace = false;
            }

            text[length++] = c;
        }

        return length;
    }

    /// <summary><see cref="char.IsWhiteSpace(char)"/>, deciding printable ASCII without the table.</summary>
    public static bool IsWhiteSpace(char c) => c is <= ' ' or >= '\u0085' && char.IsWhiteSpace(c);

    /// <summary><see cref="NormalizeWhitespace(string)"/>, mapping <see langword="null"/> and blank text to <see langword="null"/>.</summary>
    public static string? NormalizeOptional(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var normalized = NormalizeWhitespace(text);
        return normalized.Length == 0 ? null : normalized;
    }

    /// <summary>Input text as a message quotes it: at most <paramref name="max"/> characters (then <c>…</c>), control characters shown as <c>?</c>.</summary>
    public static string Quote(string text, int max)
    {
        var shown = text.Length <= max ? text : text.Substring(0, max).TrimEnd() + "…";
        var builder = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }

    /// <summary>Parses an ISO 8601 / RFC 3339 date-time (<c>2026-05-30T00:00:00.000Z</c>, <c>2003-07-07T13:46:39-04:00</c>).</summary>
    public static bool TryParseIsoDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);

    /// <summary>Parses the arXiv metadata version date, RFC 1123 with an unpadded day (<c>Mon, 2 Apr 2007 19:18:42 GMT</c>).</summary>
    public static bool TryParseRfc1123Date(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text.Trim(),
            Rfc1123Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);

    /// <summary>An absolute http(s) URI, or <see langword="null"/>.</summary>
    public static Uri? TryAbsoluteUri(string? text) =>
        text is not null && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>
    /// Advances a 1-based line and column over UTF-8 bytes: a line feed starts a new line, every other character
    /// (not every byte) moves the column by one.
    /// </summary>
    public static void Advance(ReadOnlySpan<byte> utf8, ref long line, ref long column)
    {
        var lastLineFeed = utf8.LastIndexOf((byte)'\n');
        if (lastLineFeed >= 0)
        {
            line += Count(utf8.Slice(0, lastLineFeed + 1), (byte)'\n');
            column = 1;
            utf8 = utf8.Slice(lastLineFeed + 1);
        }

        column += CountCharacters(utf8);
    }

    /// <summary>The number of characters in UTF-8 bytes (lead bytes; a supplementary character counts as one).</summary>
    public static int CountCharacters(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Clamps a long position to the <see cref="int"/> range of <see cref="ParseProblem"/>.</summary>
    public static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    private static bool NeedsNormalizing(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (IsWhiteSpace(text[0]) || IsWhiteSpace(text[text.Length - 1]))
        {
            return true;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWhiteSpace(c) && (c != ' ' || text[i - 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static int Count(ReadOnlySpan<byte> utf8, byte value)
    {
        var count = 0;
        int at;
        while ((at = utf8.IndexOf(value)) >= 0)
        {
            count++;
            utf8 = utf8.Slice(at + 1);
        }

        return count;
    }
}
