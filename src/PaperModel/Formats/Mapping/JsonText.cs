using System.Buffers;
using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>Strings read from JSON input the way <see cref="Paper"/> stores them, without intermediate strings.</summary>
internal static class JsonText
{
    // Scratch text up to this many chars is the thread's own buffer, kept and reused; longer text rents a pooled one.
    private const int KeptChars = 1 << 15;

    [ThreadStatic]
    private static char[]? _scratch;

    /// <summary>
    /// The current string token, unescaped and whitespace-normalised (<see cref="InputText.NormalizeWhitespace(string)"/>)
    /// through one scratch buffer: one string is allocated, where reading it and then normalising it allocates two or three.
    /// </summary>
    public static string ReadNormalized(ref Utf8JsonReader reader)
    {
        var length = TokenLength(ref reader);
        if (length == 0)
        {
            return string.Empty;
        }

        var rented = 2 * length > KeptChars ? ArrayPool<char>.Shared.Rent(2 * length) : null;
        var buffer = rented ?? (_scratch ??= new char[KeptChars]);
        var normalized = new string(buffer, 0, CopyNormalized(ref reader, buffer));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return normalized;
    }

    /// <summary>
    /// Checks that the current string token is text (valid UTF-8, no lone surrogate escape) the way reading it would,
    /// without making a string: throws <see cref="InvalidOperationException"/> where reading it would.
    /// </summary>
    public static void Check(ref Utf8JsonReader reader)
    {
#if NET8_0_OR_GREATER
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            if (!System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
            {
                throw new InvalidOperationException("The text is not valid UTF-8.");
            }

            return;
        }
#endif
        var length = TokenLength(ref reader);
        var rented = length > KeptChars ? ArrayPool<char>.Shared.Rent(length) : null;
        reader.CopyString((rented ?? (_scratch ??= new char[KeptChars])).AsSpan(0, length));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The length of the current token's value in UTF-8 bytes: unescaping never makes a value longer in chars.</summary>
    public static int TokenLength(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;

    /// <summary>
    /// Unescapes and whitespace-normalises the current string token into the start of <paramref name="destination"/>,
    /// which must hold twice <see cref="TokenLength"/> chars (the unescaped text goes to its second half first, never
    /// cleared: only what is written is read); returns the normalised length.
    /// </summary>
    public static int CopyNormalized(ref Utf8JsonReader reader, Span<char> destination)
    {
        var length = TokenLength(ref reader);
        var unescaped = destination.Slice(length, length);
        return InputText.NormalizeWhitespace(unescaped.Slice(0, reader.CopyString(unescaped)), destination);
    }
}
