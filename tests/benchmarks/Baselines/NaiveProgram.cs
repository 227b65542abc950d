using System.Text;
using System.Text.Json;
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

/// <summary>The output line: the record and the topics it matched.</summary>
internal sealed record ClassifiedRecord(ArxivRecord Paper, List<string> Topics);
