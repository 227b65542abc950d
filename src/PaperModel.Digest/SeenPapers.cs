using System.Globalization;
using System.Text.Json;

namespace PaperModel.Digest;

/// <summary>
/// The papers a digest has already listed, kept in a small JSON state file so the next digest lists only news. A paper
/// is remembered by its arXiv id without version (<see cref="PaperMerger.KeyOf"/>), so a new version of a paper sent
/// before is not news, and by <see cref="Paper.Id"/> when it has no arXiv id. Thread-safe.
/// </summary>
/// <remarks>
/// The file is one JSON object: <c>{ "seen": { "2310.12345": "2026-07-30", ... } }</c>, each key with the day it was
/// first listed. <see cref="Save"/> replaces the file in one step, so an interrupted run never leaves half a file.
/// </remarks>
public sealed class SeenPapers
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>The number of papers remembered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Reads a state file; a file that does not exist yet is an empty state.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The state.</returns>
    /// <exception cref="InvalidDataException">The file is not a state file; the message says where (<c>file(line,col): ...</c>).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SeenPapers Load(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var state = new SeenPapers();
        if (!File.Exists(path))
        {
            return state;
        }

        using var stream = File.OpenRead(path);
        try
        {
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("seen", out var seen)
                || seen.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: error: not a digest state file (expected {{ \"seen\": {{ \"<arXiv id>\": \"<date>\" }} }}).");
            }

            foreach (var property in seen.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String
                    || !DateTimeOffset.TryParse(property.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    throw new InvalidDataException($"{path}: error: the entry '{property.Name}' has no date (expected \"yyyy-MM-dd\").");
                }

                state._seen[property.Name] = date;
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): error: the state file is not valid JSON: {ex.Message}", ex);
        }

        return state;
    }

    /// <summary>Whether the paper (any version of it) has been remembered.</summary>
    /// <param name="paper">The paper.</param>
    /// <returns><see langword="true"/> when it was listed before.</returns>
    public bool Contains(Paper paper) => Contains(PaperMerger.KeyOf(paper));

    /// <summary>Whether the key (<see cref="PaperMerger.KeyOf"/>: an arXiv id without version, or a paper id) has been remembered.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when it was listed before.</returns>
    public bool Contains(string key)
    {
        lock (_gate)
        {
            return _seen.ContainsKey(key);
        }
    }

    /// <summary>Remembers every paper of a digest (keeping the first date of those already remembered).</summary>
    /// <param name="digest">The digest that was delivered.</param>
    /// <param name="when">The day it was delivered.</param>
    public void Add(PaperDigest digest, DateTimeOffset when)
    {
        if (digest is null)
        {
            throw new ArgumentNullException(nameof(digest));
        }

        lock (_gate)
        {
            foreach (var paper in digest.Papers)
            {
                if (!_seen.ContainsKey(paper.Key))
                {
                    _seen.Add(paper.Key, when);
                }
            }
        }
    }

    /// <summary>Writes the state file (creating its folder), replacing it in one step.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("seen");
            lock (_gate)
            {
                foreach (var pair in _seen.OrderBy(static p => p.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(pair.Key, pair.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

#if NET
        File.Move(temporary, full, overwrite: true);
#else
        if (File.Exists(full))
        {
            File.Replace(temporary, full, null);
        }
        else
        {
            File.Move(temporary, full);
        }
#endif
    }
}
