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

    private const string DoubleSpace = "  ";

    // Every char.IsWhiteSpace character but the space: what a normalised text never contains.
#if NET8_0_OR_GREATER
    private static readonly SearchValues<char> OtherWhitespace = SearchValues.Create(OtherWhitespaceCharacters());
#else
    private static readonly char[] OtherWhitespace = OtherWhitespaceCharacters();
#endif

    private static readonly string[] Rfc1123Formats = ["ddd, d MMM yyyy HH:mm:ss 'GMT'", "r", "d MMM yyyy HH:mm:ss 'GMT'"];

    // In DayOfWeek order, and in month order: the invariant culture's abbreviations.
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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
        var normalized = new string(buffer, 0, NormalizeWhitespace(text.AsSpan(), buffer));
        ArrayPool<char>.Shared.Return(buffer);
        return normalized;
    }

    /// <summary>
    /// <see cref="NormalizeWhitespace(string)"/> from <paramref name="text"/> into <paramref name="normalized"/> (at
    /// least as long, not overlapping it); returns the normalised length. Text is copied run by run: the next whitespace
    /// other than a single space (a line break, a tab, a no-break space, two spaces) is found with a vectorised search,
    /// and the words before it are copied at once.
    /// </summary>
    public static int NormalizeWhitespace(ReadOnlySpan<char> text, Span<char> normalized)
    {
        var read = 0;
        while (read < text.Length && IsWhiteSpace(text[read]))
        {
            read++;
        }

        var write = 0;
        int special = -1, doubled = -1;
        while (read < text.Length)
        {
            // The next whitespace that is not a single space, and the next two spaces (each searched again only once passed).
            if (special < read)
            {
                special = At(read, IndexOfOtherWhitespace(text.Slice(read)), text.Length);
            }

            if (doubled < read)
            {
                doubled = At(read, text.Slice(read).IndexOf(DoubleSpace.AsSpan()), text.Length);
            }

            var stop = Math.Min(special, doubled);
            text.Slice(read, stop - read).CopyTo(normalized.Slice(write));
            write += stop - read;
            read = stop;
            if (read == text.Length)
            {
                break;
            }

            // A run of whitespace (the single space copied just before it belongs to it) becomes one space, unless it ends the text.
            if (normalized[write - 1] == ' ')
            {
                write--;
            }

            while (read < text.Length && IsWhiteSpace(text[read]))
            {
                read++;
            }

            if (read < text.Length)
            {
                normalized[write++] = ' ';
            }
        }

        // A single space that ended the text.
        return write > 0 && normalized[write - 1] == ' ' ? write - 1 : write;
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
    public static bool TryParseRfc1123Date(string text, out DateTimeOffset value) => TryParseRfc1123Date(text.AsSpan(), out value);

    /// <summary>
    /// <see cref="TryParseRfc1123Date(string, out DateTimeOffset)"/> on a span. The form arXiv writes is read by hand;
    /// anything else (other spacing, other letter case) goes to the framework's exact parser of the same formats.
    /// </summary>
    public static bool TryParseRfc1123Date(ReadOnlySpan<char> text, out DateTimeOffset value) =>
        TryParseArxivDate(text, out value)
        || DateTimeOffset.TryParseExact(
            text.Trim().ToString(),
            Rfc1123Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);

    // "Mon, 2 Apr 2007 19:18:42 GMT", "Mon, 02 Apr 2007 19:18:42 GMT" or "2 Apr 2007 19:18:42 GMT", exactly: what the
    // formats of Rfc1123Formats accept in this spelling, with the same checks (the day exists, the day name is its day).
    private static bool TryParseArxivDate(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        var dayOfWeek = -1;
        if (text.Length > 5 && text[3] == ',' && text[4] == ' ')
        {
            dayOfWeek = IndexOfName(DayNames, text.Slice(0, 3));
            if (dayOfWeek < 0)
            {
                return false;
            }

            text = text.Slice(5);
        }

        var dayDigits = text.Length > 1 && IsDigit(text[1]) ? 2 : 1;
        var rest = text.Slice(Math.Min(dayDigits, text.Length));
        if (rest.Length != 22 || rest[0] != ' ' || rest[4] != ' ' || rest[9] != ' ' || rest[12] != ':' || rest[15] != ':' || !rest.Slice(18).SequenceEqual(" GMT".AsSpan()))
        {
            return false;
        }

        var day = Digits(text.Slice(0, dayDigits));
        var month = IndexOfName(MonthNames, rest.Slice(1, 3)) + 1;
        var year = Digits(rest.Slice(5, 4));
        var hour = Digits(rest.Slice(10, 2));
        var minute = Digits(rest.Slice(13, 2));
        var second = Digits(rest.Slice(16, 2));
        if (month == 0 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        var date = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        if (dayOfWeek >= 0 && (int)date.DayOfWeek != dayOfWeek)
        {
            return false;
        }

        value = date;
        return true;
    }

    private static int IndexOfName(string[] names, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i].AsSpan()))
            {
                return i;
            }
        }

        return -1;
    }

    // The value of a run of ASCII digits, or -1.
    private static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            if (!IsDigit(c))
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

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

    private static char[] OtherWhitespaceCharacters() =>
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(static c => (char)c).Where(static c => c != ' ' && char.IsWhiteSpace(c))];

    /// <summary>Clamps a long position to the <see cref="int"/> range of <see cref="ParseProblem"/>.</summary>
    public static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    private static bool NeedsNormalizing(string text) =>
        text.Length > 0
        && (IsWhiteSpace(text[0]) || IsWhiteSpace(text[text.Length - 1]) || IndexOfOtherWhitespace(text.AsSpan()) >= 0 || text.IndexOf(DoubleSpace, StringComparison.Ordinal) >= 0);

    // A position found in text.Slice(start): absolute, or the end of the text when there is none.
    private static int At(int start, int found, int end) => found < 0 ? end : start + found;

    private static int IndexOfOtherWhitespace(ReadOnlySpan<char> text) => text.IndexOfAny(OtherWhitespace);

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
