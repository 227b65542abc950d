using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PaperModel.Baselines;

/// <summary>The user's ten-minute program: DTO in, four regexes, DTO out.</summary>
internal static class NaiveProgram
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.IgnoreCase;

    private static readonly (string Topic, Regex Pattern)[] Topics =
    [
        ("peft", new Regex(@"\b(LoRA|QLoRA|adapters?|prompt[- ]tuning|prefix[- ]tuning|parameter[- ]efficient)\b", Options)),
        ("moe", new Regex(@"\b(mixture[- ]of[- ]experts?|MoE|sparse experts?)\b", Options)),
        ("scaling-laws", new Regex(@"\b(scaling laws?|compute[- ]optimal)\b", Options)),
        ("alignment", new Regex(@"\b(alignment|RLHF|DPO|preference optimization|reward models?)\b", Options)),
    ];

    public static void Run(string path)
    {
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var record = JsonSerializer.Deserialize<ArxivRecord>(line)!;
            var text = record.Title + "\n" + record.Abstract;
            var topics = new List<string>();
            foreach (var (topic, pattern) in Topics)
            {
                if (pattern.IsMatch(text))
                {
                    topics.Add(topic);
                }
            }

            output.WriteLine(JsonSerializer.Serialize(new ClassifiedRecord(record, topics)));
        }
    }
}

/// <summary>One line of the arXiv metadata snapshot, as a user would declare it.</summary>
internal sealed class ArxivRecord
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("submitter")]
    public string? Submitter { get; set; }

    [JsonPropertyName("authors")]
    public string? Authors { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("comments")]
    public string? Comments { get; set; }

    [JsonPropertyName("journal-ref")]
    public string? JournalRef { get; set; }

    [JsonPropertyName("doi")]
    public string? Doi { get; set; }

    [JsonPropertyName("report-no")]
    public string? ReportNo { get; set; }

    [JsonPropertyName("categories")]
    public string? Categories { get; set; }

    [JsonPropertyName("license")]
    public string? License { get; set; }

    [JsonPropertyName("abstract")]
    public string? Abstract { get; set; }

    [JsonPropertyName("versions")]
    public List<ArxivVersion>? Versions { get; set; }

    [JsonPropertyName("update_date")]
    public string? UpdateDate { get; set; }

    [JsonPropertyName("authors_parsed")]
    public List<List<string>>? AuthorsParsed { get; set; }
}

/// <summary>One element of <c>versions</c>.</summary>
internal sealed class ArxivVersion
{
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("created")]
    public string? Created { get; set; }
}

/// <summary>The output line: the record and the topics it matched.</summary>
internal sealed record ClassifiedRecord(ArxivRecord Paper, List<string> Topics);
