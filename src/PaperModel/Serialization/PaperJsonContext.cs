using System.Text.Json.Serialization;

namespace PaperModel.Serialization;

/// <summary>
/// The System.Text.Json source-generated context for the library's own JSON shape (camelCase, nulls omitted, enums as strings).
/// Trim- and AOT-safe. Use <see cref="PaperJson"/> for the common operations.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Paper))]
[JsonSerializable(typeof(IReadOnlyList<Paper>))]
public sealed partial class PaperJsonContext : JsonSerializerContext
{
}
