using System.Buffers;
using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>Strings read from JSON input the way <see cref="Paper"/> stores them, without intermediate strings.</summary>
internal static class JsonText
{
    private const int StackChars = 256;

    /// <summary>
    /// The current string token, unescaped and whitespace-normalised (<see cref="InputText.NormalizeWhitespace(string)"/>)
    /// in one pooled buffer: one string is allocated, where reading it and then normalising it allocates two or three.
    /// </summary>
    public static string ReadNormalized(ref Utf8JsonReader reader)
    {
        // Unescaping never makes a value longer: at most one char per UTF-8 byte.
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length == 0)
        {
            return string.Empty;
        }

        char[]? rented = null;
        var buffer = length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(length));
        var written = reader.CopyString(buffer);
        var normalized = buffer.Slice(0, InputText.NormalizeWhitespace(buffer.Slice(0, written))).ToString();
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return normalized;
    }
}
