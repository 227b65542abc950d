using System.Text.RegularExpressions;

namespace PaperModel.Generators.Tests;

/// <summary>
/// Broken (and merely suspicious) taxonomy files. Each expected problem is marked in the text with <c>^PM0000^</c> just
/// before the token it must point at; the marker is removed before the text is used, and the expected line and column
/// are computed from where it stood, so no expected position is copied from the reader's output.
/// </summary>
internal static partial class BrokenTaxonomies
{
    private const string Head = """
        {
          "name": "t",
          "version": "1",
        """;

    public static IReadOnlyDictionary<string, string> Cases { get; } = new Dictionary<string, string>
    {
        ["missing comma"] = """
            {
              "name": "t",
              "version": "1"
              ^PM0001^"topics": []
            }
            """,
        ["empty file"] = "^PM0001^",
        ["trailing comma"] = Head + """

              "topics": [ { "id": "a", "name": "A" }^PM0001^, ]
            }
            """,
        ["unterminated string"] = Head + """

              "topics": [ { "name": "A", "id": ^PM0001^"a
              } ]
            }
            """,
        ["too deeply nested JSON"] = "{ \"x\": " + string.Concat(Enumerable.Repeat("[", 63)) + "^PM0001^[",
        ["root is not an object"] = "^PM0004^[ { \"id\": \"a\", \"name\": \"A\" } ]",
        ["missing name and version"] = """
            ^PM0003^^PM0003^{
              "topics": [ { "id": "a", "name": "A" } ]
            }
            """,
        ["topic without name"] = Head + """

              "topics": [ ^PM0003^{ "id": "a" } ]
            }
            """,
        ["topic is a string"] = Head + """

              "topics": [ ^PM0004^"peft", { "id": "a", "name": "A" } ]
            }
            """,
        ["acronyms is a string"] = Head + """

              "topics": [ { "id": "lora", "name": "LoRA", "acronyms": ^PM0004^"LoRA" } ]
            }
            """,
        ["unknown property (warning)"] = Head + """

              "topics": [ { "id": "lora", "name": "LoRA", ^PM0005^"keywrds": ["low-rank"] } ]
            }
            """,
        ["id with underscore and capitals"] = Head + """

              "topics": [ { "id": ^PM0006^"Scaling_Laws", "name": "Scaling laws" } ]
            }
            """,
        ["id with double hyphen"] = Head + """

              "topics": [ { "id": ^PM0006^"scaling--laws", "name": "Scaling laws" } ]
            }
            """,
        ["duplicate id across levels"] = Head + """

              "topics": [
                { "id": "adapters", "name": "Adapters" },
                { "id": "peft", "name": "PEFT", "children": [ { "id": ^PM0007^"adapters", "name": "Adapters" } ] }
              ]
            }
            """,
        ["empty phrases"] = Head + """

              "topics": [ { "id": "a", "name": "A", "keywords": ["x", ^PM0008^"  "], "vetoes": [^PM0008^"-"] } ]
            }
            """,
        ["phrase shared by siblings (warning)"] = Head + """

              "topics": [ { "id": "p", "name": "P", "children": [
                { "id": "lora", "name": "LoRA", "keywords": ["low-rank"] },
                { "id": "dora", "name": "DoRA", "keywords": [^PM0009^"Low Rank"] } ] } ]
            }
            """,
        ["nine levels"] = Head + """

              "topics": [ { "id": "l1", "name": "1", "children": [ { "id": "l2", "name": "2", "children": [
                { "id": "l3", "name": "3", "children": [ { "id": "l4", "name": "4", "children": [
                { "id": "l5", "name": "5", "children": [ { "id": "l6", "name": "6", "children": [
                { "id": "l7", "name": "7", "children": [ { "id": "l8", "name": "8", "children": [
                { "id": ^PM0010^"l9", "name": "9" } ] } ] } ] } ] } ] } ] } ] } ] } ]
            }
            """,
        ["weight out of range"] = Head + """

              "topics": [ { "id": "a", "name": "A", "keywords": [{ "text": "x", "weight": ^PM0011^1.5 }, { "text": "y", "weight": ^PM0011^0 }] } ]
            }
            """,
        ["threshold, category and veto kind"] = Head + """

              "topics": [ { "id": "a", "name": "A", "threshold": ^PM0011^-0.1, "categories": [^PM0011^"cs CL"],
                "vetoes": [{ "text": "x", "kind": ^PM0011^"regex" }] } ]
            }
            """,
        ["no topics"] = Head + """

              "topics": ^PM0011^[]
            }
            """,
        ["duplicate property"] = Head + """

              "topics": [ { "id": "a", "name": "A", ^PM0012^"name": "B" } ]
            }
            """,
        ["phrase twice in a topic (warning)"] = Head + """

              "topics": [ { "id": "moe", "name": "MoE", "keywords": ["mixture of experts"], "aliases": [^PM0013^"Mixture-of-Experts"] } ]
            }
            """,
        ["stars that are not word gaps"] = Head + """

              "topics": [ { "id": "moe", "name": "MoE", "keywords": ["mixture of * experts", ^PM0014^"* experts", ^PM0014^"mixture *"],
                "acronyms": [^PM0014^"MoE ** layer"], "aliases": [{ "text": ^PM0014^"mixture * * experts", "weight": 0.5 }],
                "vetoes": [^PM0014^"mixture*", { "text": ^PM0014^"gaussian *mixture", "kind": "keyword" }] } ]
            }
            """,
        ["id starting with a digit"] = Head + """

              "topics": [ { "id": ^PM0020^"3d-vision", "name": "3D vision" } ]
            }
            """,
        ["member name is a keyword"] = Head + """

              "topics": [ { "id": "classes", "name": "Classes", "memberName": ^PM0020^"class" } ]
            }
            """,
        ["two ids give one name"] = Head + """

              "topics": [ { "id": "gpt-4", "name": "GPT-4" }, { "id": ^PM0021^"gpt4", "name": "GPT 4" } ]
            }
            """,
        ["root named like a generated member"] = Head + """

              "topics": [ { "id": ^PM0021^"all", "name": "All" }, { "id": ^PM0021^"topic-id", "name": "Ids" } ]
            }
            """,
        ["child named like a Topic member"] = Head + """

              "topics": [ { "id": "a", "name": "A", "children": [ { "id": ^PM0021^"parent", "name": "Parent" } ] } ]
            }
            """,
        ["root named like the class"] = """
            {
              "name": "t",
              "version": "1",
              "className": "Topics",
              "topics": [ { "id": ^PM0021^"topics", "name": "Topics" } ]
            }
            """,
        ["class name with a space"] = """
            {
              "name": "t",
              "version": "1",
              "className": ^PM0022^"My Topics",
              "topics": [ { "id": "a", "name": "A" } ]
            }
            """,
        ["namespace part is a keyword"] = """
            {
              "name": "t",
              "version": "1",
              "namespace": ^PM0022^"My.namespace.Topics",
              "topics": [ { "id": "a", "name": "A" } ]
            }
            """,
    };

    /// <summary>A case's text without markers, and the expected (code, line, column) in text order.</summary>
    public static (string Json, (string Code, int Line, int Column)[] Expected) Get(string name)
    {
        var marked = Cases[name];
        var expected = new List<(string, int, int)>();
        var json = new System.Text.StringBuilder();
        var last = 0;
        foreach (Match match in Marker().Matches(marked))
        {
            json.Append(marked, last, match.Index - last);
            last = match.Index + match.Length;
            var before = json.ToString();
            var line = before.Count(static c => c == '\n') + 1;
            var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
            expected.Add((match.Groups[1].Value, line, column));
        }

        json.Append(marked, last, marked.Length - last);
        return (json.ToString(), [.. expected]);
    }

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [GeneratedRegex(@"\^(PM\d{4})\^")]
    private static partial Regex Marker();
}
