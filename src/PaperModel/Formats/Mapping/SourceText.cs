using System.Globalization;

namespace PaperModel.Formats;

/// <summary>Helpers shared by the structured readers: optional text, dates, positions in UTF-8 input, URLs.</summary>
internal static class SourceText
{
    /// <summary><see cref="PaperText.NormalizeWhitespace(string)"/>, mapping <see langword="null"/> and blank text to <see langword="null"/>.</summary>
    public static string? NormalizeOptional(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var normalized = PaperText.NormalizeWhitespace(text);
        return normalized.Length == 0 ? null : normalized;
    }

    /// <summary>Parses an ISO 8601 / RFC 3339 date-time (<c>2026-05-30T00:00:00.000Z</c>, <c>2003-07-07T13:46:39-04:00</c>).</summary>
    public static bool TryParseIsoDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);

    private static readonly string[] Rfc1123Formats = ["ddd, d MMM yyyy HH:mm:ss 'GMT'", "r", "d MMM yyyy HH:mm:ss 'GMT'"];

    /// <summary>Parses the arXiv metadata version date, RFC 1123 with an unpadded day (<c>Mon, 2 Apr 2007 19:18:42 GMT</c>).</summary>
    public static bool TryParseRfc1123Date(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text.Trim(),
            Rfc1123Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);

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

    /// <summary>Clamps a long position to the <see cref="int"/> range of <see cref="ParseProblem"/>.</summary>
    public static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    /// <summary>An absolute http(s) URI, or <see langword="null"/>.</summary>
    public static Uri? TryAbsoluteUri(string? text) =>
        text is not null && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
}
