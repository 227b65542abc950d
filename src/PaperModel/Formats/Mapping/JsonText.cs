using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>
/// Strings read from JSON input the way <see cref="Paper"/> stores them, without intermediate strings: a string token is
/// unescaped and whitespace-normalised (<see cref="InputText.NormalizeWhitespace(string)"/>) in one pass over its UTF-8
/// bytes, and turned into UTF-16 once, as the string itself. Text with nothing to change is not copied at all.
/// </summary>
internal static class JsonText
{
    // Values up to this many bytes are checked byte by byte (NeedsNormalizing).
    private const int ShortBytes = 32;

    // Scratch text up to this many bytes is the thread's own buffer, kept and reused; longer text rents a pooled one.
    private const int KeptBytes = 1 << 16;

    [ThreadStatic]
    private static byte[]? _scratch;

    [ThreadStatic]
    private static Utf8StringCache? _cache;

    // Reading fails, as Utf8JsonReader.GetString does, on bytes that are not UTF-8.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Where the next pass of NormalizeUtf8 must stop: an escape, or the first byte of whitespace other than a space.
#if NET8_0_OR_GREATER
    private static readonly SearchValues<byte> Stops = SearchValues.Create(StopBytes());
#else
    private static readonly byte[] Stops = StopBytes();
#endif

    /// <summary>The current string token, unescaped and whitespace-normalised: one string is allocated.</summary>
    public static string ReadNormalized(ref Utf8JsonReader reader) => WithNormalized(ref reader, static utf8 => ToText(utf8));

    /// <summary>
    /// The current string token, unescaped and whitespace-normalised, as a string shared with every other read of the
    /// same text on this thread (a cache of the last few hundred short strings): for values that repeat from record to
    /// record, such as a licence.
    /// </summary>
    public static string ReadNormalizedShared(ref Utf8JsonReader reader) => WithNormalized(ref reader, static utf8 => Shared(utf8));

    /// <summary>
    /// The current string token as a space-separated list (arXiv categories): unescaped, whitespace-normalised and split
    /// on the spaces, each item a string shared with every other read of the same item on this thread.
    /// </summary>
    public static string[] ReadList(ref Utf8JsonReader reader) => WithNormalized(ref reader, static text =>
    {
        if (text.IsEmpty)
        {
            return [];
        }

        var items = new string[Count(text, (byte)' ') + 1];
        for (var i = 0; i < items.Length; i++)
        {
            var space = text.IndexOf((byte)' ');
            items[i] = Shared(space < 0 ? text : text.Slice(0, space));
            text = space < 0 ? default : text.Slice(space + 1);
        }

        return items;
    });

    /// <summary>
    /// Checks that the current string token is text (valid UTF-8, no lone surrogate escape) the way reading it would,
    /// without making a string: throws <see cref="InvalidOperationException"/> where reading it would.
    /// </summary>
    public static void Check(ref Utf8JsonReader reader)
    {
        var raw = RawValue(ref reader);
        if (!reader.ValueIsEscaped)
        {
            Validate(raw);
            return;
        }

        var rented = Rent(raw.Length, out var buffer);
        try
        {
            Validate(buffer.AsSpan(0, Unescape(raw, buffer)));
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>The length of the current token's value in UTF-8 bytes: unescaping never makes a value longer in chars.</summary>
    public static int TokenLength(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;

    /// <summary>
    /// Unescapes and whitespace-normalises the current string token as UTF-8 into the start of
    /// <paramref name="destination"/>, which must hold <see cref="TokenLength"/> bytes, and checks that it is text (throws
    /// <see cref="InvalidOperationException"/> where reading it would); returns the normalised length.
    /// </summary>
    public static int CopyNormalized(ref Utf8JsonReader reader, Span<byte> destination)
    {
        var raw = RawValue(ref reader);
        var normalized = NormalizeUtf8(raw, destination);
        if (normalized < 0)
        {
            raw.CopyTo(destination);
            normalized = raw.Length;
        }

        Validate(destination.Slice(0, normalized));
        return normalized;
    }

    /// <summary>UTF-8 as a string; throws <see cref="InvalidOperationException"/> for bytes that are not UTF-8.</summary>
    public static string ToText(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        try
        {
#if NET8_0_OR_GREATER
            return StrictUtf8.GetString(utf8);
#else
            return StrictUtf8.GetString(utf8.ToArray());
#endif
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidOperationException("The text is not valid UTF-8.", exception);
        }
    }

    /// <summary>
    /// <see cref="InputText.NormalizeWhitespace(string)"/> and JSON unescaping of a string token's raw UTF-8 value in one
    /// pass: returns the length written to <paramref name="destination"/> (at least as long as <paramref name="raw"/>),
    /// or -1 when the value has nothing to change (no escape, no whitespace but single spaces inside). Text is copied run
    /// by run: the next escape or whitespace other than a single space is found with a vectorised search. Bytes that are
    /// not UTF-8 are copied as they are (so that <see cref="ToText"/> rejects them); a lone surrogate escape throws
    /// <see cref="InvalidOperationException"/>, as unescaping it does.
    /// </summary>
    internal static int NormalizeUtf8(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (!NeedsNormalizing(raw))
        {
            return -1;
        }

        var read = SkipWhitespace(raw, 0);
        var write = 0;
        int special = -1, doubled = -1;
        while (read < raw.Length)
        {
            // The next stop and the next two spaces (each searched again only once passed).
            if (special < read)
            {
                special = At(read, IndexOfStop(raw.Slice(read)), raw.Length);
            }

            if (doubled < read)
            {
                doubled = At(read, raw.Slice(read).IndexOf("  "u8), raw.Length);
            }

            var stop = Math.Min(special, doubled);
            raw.Slice(read, stop - read).CopyTo(destination.Slice(write));
            write += stop - read;
            read = stop;
            if (read == raw.Length)
            {
                break;
            }

            if (WhitespaceLength(raw, read) == 0)
            {
                // An escape of something else than whitespace, or the first byte of a character that is not whitespace.
                if (raw[read] == (byte)'\\')
                {
                    write += UnescapeOne(raw, ref read, destination.Slice(write));
                }
                else
                {
                    destination[write++] = raw[read++];
                }

                continue;
            }

            // A run of whitespace (the single space copied just before it belongs to it) becomes one space, unless it ends the text.
            if (write > 0 && destination[write - 1] == (byte)' ')
            {
                write--;
            }

            read = SkipWhitespace(raw, read);
            if (read < raw.Length)
            {
                destination[write++] = (byte)' ';
            }
        }

        // A single space that ended the text.
        return write > 0 && destination[write - 1] == (byte)' ' ? write - 1 : write;
    }

    // Whether raw has an escape, whitespace other than single spaces inside, or a space at an end. Short values (names,
    // ids, dates) are read byte by byte: the vectorised searches cost more than that.
    private static bool NeedsNormalizing(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > ShortBytes)
        {
            return IndexOfStop(raw) >= 0 || raw.IndexOf("  "u8) >= 0 || raw[0] == (byte)' ' || raw[raw.Length - 1] == (byte)' ';
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)' ' ? i == 0 || i == raw.Length - 1 || raw[i + 1] == (byte)' ' : IsStop(b))
            {
                return true;
            }
        }

        return false;
    }

    private delegate T Utf8Reader<out T>(ReadOnlySpan<byte> utf8);

    // What make makes of the current string token unescaped and normalised (in the scratch buffer, or where it stands).
    private static T WithNormalized<T>(ref Utf8JsonReader reader, Utf8Reader<T> make)
    {
        var raw = RawValue(ref reader);
        var rented = Rent(raw.Length, out var buffer);
        try
        {
            var normalized = NormalizeUtf8(raw, buffer);
            return make(normalized < 0 ? raw : buffer.AsSpan(0, normalized));
        }
        finally
        {
            Return(rented);
        }
    }

    // The raw (still escaped) UTF-8 of the current token.
    private static ReadOnlySpan<byte> RawValue(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;

    // JSON unescaping alone, into destination (as long as raw); returns the length.
    private static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        var read = 0;
        var write = 0;
        int escape;
        while ((escape = raw.Slice(read).IndexOf((byte)'\\')) >= 0)
        {
            raw.Slice(read, escape).CopyTo(destination.Slice(write));
            write += escape;
            read += escape;
            write += UnescapeOne(raw, ref read, destination.Slice(write));
        }

        raw.Slice(read).CopyTo(destination.Slice(write));
        return write + raw.Length - read;
    }

    // The escape at raw[read] (checked by the reader: a known letter, or 'u' and four hex digits) written as UTF-8.
    private static int UnescapeOne(ReadOnlySpan<byte> raw, ref int read, Span<byte> destination)
    {
        var value = EscapedChar(raw, read, out var length);
        read += length;
        if (value is >= 0xD800 and <= 0xDFFF)
        {
            // A high surrogate must be followed by an escaped low one; anything else is not text.
            if (value > 0xDBFF || read + 6 > raw.Length || raw[read] != (byte)'\\' || raw[read + 1] != (byte)'u')
            {
                throw LoneSurrogate();
            }

            var low = EscapedChar(raw, read, out length);
            if (low is < 0xDC00 or > 0xDFFF)
            {
                throw LoneSurrogate();
            }

            read += length;
            var scalar = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
            destination[0] = (byte)(0xF0 | (scalar >> 18));
            destination[1] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
            destination[2] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
            destination[3] = (byte)(0x80 | (scalar & 0x3F));
            return 4;
        }

        if (value < 0x80)
        {
            destination[0] = (byte)value;
            return 1;
        }

        if (value < 0x800)
        {
            destination[0] = (byte)(0xC0 | (value >> 6));
            destination[1] = (byte)(0x80 | (value & 0x3F));
            return 2;
        }

        destination[0] = (byte)(0xE0 | (value >> 12));
        destination[1] = (byte)(0x80 | ((value >> 6) & 0x3F));
        destination[2] = (byte)(0x80 | (value & 0x3F));
        return 3;
    }

    // The UTF-16 code unit of the escape at raw[at], and the escape's length in bytes.
    private static int EscapedChar(ReadOnlySpan<byte> raw, int at, out int length)
    {
        length = 2;
        switch (raw[at + 1])
        {
            case (byte)'b':
                return '\b';
            case (byte)'f':
                return '\f';
            case (byte)'n':
                return '\n';
            case (byte)'r':
                return '\r';
            case (byte)'t':
                return '\t';
            case (byte)'u':
                length = 6;
                return (Hex(raw[at + 2]) << 12) | (Hex(raw[at + 3]) << 8) | (Hex(raw[at + 4]) << 4) | Hex(raw[at + 5]);
            default:
                // '"', '\\' and '/' stand for themselves.
                return raw[at + 1];
        }
    }

    private static int Hex(byte digit) => digit switch
    {
        <= (byte)'9' => digit - '0',
        <= (byte)'F' => digit - 'A' + 10,
        _ => digit - 'a' + 10,
    };

    // The length in bytes of the whitespace character at raw[at] (a space, an escape of whitespace, or the UTF-8 of
    // another whitespace character), or 0 when it is not whitespace.
    private static int WhitespaceLength(ReadOnlySpan<byte> raw, int at)
    {
        var b = raw[at];
        if (b < 0x80)
        {
            if (b != (byte)'\\')
            {
                return InputText.IsWhiteSpace((char)b) ? 1 : 0;
            }

            var escaped = EscapedChar(raw, at, out var length);
            return InputText.IsWhiteSpace((char)escaped) ? length : 0;
        }

        // Whitespace beyond ASCII is U+0085 or U+00A0 (two bytes) or in U+1680-U+3000 (three); the continuation bytes
        // are checked so that bytes that are not UTF-8 are never taken for whitespace.
        if (b is >= 0xC2 and <= 0xDF)
        {
            return at + 1 < raw.Length && IsContinuation(raw[at + 1]) && InputText.IsWhiteSpace((char)(((b & 0x1F) << 6) | (raw[at + 1] & 0x3F))) ? 2 : 0;
        }

        if (b is >= 0xE1 and <= 0xEF && at + 2 < raw.Length && IsContinuation(raw[at + 1]) && IsContinuation(raw[at + 2]))
        {
            return InputText.IsWhiteSpace((char)(((b & 0x0F) << 12) | ((raw[at + 1] & 0x3F) << 6) | (raw[at + 2] & 0x3F))) ? 3 : 0;
        }

        return 0;
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    private static int SkipWhitespace(ReadOnlySpan<byte> raw, int read)
    {
        int length;
        while (read < raw.Length && (length = WhitespaceLength(raw, read)) > 0)
        {
            read += length;
        }

        return read;
    }

    // A position found in raw.Slice(start): absolute, or the end when there is none.
    private static int At(int start, int found, int end) => found < 0 ? end : start + found;

    private static int IndexOfStop(ReadOnlySpan<byte> raw) => raw.IndexOfAny(Stops);

#if NET8_0_OR_GREATER
    private static bool IsStop(byte b) => Stops.Contains(b);
#else
    private static bool IsStop(byte b) => Array.IndexOf(Stops, b) >= 0;
#endif

    // The backslash and the first UTF-8 byte of every char.IsWhiteSpace character but the space.
    private static byte[] StopBytes()
    {
        var bytes = new HashSet<byte> { (byte)'\\' };
        var one = new char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (c != ' ' && char.IsWhiteSpace((char)c))
            {
                one[0] = (char)c;
                bytes.Add(Encoding.UTF8.GetBytes(one)[0]);
            }
        }

        return [.. bytes.OrderBy(static b => b)];
    }

    private static void Validate(ReadOnlySpan<byte> utf8)
    {
#if NET8_0_OR_GREATER
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw new InvalidOperationException("The text is not valid UTF-8.");
        }
#else
        _ = ToText(utf8);
#endif
    }

    private static string Shared(ReadOnlySpan<byte> utf8) => (_cache ??= new Utf8StringCache()).Get(utf8);

    private static int Count(ReadOnlySpan<byte> text, byte value)
    {
        var count = 0;
        int at;
        while ((at = text.IndexOf(value)) >= 0)
        {
            count++;
            text = text.Slice(at + 1);
        }

        return count;
    }

    private static byte[]? Rent(int length, out byte[] buffer)
    {
        var rented = length > KeptBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        buffer = rented ?? (_scratch ??= new byte[KeptBytes]);
        return rented;
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static InvalidOperationException LoneSurrogate() => new("The text holds a lone surrogate escape.");

    /// <summary>
    /// Strings by their UTF-8, for short values that repeat from record to record (categories, licences): a small
    /// direct-mapped table, one thread's own, where a new value takes the slot of the old one it collides with.
    /// </summary>
    private sealed class Utf8StringCache
    {
        private const int Slots = 1024;

        // Longer values are made afresh each time.
        private const int MaxBytes = 96;

        private readonly byte[]?[] _keys = new byte[Slots][];
        private readonly string[] _values = new string[Slots];

        public string Get(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > MaxBytes)
            {
                return ToText(utf8);
            }

            // FNV-1a.
            var hash = 2166136261;
            foreach (var b in utf8)
            {
                hash = (hash ^ b) * 16777619;
            }

            var slot = (int)(hash & (Slots - 1));
            if (_keys[slot] is { } key && utf8.SequenceEqual(key))
            {
                return _values[slot];
            }

            var value = ToText(utf8);
            _keys[slot] = utf8.ToArray();
            _values[slot] = value;
            return value;
        }
    }
}
