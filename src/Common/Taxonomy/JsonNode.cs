namespace PaperModel.Common.Taxonomy;

/// <summary>The kind of a <see cref="JsonNode"/>.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value with its position in the text. Objects keep their properties in text order, duplicates
/// included, so the taxonomy reader can report them.
/// </summary>
internal sealed class JsonNode
{
    private static readonly JsonProperty[] NoProperties = [];
    private static readonly JsonNode[] NoItems = [];

    private JsonNode(JsonKind kind, TextPosition position, string? text, double number, IReadOnlyList<JsonProperty> properties, IReadOnlyList<JsonNode> items)
    {
        Kind = kind;
        Position = position;
        Text = text;
        Number = number;
        Properties = properties;
        Items = items;
    }

    public JsonKind Kind { get; }

    /// <summary>The token's position; for an object or array, its opening bracket.</summary>
    public TextPosition Position { get; }

    /// <summary>The unescaped value of a string.</summary>
    public string? Text { get; }

    /// <summary>The value of a number.</summary>
    public double Number { get; }

    /// <summary>The properties of an object, in text order.</summary>
    public IReadOnlyList<JsonProperty> Properties { get; }

    /// <summary>The items of an array.</summary>
    public IReadOnlyList<JsonNode> Items { get; }

    /// <summary>How the kind is named in messages: "a string", "an array"...</summary>
    public string KindName => Describe(Kind);

    public static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.True or JsonKind.False => "a boolean",
        _ => "null",
    };

    public static JsonNode CreateObject(TextPosition position, IReadOnlyList<JsonProperty> properties) =>
        new(JsonKind.Object, position, null, 0, properties, NoItems);

    public static JsonNode CreateArray(TextPosition position, IReadOnlyList<JsonNode> items) =>
        new(JsonKind.Array, position, null, 0, NoProperties, items);

    public static JsonNode CreateString(TextPosition position, string text) =>
        new(JsonKind.String, position, text, 0, NoProperties, NoItems);

    public static JsonNode CreateNumber(TextPosition position, double number) =>
        new(JsonKind.Number, position, null, number, NoProperties, NoItems);

    public static JsonNode CreateLiteral(JsonKind kind, TextPosition position) =>
        new(kind, position, null, 0, NoProperties, NoItems);
}

/// <summary>One property of a JSON object.</summary>
internal sealed record JsonProperty(string Name, TextPosition NamePosition, JsonNode Value);
