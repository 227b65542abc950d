using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperModel.Serialization;

/// <summary>Reads and writes an <see cref="ArxivId"/> as its string form (<c>"2310.12345v2"</c>).</summary>
public sealed class ArxivIdJsonConverter : JsonConverter<ArxivId>
{
    /// <inheritdoc/>
    public override ArxivId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"An arXiv id must be a JSON string, not {reader.TokenType}.");
        }

        var text = reader.GetString();
        return ArxivId.TryParse(text, out var id, out var error) ? id : throw new JsonException($"'{text}' is not an arXiv id: {error}");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ArxivId value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        Span<char> buffer = stackalloc char[ArxivId.MaxStackLength];
        if (value.TryFormatCore(buffer, out var written))
        {
            writer.WriteStringValue(buffer.Slice(0, written));
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
