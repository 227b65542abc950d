using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>Maps one Hugging Face API item (a daily item with <c>paper</c>, or a paper object) to a <see cref="Paper"/>.</summary>
internal sealed class HuggingFaceApiRecord
{
    private readonly ProblemSink _sink;

    private HuggingFaceApiRecord(ProblemSink sink) => _sink = sink;

    /// <summary>
    /// Maps the item the sink's record holds, reporting to <paramref name="sink"/>; warnings go before the paper.
    /// Throws <see cref="JsonException"/> for invalid JSON and the sink's <see cref="RecordRejectedException"/> for an
    /// item that cannot be read.
    /// </summary>
    public static Paper Map(JsonItem item, ProblemSink sink)
    {
        using var document = JsonDocument.Parse(item.Utf8);
        return new HuggingFaceApiRecord(sink).MapRoot(document.RootElement, new JsonPath(item.Path));
    }

    private Paper MapRoot(JsonElement root, JsonPath rootPath)
    {
        Expect(root, JsonValueKind.Object, rootPath, "an object (a daily item or a paper)");

        // A daily item wraps the paper; /api/papers/{id} is the paper itself.
        JsonElement? item = null;
        var paper = root;
        var paperPath = rootPath;
        if (root.TryGetProperty("paper", out var inner) && inner.ValueKind != JsonValueKind.Null)
        {
            item = root;
            paperPath = rootPath.Child("paper");
            Expect(inner, JsonValueKind.Object, paperPath, "an object");
            paper = inner;
        }

        var idText = String(paper, "id", paperPath) ?? throw Fail(paperPath, ReadProblems.ApiMissingId, paperPath);
        var title = String(paper, "title", paperPath) ?? (item is { } i ? String(i, "title", rootPath) : null)
            ?? throw Fail(paperPath, ReadProblems.ApiMissingTitle, paperPath, idText);
        var summary = String(paper, "summary", paperPath) ?? (item is { } j ? String(j, "summary", rootPath) : null);

        string id;
        ArxivId? arxivId = null;
        List<PaperLink> links;
        if (ArxivId.TryParse(idText, out var parsed))
        {
            arxivId = parsed;
            id = parsed.WithoutVersion().ToString();
            links = ArxivLinks.OnHuggingFace(parsed, withPdf: true);
        }
        else
        {
            id = idText.Trim();
            links = [];
            if (Uri.TryCreate(ArxivLinks.HuggingFacePapers, Uri.EscapeDataString(id), out var page))
            {
                links.Add(new PaperLink(PaperLinkKinds.HuggingFace, page));
            }
        }

        AddLink(links, PaperLinkKinds.Code, paper, "githubRepo", paperPath);
        AddLink(links, PaperLinkKinds.Project, paper, "projectPage", paperPath);

        // A search result (its title and summary come highlighted) is not a listing: its publishedAt is the paper's.
        var listedOn = item is { } listed && !listed.TryGetProperty("highlightedTitle", out _) ? Date(listed, "publishedAt", rootPath) : null;
        listedOn ??= Date(paper, "submittedOnDailyAt", paperPath);

        return new Paper(id, InputText.NormalizeWhitespace(title))
        {
            ArxivId = arxivId,
            Abstract = summary is null ? string.Empty : InputText.NormalizeWhitespace(summary),
            Authors = Authors(paper, paperPath),
            Published = Date(paper, "publishedAt", paperPath),
            ListedOn = listedOn,
            Links = links,
            Upvotes = Int(paper, "upvotes", paperPath),
            CommentCount = (item is { } c ? Int(c, "numComments", rootPath) : null) ?? Int(paper, "numComments", paperPath),
            Submitter = Submitter(item, rootPath, paper, paperPath),
            Organization = Organization(paper, paperPath) ?? (item is { } o ? Organization(o, rootPath) : null),
            Keywords = Strings(paper, "ai_keywords", paperPath),
            AiSummary = InputText.NormalizeOptional(String(paper, "ai_summary", paperPath)),
            Source = PaperSource.HuggingFaceApi,
        };
    }

    private IReadOnlyList<Author> Authors(JsonElement paper, JsonPath paperPath)
    {
        if (!TryGet(paper, "authors", JsonValueKind.Array, paperPath, "an array of author objects", out var array))
        {
            return [];
        }

        var authors = new List<Author>(array.GetArrayLength());
        var index = 0;
        var path = paperPath.Child("authors");
        foreach (var author in array.EnumerateArray())
        {
            var authorPath = path.Element(index++);
            Expect(author, JsonValueKind.Object, authorPath, "an author object");

            // Hidden authors are still authors of the paper; the flag only hides them on the page.
            var name = String(author, "name", authorPath) ?? throw Fail(authorPath, ReadProblems.ApiMissingAuthorName, authorPath);
            _ = TryGet(author, "hidden", JsonValueKind.True, authorPath, "a boolean", out _);

            var normalized = InputText.NormalizeWhitespace(name);
            if (normalized.Length > 0)
            {
                authors.Add(new Author(normalized));
            }
        }

        return authors;
    }

    private string? Submitter(JsonElement? item, JsonPath itemPath, JsonElement paper, JsonPath paperPath)
    {
        // The display name ("fullname") of who put the paper on the daily list; the user name when it has none.
        if (item is { } i && TryGet(i, "submittedBy", JsonValueKind.Object, itemPath, "a user object", out var by))
        {
            var byPath = itemPath.Child("submittedBy");
            return InputText.NormalizeOptional(String(by, "fullname", byPath)) ?? InputText.NormalizeOptional(String(by, "name", byPath));
        }

        if (TryGet(paper, "submittedOnDailyBy", JsonValueKind.Object, paperPath, "a user object", out var daily))
        {
            var dailyPath = paperPath.Child("submittedOnDailyBy");
            return InputText.NormalizeOptional(String(daily, "fullname", dailyPath)) ?? InputText.NormalizeOptional(String(daily, "user", dailyPath));
        }

        return null;
    }

    private string? Organization(JsonElement owner, JsonPath ownerPath)
    {
        if (!TryGet(owner, "organization", JsonValueKind.Object, ownerPath, "an organization object", out var org))
        {
            return null;
        }

        var path = ownerPath.Child("organization");
        return InputText.NormalizeOptional(String(org, "fullname", path)) ?? InputText.NormalizeOptional(String(org, "name", path));
    }

    private void AddLink(List<PaperLink> links, string kind, JsonElement owner, string name, JsonPath ownerPath)
    {
        var text = String(owner, name, ownerPath);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (InputText.TryAbsoluteUri(text) is { } url)
        {
            links.Add(new PaperLink(kind, url));
        }
        else
        {
            Warn(ownerPath.Child(name), ReadProblems.ApiBadUrl, text!);
        }
    }

    private DateTimeOffset? Date(JsonElement owner, string name, JsonPath ownerPath)
    {
        var text = String(owner, name, ownerPath);
        if (text is null)
        {
            return null;
        }

        if (InputText.TryParseIsoDate(text, out var date))
        {
            return date;
        }

        Warn(ownerPath.Child(name), ReadProblems.ApiBadDate, text);
        return null;
    }

    private int? Int(JsonElement owner, string name, JsonPath ownerPath)
    {
        if (!TryGet(owner, name, JsonValueKind.Number, ownerPath, "a number", out var value))
        {
            return null;
        }

        // Counts are integers; the API's generated clients type them as floats, so accept 12.0 too.
        if (value.TryGetInt32(out var count))
        {
            return count;
        }

        if (value.TryGetDouble(out var d) && d >= 0 && d <= int.MaxValue && Math.Floor(d) == d)
        {
            return (int)d;
        }

        var path = ownerPath.Child(name);
        throw Fail(path, ReadProblems.ApiNotWholeNumber, path, value.GetRawText());
    }

    private string? String(JsonElement owner, string name, JsonPath ownerPath) =>
        TryGet(owner, name, JsonValueKind.String, ownerPath, "a string", out var value) ? Decode(value, ownerPath.Child(name)) : null;

    // The reader checks a string's syntax, not its text: invalid UTF-8 or a lone surrogate escape fails only here.
    private string Decode(JsonElement value, JsonPath path)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Fail(path, ReadProblems.ApiItemInvalidJson, path, "the string is not valid UTF-8 text (invalid bytes or a lone surrogate escape such as \\ud800)");
        }
    }

    private IReadOnlyList<string> Strings(JsonElement owner, string name, JsonPath ownerPath)
    {
        if (!TryGet(owner, name, JsonValueKind.Array, ownerPath, "an array of strings", out var array))
        {
            return [];
        }

        var list = new List<string>(array.GetArrayLength());
        var index = 0;
        var path = ownerPath.Child(name);
        foreach (var element in array.EnumerateArray())
        {
            var elementPath = path.Element(index++);
            Expect(element, JsonValueKind.String, elementPath, "a string");
            var text = InputText.NormalizeOptional(Decode(element, elementPath));
            if (text is not null)
            {
                list.Add(text);
            }
        }

        return list;
    }

    // A missing or null member gives false; a member of another kind is an error. JsonValueKind.True stands for booleans.
    private bool TryGet(JsonElement owner, string name, JsonValueKind kind, JsonPath ownerPath, string expected, out JsonElement value)
    {
        if (!owner.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        var matches = kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == kind;
        if (!matches)
        {
            var path = ownerPath.Child(name);
            throw Fail(path, ReadProblems.ApiWrongType, path, expected, JsonErrors.Describe(value.ValueKind));
        }

        return true;
    }

    private void Expect(JsonElement value, JsonValueKind kind, JsonPath path, string expected)
    {
        if (value.ValueKind != kind)
        {
            throw Fail(path, ReadProblems.ApiWrongType, path, expected, JsonErrors.Describe(value.ValueKind));
        }
    }

    // A value at a path that makes the item unreadable: located by finding the path again in the item's bytes.
    private RecordRejectedException Fail(JsonPath path, ReadProblem problem, params object?[] arguments) =>
        _sink.Reject(problem, path.Locate(_sink.RecordBytes), arguments);

    private void Warn(JsonPath path, ReadProblem problem, string text) =>
        _sink.Report(problem, path.Locate(_sink.RecordBytes), path, text);
}

/// <summary>A JSON path inside one item (<c>$[3].paper.authors[2].name</c>) that can find its value's position again.</summary>
internal sealed class JsonPath
{
    private readonly JsonPath? _parent;
    private readonly string? _name;
    private readonly int _index;
    private readonly string? _root;

    public JsonPath(string root)
    {
        _root = root;
        _index = -1;
    }

    private JsonPath(JsonPath parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    public JsonPath Child(string name) => new(this, name, -1);

    public JsonPath Element(int index) => new(this, null, index);

    /// <summary>The byte offset of the value at this path in the item, found by reading the item again; the nearest found ancestor when the path goes missing.</summary>
    public long Locate(ReadOnlySpan<byte> item)
    {
        var segments = new List<JsonPath>();
        for (var p = this; p._parent is not null; p = p._parent)
        {
            segments.Add(p);
        }

        segments.Reverse();
        var reader = new Utf8JsonReader(item);
        if (!reader.Read())
        {
            return 0;
        }

        var offset = reader.TokenStartIndex;
        foreach (var segment in segments)
        {
            if (!TryStep(ref reader, segment))
            {
                break;
            }

            offset = reader.TokenStartIndex;
        }

        return offset;
    }

    private static bool TryStep(ref Utf8JsonReader reader, JsonPath segment)
    {
        if (segment._name is { } name)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    return true;
                }

                reader.Skip();
            }

            return false;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == segment._index)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    public override string ToString()
    {
        if (_parent is null)
        {
            return _root ?? "$";
        }

        var sb = new StringBuilder(_parent.ToString());
        if (_name is not null)
        {
            sb.Append('.').Append(_name);
        }
        else
        {
            sb.Append('[').Append(_index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return sb.ToString();
    }
}
