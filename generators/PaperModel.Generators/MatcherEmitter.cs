using System.Globalization;
using System.Text;
using PaperModel.Common.Matching;
using PaperModel.Common.Taxonomy;

namespace PaperModel.Generators;

/// <summary>
/// Emits the phrase matcher of a taxonomy as code, the way the Regex generator emits a specialised matcher: a
/// <c>GeneratedMatcher</c> subclass holding the parsed phrase tables as literals and a <c>Find</c> that switches on the
/// folded token's length and first character and compares the rest with literals, plus a <c>Classifier</c> property
/// that uses it. The tables come from the same shared code (<see cref="MatcherTables"/>) the runtime uses, so both
/// classify identically.
/// </summary>
internal static class MatcherEmitter
{
    private const string ClassifierType = "global::PaperModel.Classification.Classifier";
    private const string Span = "global::System.ReadOnlySpan<char>";

    /// <summary>
    /// The members to put inside the generated taxonomy class (after its <c>Taxonomy</c> property), one line each,
    /// indented relative to the class body with four spaces per level. <paramref name="classRef"/> is the generated
    /// class's <c>global::</c> name.
    /// </summary>
    public static IReadOnlyList<string> Members(TaxonomySpec spec, string classRef)
    {
        var tables = MatcherTables.Build(MatcherTables.Sources(spec));
        var vocabulary = tables.Vocabulary;
        var lines = new List<string>
        {
            "/// <summary>",
            "/// A classifier for this taxonomy. Its phrase matcher is generated code (parsed phrase tables and a token lookup),",
            "/// so nothing is parsed or built at start-up; it assigns exactly the topics a classifier built from the taxonomy",
            "/// file at run time assigns. <see cref=\"global::PaperModel.Classification.Classifier.WithOptions\"/> gives one with other settings.",
            "/// </summary>",
            $"public static {ClassifierType} Classifier => ClassifierHolder.Value;",
            string.Empty,
            "private static class ClassifierHolder",
            "{",
            $"    internal static readonly {ClassifierType} Value = new {ClassifierType}(new GeneratedPhraseMatcher(), null);",
            string.Empty,
            "    // An explicit static constructor keeps the type lazy: the classifier is built when first used.",
            "    static ClassifierHolder()",
            "    {",
            "    }",
            "}",
            string.Empty,
            $"/// <summary>The compiled phrase matcher: {Count(vocabulary.Length)} folded tokens, {Count(tables.Entries.Length)} phrase variants.</summary>",
            "private sealed class GeneratedPhraseMatcher : global::PaperModel.Classification.GeneratedMatcher",
            "{",
            "    internal GeneratedPhraseMatcher()",
            $"        : base({classRef}.Taxonomy, Vocabulary(), Entries(), Literals())",
            "    {",
            "    }",
            string.Empty,
            $"    public override int Find({Span} foldedToken)",
            "    {",
            "        switch (foldedToken.Length)",
            "        {",
        };

        foreach (var byLength in Enumerable.Range(0, vocabulary.Length).GroupBy(id => vocabulary[id].Length).OrderBy(g => g.Key))
        {
            lines.Add($"            case {Count(byLength.Key)}:");
            lines.Add("                switch (foldedToken[0])");
            lines.Add("                {");
            foreach (var byFirst in byLength.GroupBy(id => vocabulary[id][0]).OrderBy(g => g.Key))
            {
                lines.Add($"                    case {CharLiteral(byFirst.Key)}:");
                if (byLength.Key == 1)
                {
                    // One token per first character, and nothing left to compare.
                    lines.Add($"                        return {Count(byFirst.Single())};");
                    continue;
                }

                foreach (var id in byFirst)
                {
                    lines.Add($"                        if (Rest(foldedToken, {StringLiteral(vocabulary[id])}))");
                    lines.Add("                        {");
                    lines.Add($"                            return {Count(id)};");
                    lines.Add("                        }");
                    lines.Add(string.Empty);
                }

                lines.Add("                        return -1;");
            }

            lines.Add("                    default:");
            lines.Add("                        return -1;");
            lines.Add("                }");
        }

        lines.AddRange(
        [
            "            default:",
            "                return -1;",
            "        }",
            "    }",
            string.Empty,
            "    // The length and first character are already known to match.",
            $"    private static bool Rest({Span} token, string text)",
            "    {",
            "        for (var i = 1; i < text.Length; i++)",
            "        {",
            "            if (token[i] != text[i])",
            "            {",
            "                return false;",
            "            }",
            "        }",
            string.Empty,
            "        return true;",
            "    }",
        ]);
        AddTables(lines, tables);
        lines.Add("}");
        return lines;
    }

    /// <summary>The tables in the encoding of <see cref="MatcherTables.Encode"/>: one line per phrase variant.</summary>
    private static void AddTables(List<string> lines, MatcherTables tables)
    {
        var entries = tables.Encode(out var literals);
        lines.Add(string.Empty);
        lines.Add("    // Folded tokens; a token's id is its index.");
        AddArray(lines, "string[]", "Vocabulary", tables.Vocabulary.Select(StringLiteral).ToList(), perLine: 8);
        lines.Add(string.Empty);
        lines.Add("    // Per phrase variant: phrase index, token count n, n token ids, n exact spellings and n - 1 gaps (indexes into Literals, -1 for none).");
        lines.Add("    private static int[] Entries() => new int[]");
        lines.Add("    {");
        var position = 0;
        foreach (var entry in tables.Entries)
        {
            var length = 2 + (3 * entry.TokenIds.Length) - 1;
            var values = string.Join(", ", new ArraySegment<int>(entries, position, length).Select(Count));
            position += length;
            lines.Add($"        {values}, // {(entry.IsVeto ? "veto " : string.Empty)}{StringLiteral(entry.Phrase)}");
        }

        lines.Add("    };");
        lines.Add(string.Empty);
        lines.Add("    // Exact spellings of acronym tokens and literal gaps.");
        AddArray(lines, "string[]", "Literals", literals.Select(StringLiteral).ToList(), perLine: 8);
    }

    private static void AddArray(List<string> lines, string type, string name, IReadOnlyList<string> items, int perLine)
    {
        if (items.Count == 0)
        {
            lines.Add($"    private static {type} {name}() => new {type.Substring(0, type.Length - 2)}[0];");
            return;
        }

        lines.Add($"    private static {type} {name}() => new {type}");
        lines.Add("    {");
        for (var i = 0; i < items.Count; i += perLine)
        {
            lines.Add("        " + string.Join(", ", items.Skip(i).Take(perLine)) + ",");
        }

        lines.Add("    };");
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string CharLiteral(char c) => "'" + Escape(c, '\'') + "'";

    private static string StringLiteral(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(Escape(c, '"'));
        }

        return builder.Append('"').ToString();
    }

    // Folded tokens are letters and digits; anything outside printable ASCII is written as \uXXXX so the file is plain ASCII.
    private static string Escape(char c, char quote) =>
        c < 0x20 || c > 0x7E || c == '\\' || c == quote
            ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : c.ToString();
}
