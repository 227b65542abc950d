using System.Buffers;
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

    // Every key read, as UTF-8, with its index, by the name's length.
    private static readonly (byte[] Name, int Key)[][] KeysByLength = ByLength(
        [.. StringKeyNames.Select(static (k, i) => (Encoding.UTF8.GetBytes(k), i)), ("versions"u8.ToArray(), VersionsKey), ("authors_parsed"u8.ToArray(), AuthorsParsedKey)]);

    // No escaped name longer than this unescapes to a key above (six bytes per escaped character at most).
    private const int MaxEscapedKeyBytes = 128;

    private static int IndexOfKey(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence ? IndexOfKey(reader.ValueSpan) : IndexOfEscapedKey(ref reader);

    // Apart, so that the common path does not clear the stack buffer on every call.
    private static int IndexOfEscapedKey(ref Utf8JsonReader reader)
    {
        if (JsonText.TokenLength(ref reader) > MaxEscapedKeyBytes)
        {
            return OtherKey;
        }

        Span<byte> name = stackalloc byte[MaxEscapedKeyBytes];
        return IndexOfKey(name.Slice(0, reader.CopyString(name)));
    }

    private static int IndexOfKey(ReadOnlySpan<byte> name)
    {
        if (name.Length < KeysByLength.Length)
        {
            foreach (var (key, index) in KeysByLength[name.Length])
            {
                if (name.SequenceEqual(key))
                {
                    return index;
                }
            }
        }

        return OtherKey;
    }

    private static (byte[] Name, int Key)[][] ByLength((byte[] Name, int Key)[] keys) =>
        [.. Enumerable.Range(0, keys.Max(static k => k.Name.Length) + 1).Select(length => keys.Where(k => k.Name.Length == length).ToArray())];

    /// <summary>
    /// Parses a line, reporting to <paramref name="sink"/> at offsets of the line. Throws <see cref="JsonException"/> for
    /// invalid JSON and the sink's <see cref="RecordRejectedException"/> for a record that cannot be read.
    /// </summary>
    public static Paper Parse(ReadOnlySpan<byte> line, ProblemSink sink)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw sink.Reject(ReadProblems.MetadataNotAnObject, reader.TokenStartIndex, JsonErrors.Describe(reader.TokenType));
        }

        var values = new string?[StringKeyNames.Length];
        string[] categoryList = [];
        long idOffset = 0;
        var versions = default(VersionsRead);
        List<Author>? parsedAuthors = null;

        // The free-text author list is used only when authors_parsed (which comes after it) gives no author: it is
        // checked where it stands, as reading it would, and read at the end only if it is needed.
        var authorsText = default(Utf8JsonReader);
        var hasAuthorsText = false;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = IndexOfKey(ref reader);
            reader.Read();
            if (key == Authors && reader.TokenType == JsonTokenType.String)
            {
                Check(ref reader, StringKeyNames[key], sink);
                authorsText = reader;
                hasAuthorsText = true;
            }
            else if (key >= 0)
            {
                idOffset = key == Id ? reader.TokenStartIndex : idOffset;
                hasAuthorsText = hasAuthorsText && key != Authors;

                // Every value but the id is stored whitespace-normalised: normalise it while reading it. Categories and
                // licences repeat from paper to paper: their strings are shared.
                if (key == Categories)
                {
                    categoryList = ReadList(ref reader, StringKeyNames[key], sink);
                }
                else
                {
                    values[key] = key == Id ? ReadString(ref reader, StringKeyNames[key], sink) : ReadNormalized(ref reader, StringKeyNames[key], sink, shared: key == License);
                }
            }
            else if (key == VersionsKey)
            {
                versions = Versions(ref reader, sink);
            }
            else if (key == AuthorsParsedKey)
            {
                parsedAuthors = ParsedAuthors(ref reader, sink);
            }
            else
            {
                // update_date (a metadata date, neither version date) and keys added in the future.
                reader.Skip();
            }
        }

        string? id = values[Id], title = values[Title], doi = values[Doi], abstractText = values[Abstract];

        // Anything after the object (a second value, or the missing end of a cut line) is invalid JSON.
        reader.Read();

        if (id is null)
        {
            throw sink.Reject(ReadProblems.MetadataMissingId, -1);
        }

        if (!ArxivId.TryParse(id, out var arxivId) || arxivId.HasVersion)
        {
            throw sink.Reject(ReadProblems.MetadataBadId, idOffset, id);
        }

        if (title is null)
        {
            throw sink.Reject(ReadProblems.MetadataMissingTitle, -1, id);
        }

        // As if the versions were checked in order: a bad date is a warning (the first only) when it comes before the first bad version.
        if (versions.BadDate is { } badDate && (versions.BadVersion is null || badDate.Index < versions.BadVersion.Value.Index))
        {
            sink.Report(ReadProblems.MetadataBadDate, badDate.Offset, badDate.Text, id, badDate.Version);
        }

        if (versions.BadVersion is { } badVersion)
        {
            throw sink.Reject(ReadProblems.MetadataBadVersion, badVersion.Offset, badVersion.Text, id);
        }

        var latest = versions.Latest;
        var versionedId = latest > 0 ? arxivId.WithVersion(latest) : arxivId;
        return new Paper(CanonicalId(arxivId, id), title)
        {
            ArxivId = versionedId,
            Abstract = abstractText ?? string.Empty,
            Authors = parsedAuthors is { Count: > 0 } ? parsedAuthors
                : AuthorList.Parse(hasAuthorsText ? ReadNormalized(ref authorsText, StringKeyNames[Authors], sink) : values[Authors]),
            Published = versions.List is { Count: > 0 } list ? list[0].Created : null,
            Updated = versions.List is { Count: > 0 } last ? last[last.Count - 1].Created : null,
            Categories = categoryList,
            PrimaryCategory = categoryList.Length > 0 ? categoryList[0] : null,
            Versions = versions.List ?? [],
            Links = ArxivLinks.For(versionedId, doi),
            Comment = Optional(values[Comments]),
            JournalReference = Optional(values[JournalRef]),
            Doi = Optional(doi),
            ReportNumber = Optional(values[ReportNo]),
            License = Optional(values[License]),
            Submitter = Optional(values[Submitter]),
            Source = PaperSource.ArxivMetadata,
        };
    }

    // The id's canonical text: the one read when it is written so (as nearly always), without a second string.
    private static string CanonicalId(ArxivId arxivId, string text)
    {
        Span<char> formatted = stackalloc char[ArxivId.MaxStackLength];
        return arxivId.TryFormatCore(formatted, out var length) && formatted.Slice(0, length).SequenceEqual(text.AsSpan()) ? text : arxivId.ToString();
    }

    // The strings were normalised as they were read: blank ones are empty.
    private static string? Optional(string? normalized) => string.IsNullOrEmpty(normalized) ? null : normalized;

    private static string? ReadString(ref Utf8JsonReader reader, string path, ProblemSink sink) => reader.TokenType switch
    {
        JsonTokenType.String => Decode(ref reader, path, sink, static (ref r) => r.GetString()!),
        JsonTokenType.Null => null,
        _ => throw WrongType(ref reader, path, "a string", sink),
    };

    private static string? ReadNormalized(ref Utf8JsonReader reader, string path, ProblemSink sink, bool shared = false) => reader.TokenType switch
    {
        JsonTokenType.String => shared
            ? Decode(ref reader, path, sink, static (ref r) => JsonText.ReadNormalizedShared(ref r))
            : Decode(ref reader, path, sink, static (ref r) => JsonText.ReadNormalized(ref r)),
        JsonTokenType.Null => null,
        _ => throw WrongType(ref reader, path, "a string", sink),
    };

    private static string[] ReadList(ref Utf8JsonReader reader, string path, ProblemSink sink) => reader.TokenType switch
    {
        JsonTokenType.String => Decode(ref reader, path, sink, static (ref r) => JsonText.ReadList(ref r)),
        JsonTokenType.Null => [],
        _ => throw WrongType(ref reader, path, "a string", sink),
    };

    private delegate T TokenReader<out T>(ref Utf8JsonReader reader);

    // The reader checks a string's syntax, not its text: invalid UTF-8 or a lone surrogate escape fails only here.
    private static T Decode<T>(ref Utf8JsonReader reader, string path, ProblemSink sink, TokenReader<T> read)
    {
        try
        {
            return read(ref reader);
        }
        catch (InvalidOperationException)
        {
            throw InvalidText(ref reader, path, sink);
        }
    }

    // Whether the current string token is text, without making a string of it.
    private static void Check(ref Utf8JsonReader reader, string path, ProblemSink sink)
    {
        try
        {
            JsonText.Check(ref reader);
        }
        catch (InvalidOperationException)
        {
            throw InvalidText(ref reader, path, sink);
        }
    }

    private static RecordRejectedException InvalidText(ref Utf8JsonReader reader, string path, ProblemSink sink) =>
        sink.Reject(ReadProblems.MetadataInvalidJson, reader.TokenStartIndex, $"$.{path} is not valid UTF-8 text (invalid bytes or a lone surrogate escape such as \\ud800).");

    /// <summary>
    /// What <c>versions</c> gives: the versions that could be read, in order, the latest number, and the first version
    /// and the first date that could not be read (their text, where they are, and the index of their element).
    /// </summary>
    private struct VersionsRead
    {
        public List<PaperVersion>? List;
        public int Latest;
        public (int Index, long Offset, string Text)? BadVersion;
        public (int Index, long Offset, string Text, string Version)? BadDate;
    }

    private static RecordRejectedException WrongType(ref Utf8JsonReader reader, string path, string expected, ProblemSink sink) =>
        sink.Reject(ReadProblems.MetadataWrongType, reader.TokenStartIndex, path, expected, JsonErrors.Describe(reader.TokenType));

    private static VersionsRead Versions(ref Utf8JsonReader reader, ProblemSink sink)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref reader, "versions", "an array", sink);
        }

        var read = new VersionsRead { List = [] };
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw WrongType(ref reader, $"versions[{index}]", "an object", sink);
            }

            var start = reader.TokenStartIndex;
            string? version = null, badDate = null;
            var number = 0;
            var hasVersion = false;
            DateTimeOffset? created = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        throw WrongType(ref reader, $"versions[{index}].version", "a string", sink);
                    }

                    hasVersion = reader.TokenType == JsonTokenType.String;
                    if (!hasVersion || IsPlainVersion(ref reader, out number))
                    {
                        // The plain form ("v2") is read without a string.
                        version = null;
                    }
                    else
                    {
                        version = reader.GetString()!;
                        number = TryVersionNumber(Encoding.UTF8.GetBytes(version), out var parsed) ? parsed : 0;
                    }
                }
                else if (reader.ValueTextEquals("created"u8))
                {
                    reader.Read();
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        throw WrongType(ref reader, $"versions[{index}].created", "a string", sink);
                    }

                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        created = null;
                        badDate = null;
                    }
                    else
                    {
                        created = Date(ref reader, out badDate);
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!hasVersion)
            {
                throw sink.Reject(ReadProblems.MetadataMissingVersion, start, index);
            }

            if (number == 0)
            {
                read.BadVersion ??= (index, start, version!);
            }
            else
            {
                read.List.Add(new PaperVersion(number, created));
                read.Latest = Math.Max(read.Latest, number);
            }

            if (badDate is not null)
            {
                read.BadDate ??= (index, start, badDate, version ?? $"v{number}");
            }
        }

        return read;
    }

    // "v" or "V" and the ASCII digits of a number from 1 to ArxivId.MaxVersion (leading zeros allowed).
    private static bool TryVersionNumber(ReadOnlySpan<byte> text, out int number)
    {
        number = 0;
        if (text.Length < 2 || (text[0] != (byte)'v' && text[0] != (byte)'V'))
        {
            return false;
        }

        foreach (var digit in text.Slice(1))
        {
            if (digit is < (byte)'0' or > (byte)'9' || (number = (number * 10) + (digit - '0')) > ArxivId.MaxVersion)
            {
                return false;
            }
        }

        return number >= 1;
    }

    // A version written "v" and its number without leading zeros, so that $"v{number}" gives its text back.
    private static bool IsPlainVersion(ref Utf8JsonReader reader, out int number)
    {
        number = 0;
        return !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan is [(byte)'v', not (byte)'0', ..] && TryVersionNumber(reader.ValueSpan, out number);
    }

    // A version date read from the token's characters without a string; the text itself only when it is no date.
    private static DateTimeOffset? Date(ref Utf8JsonReader reader, out string? badDate)
    {
        const int MaxChars = 64;
        var length = JsonText.TokenLength(ref reader);
        var buffer = length <= MaxChars ? stackalloc char[MaxChars] : default;
        ReadOnlySpan<char> text = length <= MaxChars ? buffer.Slice(0, reader.CopyString(buffer)) : reader.GetString().AsSpan();
        if (InputText.TryParseRfc1123Date(text, out var date))
        {
            badDate = null;
            return date;
        }

        badDate = text.ToString();
        return null;
    }

    private static List<Author>? ParsedAuthors(ref Utf8JsonReader reader, ProblemSink sink)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref reader, "authors_parsed", "an array", sink);
        }

        var authors = new List<Author>();
        var text = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            // Where each of [keyname, forenames, suffix] was normalised into the text buffer (UTF-8).
            Span<int> starts = stackalloc int[3];
            Span<int> lengths = stackalloc int[3];
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var index = authors.Count;
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw WrongType(ref reader, $"authors_parsed[{index}]", "an array of strings", sink);
                }

                lengths.Clear();
                string? affiliation = null;
                var used = 0;
                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        throw WrongType(ref reader, $"authors_parsed[{index}][{count}]", "a string", sink);
                    }

                    if (reader.TokenType == JsonTokenType.String)
                    {
                        // Every part is unescaped and normalised (so checked), also those that are not kept.
                        var length = JsonText.TokenLength(ref reader);
                        EnsureRoom(ref text, used, used + length);
                        int normalized;
                        try
                        {
                            normalized = JsonText.CopyNormalized(ref reader, text.AsSpan(used, length));
                        }
                        catch (InvalidOperationException)
                        {
                            throw InvalidText(ref reader, $"authors_parsed[{index}][{count}]", sink);
                        }

                        if (count < 3)
                        {
                            starts[count] = used;
                            lengths[count] = normalized;
                            used += normalized;
                        }
                        else if (count == 3 && normalized > 0)
                        {
                            affiliation = JsonText.ToText(text.AsSpan(used, normalized));
                        }
                    }

                    count++;
                }

                // [keyname, forenames, suffix, affiliation?] displayed as "forenames keyname suffix", blank parts left out.
                var name = JoinName(ref text, used, starts, lengths);
                if (name.Length > 0)
                {
                    authors.Add(new Author(name, affiliation));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
        }

        return authors;
    }

    // One string for "forenames keyname suffix", joined after the parts in the text buffer.
    private static string JoinName(ref byte[] text, int used, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
    {
        EnsureRoom(ref text, used, used + lengths[0] + lengths[1] + lengths[2] + 2);
        var write = used;
        Append(text, starts[1], lengths[1], used, ref write);
        Append(text, starts[0], lengths[0], used, ref write);
        Append(text, starts[2], lengths[2], used, ref write);
        return JsonText.ToText(text.AsSpan(used, write - used));
    }

    // Appends a non-blank part to a name being written from used on, after a space unless it is the first.
    private static void Append(byte[] text, int start, int length, int used, ref int write)
    {
        if (length == 0)
        {
            return;
        }

        if (write > used)
        {
            text[write++] = (byte)' ';
        }

        Array.Copy(text, start, text, write, length);
        write += length;
    }

    // Grows the pooled text buffer to hold at least needed bytes, keeping the first used.
    private static void EnsureRoom(ref byte[] text, int used, int needed)
    {
        if (needed <= text.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2 * text.Length));
        Array.Copy(text, larger, used);
        ArrayPool<byte>.Shared.Return(text);
        text = larger;
    }
}
