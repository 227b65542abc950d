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
        // Unescaping never makes a value longer: at most one char per UTF-8 byte. The buffer holds the text, then the
        // normalised text (never cleared: only what is written is read).
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length == 0)
        {
            return string.Empty;
        }

        var rented = 2 * length > KeptChars ? ArrayPool<char>.Shared.Rent(2 * length) : null;
        var buffer = (rented ?? (_scratch ??= new char[KeptChars])).AsSpan();
        var written = reader.CopyString(buffer.Slice(0, length));
        var normalized = buffer.Slice(length, InputText.NormalizeWhitespace(buffer.Slice(0, written), buffer.Slice(length))).ToString();
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return normalized;
    }
}
