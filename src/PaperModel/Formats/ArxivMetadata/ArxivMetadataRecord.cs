using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PaperModel.Formats;

/// <summary>Maps one line of the arXiv metadata snapshot to a <see cref="Paper"/>, reading the UTF-8 bytes directly.</summary>
internal static class ArxivMetadataRecord
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    // The keys whose values are strings (or null), by index.
    private const int Id = 0, Title = 1, Abstract = 2, Authors = 3, Categories = 4, Submitter = 5, Comments = 6, JournalRef = 7, Doi = 8, ReportNo = 9, License = 10;
    private const int VersionsKey = -2, AuthorsParsedKey = -3, OtherKey = -1;

    private static readonly string[] StringKeyNames = ["id", "title", "abstract", "authors", "categories", "submitter", "comments", "journal-ref", "doi", "report-no", "license"];
    private static readonly byte[][] StringKeys = [.. StringKeyNames.Select(static k => Encoding.UTF8.GetBytes(k))];

    private static int IndexOfKey(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < StringKeys.Length; i++)
        {
            if (reader.ValueTextEquals(StringKeys[i]))
            {
                return i;
            }
        }

        return reader.ValueTextEquals("versions"u8) ? VersionsKey : reader.ValueTextEquals("authors_parsed"u8) ? AuthorsParsedKey : OtherKey;
    }

    /// <summary>Parses a line. Throws <see cref="JsonException"/> for invalid JSON and <see cref="RecordException"/> for a record that cannot be read.</summary>
    public static Paper Parse(ReadOnlySpan<byte> line, out string? warningCode, out string? warningMessage, out long warningOffset)
    {
        warningCode = null;
        warningMessage = null;
        warningOffset = -1;

        var reader = new Utf8JsonReader(line, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RecordException("PM1071", $"A line must hold one JSON object, not {JsonErrors.Describe(reader.TokenType)}.", reader.TokenStartIndex);
        }

        var values = new string?[StringKeys.Length];
        var offsets = new long[StringKeys.Length];
        List<(string Version, string? Created, long Offset)>? versions = null;
        List<Author>? parsedAuthors = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = IndexOfKey(ref reader);
            reader.Read();
            if (key >= 0)
            {
                offsets[key] = reader.TokenStartIndex;
                values[key] = ReadString(ref reader, StringKeyNames[key]);
            }
            else if (key == VersionsKey)
            {
                versions = Versions(ref reader);
            }
            else if (key == AuthorsParsedKey)
            {
                parsedAuthors = ParsedAuthors(ref reader);
            }
            else
            {
                // update_date (a metadata date, neither version date) and keys added in the future.
                reader.Skip();
            }
        }

        string? id = values[Id], title = values[Title], doi = values[Doi], categories = values[Categories], abstractText = values[Abstract];
        var idOffset = offsets[Id];

        // Anything after the object (a second value, or the missing end of a cut line) is invalid JSON.
        reader.Read();

        if (id is null)
        {
            throw new RecordException("PM1073", "The record has no \"id\".", -1);
        }

        if (!ArxivId.TryParse(id, out var arxivId) || arxivId.HasVersion)
        {
            throw new RecordException("PM1075", $"\"id\" is '{id}', which is not an arXiv id without version (0704.0001, hep-th/9901001).", idOffset);
        }

        if (title is null)
        {
            throw new RecordException("PM1073", $"The record {id} has no \"title\".", -1);
        }

        var paperVersions = new List<PaperVersion>(versions?.Count ?? 0);
        if (versions is not null)
        {
            foreach (var (versionText, created, offset) in versions)
            {
                if (versionText.Length < 2 || (versionText[0] != 'v' && versionText[0] != 'V')
                    || !int.TryParse(versionText.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > ArxivId.MaxVersion)
                {
                    throw new RecordException("PM1075", $"The version '{versionText}' of {id} is not v1, v2, ... v{ArxivId.MaxVersion}.", offset);
                }

                DateTimeOffset? date = null;
                if (created is not null)
                {
                    if (SourceText.TryParseRfc1123Date(created, out var parsed))
                    {
                        date = parsed;
                    }
                    else if (warningCode is null)
                    {
                        warningCode = "PM1076";
                        warningMessage = $"The date '{created}' of {id}{versionText} is not an RFC 1123 date (Mon, 2 Apr 2007 19:18:42 GMT); it was left out.";
                        warningOffset = offset;
                    }
                }

                paperVersions.Add(new PaperVersion(number, date));
            }
        }

        var latest = paperVersions.Count == 0 ? 0 : paperVersions.Max(static v => v.Number);
        var versionedId = latest > 0 ? arxivId.WithVersion(latest) : arxivId;
        var categoryList = categories is null
            ? []
            : categories.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

        return new Paper(arxivId.ToString(), PaperText.NormalizeWhitespace(title))
        {
            ArxivId = versionedId,
            Abstract = abstractText is null ? string.Empty : PaperText.NormalizeWhitespace(abstractText),
            Authors = parsedAuthors is { Count: > 0 } ? parsedAuthors : AuthorList.Parse(values[Authors]),
            Published = paperVersions.Count > 0 ? paperVersions[0].Created : null,
            Updated = paperVersions.Count > 0 ? paperVersions[paperVersions.Count - 1].Created : null,
            Categories = categoryList,
            PrimaryCategory = categoryList.Length > 0 ? categoryList[0] : null,
            Versions = paperVersions,
            Links = ArxivLinks.For(versionedId, doi),
            Comment = SourceText.NormalizeOptional(values[Comments]),
            JournalReference = SourceText.NormalizeOptional(values[JournalRef]),
            Doi = SourceText.NormalizeOptional(doi),
            ReportNumber = SourceText.NormalizeOptional(values[ReportNo]),
            License = SourceText.NormalizeOptional(values[License]),
            Submitter = SourceText.NormalizeOptional(values[Submitter]),
            Source = PaperSource.ArxivMetadata,
        };
    }

    private static string? ReadString(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw WrongType(ref reader, path, "a string"),
    };

    private static RecordException WrongType(ref Utf8JsonReader reader, string path, string expected) =>
        new("PM1072", $"$.{path} must be {expected}, not {JsonErrors.Describe(reader.TokenType)}.", reader.TokenStartIndex);

    private static List<(string Version, string? Created, long Offset)>? Versions(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref reader, "versions", "an array");
        }

        var list = new List<(string, string?, long)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var index = list.Count;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw WrongType(ref reader, $"versions[{index}]", "an object");
            }

            var start = reader.TokenStartIndex;
            string? version = null, created = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = ReadString(ref reader, $"versions[{index}].version");
                }
                else if (reader.ValueTextEquals("created"u8))
                {
                    reader.Read();
                    created = ReadString(ref reader, $"versions[{index}].created");
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (version is null)
            {
                throw new RecordException("PM1073", $"$.versions[{index}] has no \"version\".", start);
            }

            list.Add((version, created, start));
        }

        return list;
    }

    private static List<Author>? ParsedAuthors(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref reader, "authors_parsed", "an array");
        }

        var authors = new List<Author>();
        var parts = new string?[4];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var index = authors.Count;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw WrongType(ref reader, $"authors_parsed[{index}]", "an array of strings");
            }

            Array.Clear(parts, 0, parts.Length);
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var value = ReadString(ref reader, $"authors_parsed[{index}][{count}]");
                if (count < parts.Length)
                {
                    parts[count] = value;
                }

                count++;
            }

            // [keyname, forenames, suffix, affiliation?] displayed as "forenames keyname suffix".
            var name = JoinName(parts[1], parts[0], parts[2]);
            if (name.Length > 0)
            {
                authors.Add(new Author(name, SourceText.NormalizeOptional(parts[3])));
            }
        }

        return authors;
    }

    private static string JoinName(string? forenames, string? keyname, string? suffix)
    {
        var sb = new StringBuilder();
        foreach (var part in (ReadOnlySpan<string?>)[forenames, keyname, suffix])
        {
            if (part is null || part.Trim().Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(part);
        }

        return PaperText.NormalizeWhitespace(sb.ToString());
    }
}
