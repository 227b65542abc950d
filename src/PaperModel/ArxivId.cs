// Longer than most files on purpose: one small value type with the whole of its contract (parsing of both id styles,
// versions, prefixes and URLs with the reason a text is no id; span formatting; ordering and equality; the links),
// each part short, kept in one file so the invariants of its compact fields (archive, year-month and number offsets, version) are read in one place.
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using PaperModel.Serialization;

namespace PaperModel;

/// <summary>
/// An arXiv identifier, new style (<c>2310.12345</c>, <c>0704.0001</c>, optionally with a version such as <c>v2</c>)
/// or old style (<c>hep-th/9901001v1</c>).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Parse(string)"/> also accepts the forms users paste: an <c>arXiv:</c> prefix and arXiv abs, pdf or html
/// URLs and Hugging Face paper URLs. Old-style ids with a subject class (<c>math.GT/0309136</c>) are normalised to the
/// archive alone (<c>math/0309136</c>), which is how arXiv itself names the paper.
/// </para>
/// <para>
/// Equality includes the version: <c>2310.12345</c>, <c>2310.12345v1</c> and <c>2310.12345v2</c> are three different
/// values. Compare <see cref="WithoutVersion"/> values (or use <see cref="IsSameWork(ArxivId)"/>) to ask whether two ids name the same paper.
/// Ordering is chronological by submission month, then by number, then by version (an unversioned id sorts before its versions).
/// </para>
/// <para>
/// Every value is a valid id. The default value is <c>0704.0001</c>, the first new-style id. A paper without an arXiv id
/// has <see langword="null"/> as its <see cref="Paper.ArxivId"/>: "no id" is <see langword="null"/>, never a special value.
/// </para>
/// <para>
/// <see cref="TryParse(string?, out ArxivId, out string?)"/> hands back why a text is not an id, so callers can tell
/// their users. <see cref="ToString(string?, IFormatProvider?)"/> and <c>TryFormat</c> take the standard format
/// <c>G</c> (or none) and reject any other with a <see cref="FormatException"/>; <c>TryFormat</c> allocates nothing.
/// This type is an immutable value and is thread-safe.
/// </para>
/// </remarks>
[JsonConverter(typeof(ArxivIdJsonConverter))]
public readonly struct ArxivId : IEquatable<ArxivId>, IComparable<ArxivId>, IComparable
#if NET8_0_OR_GREATER
    , ISpanFormattable, ISpanParsable<ArxivId>
#else
    , IFormattable
#endif
{
    /// <summary>The highest version <see cref="WithVersion"/> accepts.</summary>
    internal const int MaxVersion = 9999;

    // The fields are stored relative to the default value 0704.0001, so that default(ArxivId) is a valid id.
    private const int FirstNewStyleYearMonth = 200704;

    // Old style: the archive ("hep-th"), else null. New style: null.
    private readonly string? _archive;

    // Year-month as YYYYMM (e.g. 202310, 199901), minus FirstNewStyleYearMonth.
    private readonly int _yearMonthOffset;

    // The sequence number minus one (numbers start at 1).
    private readonly int _numberOffset;
    private readonly int _version;

    private ArxivId(string? archive, int yearMonth, int number, int version)
    {
        _archive = archive;
        _yearMonthOffset = yearMonth - FirstNewStyleYearMonth;
        _numberOffset = number - 1;
        _version = version;
    }

    private int YearMonth => _yearMonthOffset + FirstNewStyleYearMonth;

    /// <summary>Whether this is an old-style id (<c>archive/YYMMNNN</c>), used before April 2007.</summary>
    public bool IsOldStyle => _archive is not null;

    /// <summary>The archive of an old-style id (<c>hep-th</c>), or <see langword="null"/> for a new-style id.</summary>
    public string? Archive => _archive;

    /// <summary>The submission year (four digits).</summary>
    public int Year => YearMonth / 100;

    /// <summary>The submission month (1-12).</summary>
    public int Month => YearMonth % 100;

    /// <summary>The sequence number within the month.</summary>
    public int Number => _numberOffset + 1;

    /// <summary>The version (1 for <c>v1</c>), or <see langword="null"/> when the id names no version.</summary>
    public int? Version => _version == 0 ? null : _version;

    /// <summary>Whether the id names a version (<c>v2</c>).</summary>
    public bool HasVersion => _version != 0;

    /// <summary>This id without its version: the identifier of the work rather than of one version of it.</summary>
    public ArxivId WithoutVersion() => new(_archive, YearMonth, Number, 0);

    /// <summary>This id with the given version.</summary>
    /// <param name="version">The version, 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not between 1 and 9999.</exception>
    public ArxivId WithVersion(int version) =>
        version is < 1 or > MaxVersion
            ? throw new ArgumentOutOfRangeException(nameof(version), version, "An arXiv version is between 1 and 9999.")
            : new ArxivId(_archive, YearMonth, Number, version);

    /// <summary>Whether both ids name the same paper, whatever their versions.</summary>
    /// <param name="other">The other id.</param>
    public bool IsSameWork(ArxivId other) =>
        _yearMonthOffset == other._yearMonthOffset && _numberOffset == other._numberOffset && string.Equals(_archive, other._archive, StringComparison.Ordinal);

    /// <summary>The abstract page, <c>https://arxiv.org/abs/{id}</c> (with the version when the id has one).</summary>
    public Uri AbsUrl => new("https://arxiv.org/abs/" + ToString(), UriKind.Absolute);

    /// <summary>The PDF, <c>https://arxiv.org/pdf/{id}</c> (with the version when the id has one).</summary>
    public Uri PdfUrl => new("https://arxiv.org/pdf/" + ToString(), UriKind.Absolute);

    /// <summary>Parses an arXiv id or a URL that contains one.</summary>
    /// <param name="text">The text, e.g. <c>2310.12345v2</c>, <c>arXiv:hep-th/9901001</c> or <c>https://arxiv.org/abs/2310.12345</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not an arXiv id; the message says what is wrong.</exception>
    public static ArxivId Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return Parse(text.AsSpan());
    }

    /// <summary>Parses an arXiv id or a URL that contains one.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException">The text is not an arXiv id; the message says what is wrong.</exception>
    public static ArxivId Parse(ReadOnlySpan<char> text)
    {
        if (!TryParseCore(text, out var id, out var error))
        {
            throw new FormatException($"'{text.ToString()}' is not an arXiv id: {error}");
        }

        return id;
    }

    /// <summary>Tries to parse an arXiv id or a URL that contains one.</summary>
    /// <param name="text">The text; <see langword="null"/> fails.</param>
    /// <param name="id">The id; the default value on failure.</param>
    /// <returns>Whether the text is an arXiv id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ArxivId id) => TryParse(text, out id, out _);

    /// <summary>Tries to parse an arXiv id or a URL that contains one, and says why when it is not one.</summary>
    /// <param name="text">The text; <see langword="null"/> fails.</param>
    /// <param name="id">The id; the default value on failure.</param>
    /// <param name="error">
    /// On failure, why the text is not an id, as a clause that completes "<c>'…' is not an arXiv id: </c>", for example
    /// <c>month 13 is not between 01 and 12.</c>; on success, <see langword="null"/>.
    /// </param>
    /// <returns>Whether the text is an arXiv id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ArxivId id, [NotNullWhen(false)] out string? error)
    {
        if (text is null)
        {
            id = default;
            error = "there is no text.";
            return false;
        }

        return TryParse(text.AsSpan(), out id, out error);
    }

    /// <summary>Tries to parse an arXiv id or a URL that contains one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The id; the default value on failure.</param>
    /// <returns>Whether the text is an arXiv id.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out ArxivId id) => TryParse(text, out id, out _);

    /// <summary>Tries to parse an arXiv id or a URL that contains one, and says why when it is not one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The id; the default value on failure.</param>
    /// <param name="error">On failure, why the text is not an id (see <see cref="TryParse(string?, out ArxivId, out string?)"/>); on success, <see langword="null"/>.</param>
    /// <returns>Whether the text is an arXiv id.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out ArxivId id, [NotNullWhen(false)] out string? error)
    {
        if (TryParseCore(text, out id, out var reason))
        {
            error = null;
            return true;
        }

        error = reason;
        return false;
    }

#if NET8_0_OR_GREATER
    /// <inheritdoc/>
    static ArxivId IParsable<ArxivId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool IParsable<ArxivId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ArxivId result) =>
        TryParse(s, out result);

    /// <inheritdoc/>
    static ArxivId ISpanParsable<ArxivId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool ISpanParsable<ArxivId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ArxivId result) =>
        TryParse(s, out result);
#endif

    private static bool TryParseCore(ReadOnlySpan<char> text, out ArxivId id, out string error)
    {
        id = default;
        var s = StripWrapping(text.Trim());
        if (s.IsEmpty)
        {
            error = "it is empty.";
            return false;
        }

        var slash = s.IndexOf('/');
        return slash < 0 ? TryParseNewStyle(s, out id, out error) : TryParseOldStyle(s, slash, out id, out error);
    }

    // Removes "arXiv:" and URL wrapping: https://arxiv.org/abs/ID, /pdf/ID(.pdf), /html/ID, huggingface.co/papers/ID.
    private static ReadOnlySpan<char> StripWrapping(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("arxiv:".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return s.Slice("arxiv:".Length).Trim();
        }

        var scheme = s.IndexOf("://".AsSpan(), StringComparison.Ordinal);
        if (scheme < 0 && !s.StartsWith("arxiv.org/".AsSpan(), StringComparison.OrdinalIgnoreCase)
            && !s.StartsWith("www.arxiv.org/".AsSpan(), StringComparison.OrdinalIgnoreCase)
            && !s.StartsWith("huggingface.co/".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return s;
        }

        var rest = scheme < 0 ? s : s.Slice(scheme + 3);
        var query = rest.IndexOfAny('?', '#');
        if (query >= 0)
        {
            rest = rest.Slice(0, query);
        }

        rest = rest.TrimEnd('/');
        foreach (var marker in PathMarkers)
        {
            var at = rest.IndexOf(marker.AsSpan(), StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var tail = rest.Slice(at + marker.Length);
                if (tail.EndsWith(".pdf".AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    tail = tail.Slice(0, tail.Length - 4);
                }

                return tail;
            }
        }

        return rest;
    }

    private static readonly string[] PathMarkers = ["/abs/", "/pdf/", "/html/", "/papers/", "/format/"];

    private static bool TryParseNewStyle(ReadOnlySpan<char> s, out ArxivId id, out string error)
    {
        id = default;
        var dot = s.IndexOf('.');
        if (dot != 4)
        {
            error = "a new-style id is YYMM.NNNNN (for example 2310.12345); an old-style id is archive/YYMMNNN.";
            return false;
        }

        if (!TryDigits(s.Slice(0, 4), out var yymm))
        {
            error = "the part before the dot must be four digits YYMM.";
            return false;
        }

        var yy = yymm / 100;
        var mm = yymm % 100;
        if (mm is < 1 or > 12)
        {
            error = $"month {mm:00} is not between 01 and 12.";
            return false;
        }

        if (yymm < 704)
        {
            error = "new-style ids start in April 2007 (0704); earlier papers have old-style ids such as hep-th/9901001.";
            return false;
        }

        var rest = s.Slice(5);
        SplitVersion(rest, out var numberText, out var versionText);
        var expectedDigits = yymm < 1501 ? 4 : 5;
        if (numberText.Length != expectedDigits || !TryDigits(numberText, out var number))
        {
            error = yymm < 1501
                ? "ids from 0704 to 1412 have a four-digit number (0704.0001)."
                : "ids from 1501 on have a five-digit number (2310.12345).";
            return false;
        }

        if (!TryVersion(versionText, out var version, out error))
        {
            return false;
        }

        if (number == 0)
        {
            error = "the number after the dot cannot be zero.";
            return false;
        }

        id = new ArxivId(null, ((2000 + yy) * 100) + mm, number, version);
        error = string.Empty;
        return true;
    }

    private static bool TryParseOldStyle(ReadOnlySpan<char> s, int slash, out ArxivId id, out string error)
    {
        id = default;
        var archive = s.Slice(0, slash);
        var subjectDot = archive.IndexOf('.');
        if (subjectDot >= 0)
        {
            // math.GT/0309136: the subject class is not part of the identifier.
            var subject = archive.Slice(subjectDot + 1);
            if (subject.Length != 2 || !char.IsLetter(subject[0]) || !char.IsLetter(subject[1]))
            {
                error = "an old-style subject class is two letters (math.GT/0309136).";
                return false;
            }

            archive = archive.Slice(0, subjectDot);
        }

        if (archive.IsEmpty)
        {
            error = "an old-style id starts with its archive (hep-th/9901001).";
            return false;
        }

        foreach (var c in archive)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '-'))
            {
                error = $"'{archive.ToString()}' is not an arXiv archive name (letters and '-' only).";
                return false;
            }
        }

        SplitVersion(s.Slice(slash + 1), out var numberText, out var versionText);
        if (numberText.Length != 7 || !TryDigits(numberText, out var digits))
        {
            error = "an old-style id has seven digits after the slash, YYMMNNN (hep-th/9901001).";
            return false;
        }

        var yy = digits / 100000;
        var mm = (digits / 1000) % 100;
        var number = digits % 1000;
        if (mm is < 1 or > 12)
        {
            error = $"month {mm:00} is not between 01 and 12.";
            return false;
        }

        var year = yy >= 91 ? 1900 + yy : 2000 + yy;
        if (year > 2007 || (year == 2007 && mm > 3))
        {
            error = "old-style ids end in March 2007 (0703); later papers have new-style ids such as 0704.0001.";
            return false;
        }

        if (number == 0)
        {
            error = "the number cannot be zero.";
            return false;
        }

        if (!TryVersion(versionText, out var version, out error))
        {
            return false;
        }

        id = new ArxivId(archive.ToString().ToLowerInvariant(), (year * 100) + mm, number, version);
        error = string.Empty;
        return true;
    }

    private static void SplitVersion(ReadOnlySpan<char> s, out ReadOnlySpan<char> number, out ReadOnlySpan<char> version)
    {
        var v = s.IndexOfAny('v', 'V');
        if (v < 0)
        {
            number = s;
            version = default;
        }
        else
        {
            number = s.Slice(0, v);
            version = s.Slice(v + 1);
            if (version.IsEmpty)
            {
                // "2310.12345v": keep the 'v' in the number so the digit check reports it.
                number = s;
            }
        }
    }

    private static bool TryVersion(ReadOnlySpan<char> text, out int version, out string error)
    {
        version = 0;
        error = string.Empty;
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.Length > 4 || !TryDigits(text, out version) || version < 1)
        {
            error = "a version is 'v' followed by a number from 1 to 9999 (v2).";
            version = 0;
            return false;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Formats the id as arXiv writes it: <c>2310.12345v2</c>, <c>0704.0001</c>, <c>hep-th/9901001v1</c>.</summary>
    /// <returns>The id.</returns>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxStackLength];
        if (TryFormatCore(buffer, out var written))
        {
            return buffer.Slice(0, written).ToString();
        }

        // Only an old-style id with an unusually long archive name gets here.
        var large = new char[FormattedLength];
        TryFormatCore(large, out written);
        return new string(large, 0, written);
    }

    /// <summary>Formats the id as arXiv writes it.</summary>
    /// <param name="format"><see langword="null"/>, empty or <c>G</c>: the only format (as <see cref="ToString()"/>).</param>
    /// <param name="formatProvider">Not used: an id is formatted the same in every culture.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        CheckFormat(format.AsSpan());
        return ToString();
    }

#if NET8_0_OR_GREATER
    /// <summary>Formats the id as arXiv writes it into a span of characters, without allocating.</summary>
    /// <param name="destination">Where to write the id.</param>
    /// <param name="charsWritten">The number of characters written; 0 when <paramref name="destination"/> is too small.</param>
    /// <param name="format">Empty or <c>G</c>: the only format (as <see cref="ToString()"/>).</param>
    /// <param name="provider">Not used: an id is formatted the same in every culture.</param>
    /// <returns>Whether the id fitted in <paramref name="destination"/>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        CheckFormat(format);
        return TryFormatCore(destination, out charsWritten);
    }
#endif

    /// <summary>Enough for any new-style id (<c>2310.12345v9999</c>) and old-style ids with archives of up to 30 letters.</summary>
    internal const int MaxStackLength = 48;

    private int FormattedLength =>
        (_archive is null ? (YearMonth < 201501 ? 9 : 10) : _archive.Length + 8) + (_version == 0 ? 0 : 1 + DigitCount(_version));

    private static void CheckFormat(ReadOnlySpan<char> format)
    {
        if (!format.IsEmpty && !(format.Length == 1 && format[0] is 'G' or 'g'))
        {
            throw new FormatException($"'{format.ToString()}' is not a format of ArxivId; the only format is 'G' (as arXiv writes the id).");
        }
    }

    /// <summary>Writes the id as <see cref="ToString()"/> does; false when <paramref name="destination"/> is too small.</summary>
    internal bool TryFormatCore(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        var length = FormattedLength;
        if (destination.Length < length)
        {
            return false;
        }

        var at = 0;
        var yymm = ((Year % 100) * 100) + Month;
        if (_archive is not null)
        {
            _archive.AsSpan().CopyTo(destination);
            at = _archive.Length;
            destination[at++] = '/';
            at = WriteDigits(destination, at, yymm, 4);
            at = WriteDigits(destination, at, Number, 3);
        }
        else
        {
            at = WriteDigits(destination, at, yymm, 4);
            destination[at++] = '.';
            at = WriteDigits(destination, at, Number, YearMonth < 201501 ? 4 : 5);
        }

        if (_version != 0)
        {
            destination[at++] = 'v';
            at = WriteDigits(destination, at, _version, DigitCount(_version));
        }

        charsWritten = at;
        return true;
    }

    private static int WriteDigits(Span<char> destination, int at, int value, int digits)
    {
        for (var i = at + digits - 1; i >= at; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        return at + digits;
    }

    private static int DigitCount(int value) => value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4;

    /// <inheritdoc/>
    public bool Equals(ArxivId other) => IsSameWork(other) && _version == other._version;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ArxivId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = (_yearMonthOffset * 397) ^ _numberOffset;
            hash = (hash * 397) ^ _version;
            return _archive is null ? hash : (hash * 397) ^ StringComparer.Ordinal.GetHashCode(_archive);
        }
    }

    /// <inheritdoc/>
    public int CompareTo(ArxivId other)
    {
        var c = _yearMonthOffset.CompareTo(other._yearMonthOffset);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(_archive, other._archive);
        if (c != 0)
        {
            return c;
        }

        c = _numberOffset.CompareTo(other._numberOffset);
        return c != 0 ? c : _version.CompareTo(other._version);
    }

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        ArxivId other => CompareTo(other),
        _ => throw new ArgumentException("The object is not an ArxivId.", nameof(obj)),
    };

    /// <summary>Equality, version included.</summary>
    public static bool operator ==(ArxivId left, ArxivId right) => left.Equals(right);

    /// <summary>Inequality, version included.</summary>
    public static bool operator !=(ArxivId left, ArxivId right) => !left.Equals(right);

    /// <summary>Chronological ordering.</summary>
    public static bool operator <(ArxivId left, ArxivId right) => left.CompareTo(right) < 0;

    /// <summary>Chronological ordering.</summary>
    public static bool operator <=(ArxivId left, ArxivId right) => left.CompareTo(right) <= 0;

    /// <summary>Chronological ordering.</summary>
    public static bool operator >(ArxivId left, ArxivId right) => left.CompareTo(right) > 0;

    /// <summary>Chronological ordering.</summary>
    public static bool operator >=(ArxivId left, ArxivId right) => left.CompareTo(right) >= 0;
}
