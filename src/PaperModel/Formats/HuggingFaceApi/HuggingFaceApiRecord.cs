using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>Maps one Hugging Face API item (a daily item with <c>paper</c>, or a paper object) to a <see cref="Paper"/>.</summary>
internal static class HuggingFaceApiRecord
{
    private static readonly Uri PapersBase = new("https://huggingface.co/papers/", UriKind.Absolute);

    /// <summary>Adds the paper, or the problem that prevented it, to <paramref name="output"/>; warnings come before the paper.</summary>
    public static void Map(JsonItem item, string? source, List<PaperReadItem> output)
    {
        var warnings = new List<(JsonPath Path, string Message)>();
        try
        {
            using var document = JsonDocument.Parse(item.Utf8);
            var paper = MapRoot(document.RootElement, new JsonPath(item.Path), warnings);
            foreach (var (path, message) in warnings)
            {
                output.Add(PaperReadItem.FromProblem(Problem(item, source, "PM1035", message, path, ProblemSeverity.Warning)));
            }

            output.Add(PaperReadItem.FromPaper(paper));
        }
        catch (JsonException ex)
        {
            output.Add(PaperReadItem.FromProblem(new ParseProblem(
                "PM1030",
                $"{item.Path} is not valid JSON: {JsonErrors.Describe(ex)}",
                source,
                SourceText.ToInt(item.Line + (ex.LineNumber ?? 0)),
                SourceText.ToInt((ex.LineNumber ?? 0) == 0 ? item.Column + (ex.BytePositionInLine ?? 0) : (ex.BytePositionInLine ?? 0) + 1))
            { Record = item.Index + 1 }));
        }
        catch (ItemException ex)
        {
            output.Add(PaperReadItem.FromProblem(Problem(item, source, ex.Code, ex.Message, ex.Path)));
        }
    }

    private static ParseProblem Problem(JsonItem item, string? source, string code, string message, JsonPath path, ProblemSeverity severity = ProblemSeverity.Error)
    {
        var (line, column) = item.PositionOf(path.Locate(item.Utf8.Span));
        return new ParseProblem(code, message, source, line, column, severity) { Record = item.Index + 1 };
    }

    private static Paper MapRoot(JsonElement root, JsonPath rootPath, List<(JsonPath, string)> warnings)
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

        var idText = String(paper, "id", paperPath) ?? throw new ItemException("PM1033", $"{paperPath} has no \"id\".", paperPath);
        var title = String(paper, "title", paperPath) ?? (item is { } i ? String(i, "title", rootPath) : null)
            ?? throw new ItemException("PM1033", $"{paperPath} ({idText}) has no \"title\".", paperPath);
        var summary = String(paper, "summary", paperPath) ?? (item is { } j ? String(j, "summary", rootPath) : null);

        string id;
        ArxivId? arxivId = null;
        var links = new List<PaperLink>();
        if (ArxivId.TryParse(idText, out var parsed))
        {
            arxivId = parsed;
            id = parsed.WithoutVersion().ToString();
            links.Add(new PaperLink(PaperLinkKinds.HuggingFace, new Uri(PapersBase, id)));
            links.Add(new PaperLink(PaperLinkKinds.Abstract, parsed.AbsUrl));
            links.Add(new PaperLink(PaperLinkKinds.Pdf, parsed.PdfUrl));
        }
        else
        {
            id = idText.Trim();
            if (Uri.TryCreate(PapersBase, Uri.EscapeDataString(id), out var page))
            {
                links.Add(new PaperLink(PaperLinkKinds.HuggingFace, page));
            }
        }

        AddLink(links, PaperLinkKinds.Code, paper, "githubRepo", paperPath, warnings);
        AddLink(links, PaperLinkKinds.Project, paper, "projectPage", paperPath, warnings);

        var listedOn = item is { } listed ? Date(listed, "publishedAt", rootPath, warnings) : null;
        listedOn ??= Date(paper, "submittedOnDailyAt", paperPath, warnings);

        return new Paper(id, PaperText.NormalizeWhitespace(title))
        {
            ArxivId = arxivId,
            Abstract = summary is null ? string.Empty : PaperText.NormalizeWhitespace(summary),
            Authors = Authors(paper, paperPath),
            Published = Date(paper, "publishedAt", paperPath, warnings),
            ListedOn = listedOn,
            Links = links,
            Upvotes = Int(paper, "upvotes", paperPath),
            CommentCount = (item is { } c ? Int(c, "numComments", rootPath) : null) ?? Int(paper, "numComments", paperPath),
            Submitter = Submitter(item, rootPath, paper, paperPath),
            Organization = Organization(paper, paperPath) ?? (item is { } o ? Organization(o, rootPath) : null),
            Keywords = Strings(paper, "ai_keywords", paperPath),
            AiSummary = SourceText.NormalizeOptional(String(paper, "ai_summary", paperPath)),
            Source = PaperSource.HuggingFaceApi,
        };
    }

    private static IReadOnlyList<Author> Authors(JsonElement paper, JsonPath paperPath)
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
            var name = String(author, "name", authorPath) ?? throw new ItemException("PM1033", $"{authorPath} has no \"name\".", authorPath);
            _ = TryGet(author, "hidden", JsonValueKind.True, authorPath, "a boolean", out _);

            var normalized = PaperText.NormalizeWhitespace(name);
            if (normalized.Length > 0)
            {
                authors.Add(new Author(normalized));
            }
        }

        return authors;
    }

    private static string? Submitter(JsonElement? item, JsonPath itemPath, JsonElement paper, JsonPath paperPath)
    {
        // The display name ("fullname") of who put the paper on the daily list; the user name when it has none.
        if (item is { } i && TryGet(i, "submittedBy", JsonValueKind.Object, itemPath, "a user object", out var by))
        {
            var byPath = itemPath.Child("submittedBy");
            return SourceText.NormalizeOptional(String(by, "fullname", byPath)) ?? SourceText.NormalizeOptional(String(by, "name", byPath));
        }

        if (TryGet(paper, "submittedOnDailyBy", JsonValueKind.Object, paperPath, "a user object", out var daily))
        {
            var dailyPath = paperPath.Child("submittedOnDailyBy");
            return SourceText.NormalizeOptional(String(daily, "fullname", dailyPath)) ?? SourceText.NormalizeOptional(String(daily, "user", dailyPath));
        }

        return null;
    }

    private static string? Organization(JsonElement owner, JsonPath ownerPath)
    {
        if (!TryGet(owner, "organization", JsonValueKind.Object, ownerPath, "an organization object", out var org))
        {
            return null;
        }

        var path = ownerPath.Child("organization");
        return SourceText.NormalizeOptional(String(org, "fullname", path)) ?? SourceText.NormalizeOptional(String(org, "name", path));
    }

    private static void AddLink(List<PaperLink> links, string kind, JsonElement owner, string name, JsonPath ownerPath, List<(JsonPath, string)> warnings)
    {
        var text = String(owner, name, ownerPath);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (SourceText.TryAbsoluteUri(text) is { } url)
        {
            links.Add(new PaperLink(kind, url));
        }
        else
        {
            var path = ownerPath.Child(name);
            warnings.Add((path, $"{path} is '{text}', which is not an absolute http(s) URL; the link was left out."));
        }
    }

    private static DateTimeOffset? Date(JsonElement owner, string name, JsonPath ownerPath, List<(JsonPath, string)> warnings)
    {
        var text = String(owner, name, ownerPath);
        if (text is null)
        {
            return null;
        }

        if (SourceText.TryParseIsoDate(text, out var date))
        {
            return date;
        }

        var path = ownerPath.Child(name);
        warnings.Add((path, $"{path} is '{text}', which is not an ISO 8601 date; it was left out."));
        return null;
    }

    private static int? Int(JsonElement owner, string name, JsonPath ownerPath)
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
        throw new ItemException("PM1032", $"{path} must be a whole number, not {value.GetRawText()}.", path);
    }

    private static string? String(JsonElement owner, string name, JsonPath ownerPath) =>
        TryGet(owner, name, JsonValueKind.String, ownerPath, "a string", out var value) ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement owner, string name, JsonPath ownerPath)
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
            Expect(element, JsonValueKind.String, path.Element(index++), "a string");
            var text = SourceText.NormalizeOptional(element.GetString());
            if (text is not null)
            {
                list.Add(text);
            }
        }

        return list;
    }

    // A missing or null member gives false; a member of another kind is an error. JsonValueKind.True stands for booleans.
    private static bool TryGet(JsonElement owner, string name, JsonValueKind kind, JsonPath ownerPath, string expected, out JsonElement value)
    {
        if (!owner.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        var matches = kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == kind;
        if (!matches)
        {
            var path = ownerPath.Child(name);
            throw new ItemException("PM1032", $"{path} must be {expected}, not {JsonErrors.Describe(value.ValueKind)}.", path);
        }

        return true;
    }

    private static void Expect(JsonElement value, JsonValueKind kind, JsonPath path, string expected)
    {
        if (value.ValueKind != kind)
        {
            throw new ItemException("PM1032", $"{path} must be {expected}, not {JsonErrors.Describe(value.ValueKind)}.", path);
        }
    }

    private sealed class ItemException(string code, string message, JsonPath path) : Exception(message)
    {
        public string Code { get; } = code;

        public JsonPath Path { get; } = path;
    }
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
