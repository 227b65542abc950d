using System.Globalization;
using System.Text;

namespace PaperModel.Benchmarks;

/// <summary>
/// A taxonomy file of any size for the generator comparisons: groups of ten topics (a root with nine children), each
/// topic with three keywords (one hyphenated), an acronym and a category, about what a real taxonomy such as OpenAlex's
/// topics holds per topic.
/// </summary>
public static class SyntheticTaxonomy
{
    /// <summary>The JSON text of a taxonomy with <paramref name="topics"/> topics.</summary>
    public static string Json(int topics)
    {
        var json = new StringBuilder("{\n  \"name\": \"synthetic\",\n  \"version\": \"1\",\n  \"topics\": [\n");
        for (var root = 0; root < topics; root += 10)
        {
            json.Append("    ").Append(Topic(root)).Append(", \"children\": [\n");
            var last = Math.Min(topics, root + 10);
            for (var child = root + 1; child < last; child++)
            {
                json.Append("      ").Append(Topic(child)).Append(" }").Append(child < last - 1 ? ",\n" : "\n");
            }

            json.Append("    ] }").Append(root + 10 < topics ? ",\n" : "\n");
        }

        return json.Append("  ]\n}\n").ToString();

        static string Topic(int i) => string.Create(
            CultureInfo.InvariantCulture,
            $"{{ \"id\": \"topic-{i}\", \"name\": \"Topic {i}\", \"description\": \"Synthetic topic number {i}.\", "
            + $"\"keywords\": [\"keyword {i}\", \"second-phrase {i}\", {{ \"text\": \"weak term {i}\", \"weight\": 0.5 }}], "
            + $"\"acronyms\": [\"TP{i}X\"], \"categories\": [\"cs.LG\"]");
    }
}
