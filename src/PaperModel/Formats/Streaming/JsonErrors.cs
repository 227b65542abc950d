using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>Helpers for reporting <see cref="JsonException"/>s from <see cref="Utf8JsonReader"/>.</summary>
internal static class JsonErrors
{
    /// <summary>
    /// The message without its trailing <c>Path: $.title | LineNumber: 0 | BytePositionInLine: 12.</c>, which the
    /// problem's path and position already give.
    /// </summary>
    public static string Describe(JsonException exception)
    {
        var message = exception.Message;
        foreach (var tail in TrailingParts)
        {
            var at = message.IndexOf(tail, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message.Substring(0, at);
            }
        }

        return message;
    }

    private static readonly string[] TrailingParts = [" Path: ", " LineNumber:"];

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
