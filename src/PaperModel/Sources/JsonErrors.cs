using System.Text.Json;

namespace PaperModel.Sources;

/// <summary>Helpers for reporting <see cref="JsonException"/>s from <see cref="Utf8JsonReader"/>.</summary>
internal static class JsonErrors
{
    /// <summary>The reader's message without its trailing <c>LineNumber: 0 | BytePositionInLine: 12.</c>, which the problem's position already gives.</summary>
    public static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message.Substring(0, at) : message;
    }

    /// <summary>How a JSON token is named in messages.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>How a JSON value kind is named in messages.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
