using System.Text.Json;

namespace PaperModel.Serialization;

/// <summary>Serializes papers to and from the library's JSON shape. A round trip is lossless.</summary>
public static class PaperJson
{
    /// <summary>Serializes a paper to a compact, single-line JSON object (one JSON Lines record).</summary>
    /// <param name="paper">The paper.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Paper paper) => JsonSerializer.Serialize(paper, PaperJsonContext.Default.Paper);

    /// <summary>Writes a paper as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="paper">The paper.</param>
    public static void Write(Utf8JsonWriter writer, Paper paper) => JsonSerializer.Serialize(writer, paper, PaperJsonContext.Default.Paper);

    /// <summary>Deserializes a paper from JSON written by <see cref="Serialize(Paper)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The paper.</returns>
    /// <exception cref="JsonException">The JSON is not a paper object; the message gives the path and position.</exception>
    public static Paper Deserialize(string json) =>
        JsonSerializer.Deserialize(json, PaperJsonContext.Default.Paper) ?? throw new JsonException("The JSON is null, not a paper object.");
}
