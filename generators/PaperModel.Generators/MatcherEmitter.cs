using System.Globalization;
using System.Text;
using PaperModel.Common.Matching;
using PaperModel.Common.Taxonomy;

namespace PaperModel.Generators;

/// <summary>
/// Emits the phrase matcher of a taxonomy as code, the way the Regex generator emits a specialised matcher: a
/// <c>GeneratedMatcher</c> subclass holding the parsed phrase tables as literals and a <c>Find</c> that switches on the
/// folded token's length and then walks a decision tree of character switches to the one candidate it compares, plus a
/// <c>Classifier</c> property that uses it. The tables come from the same shared code (<see cref="MatcherTables"/>) the runtime uses, so both
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
            "    // A switch on the length, then per length a decision tree: each node switches on the character position",
            "    // that best separates the remaining tokens, and a leaf compares the whole token once.",
            $"    public override int Find({Span} foldedToken)",
            "    {",
            "        switch (foldedToken.Length)",
            "        {",
        };

        var byLength = Enumerable.Range(0, vocabulary.Length).GroupBy(id => vocabulary[id].Length).OrderBy(g => g.Key).ToList();
        foreach (var group in byLength)
        {
            lines.Add($"            case {Count(group.Key)}:");
            lines.Add($"                return FindLength{Count(group.Key)}(foldedToken);");
        }

        lines.AddRange(
        [
            "            default:",
            "                return -1;",
            "        }",
            "    }",
        ]);

        // One method per length keeps each method small enough for the JIT to optimise fully.
        foreach (var group in byLength)
        {
            lines.Add(string.Empty);
            lines.Add($"    private static int FindLength{Count(group.Key)}({Span} token)");
            lines.Add("    {");
            AddDecision(lines, vocabulary, [.. group], new bool[group.Key], "        ");
            lines.Add("    }");
        }

        lines.AddRange(
        [
            string.Empty,
            $"    private static bool Is({Span} token, string text) =>",
            "        global::System.MemoryExtensions.SequenceEqual(token, global::System.MemoryExtensions.AsSpan(text));",
        ]);
        AddTables(lines, tables);
        lines.Add("}");
        return lines;
    }

    /// <summary>
    /// Emits the statements that find which of <paramref name="ids"/> (tokens of one length) a token is: a leaf compares
    /// the whole token with the one candidate left; a node switches on the unchecked position whose character splits
    /// the candidates into the most groups (the first such position on a tie), so the tree is the same on every build.
    /// </summary>
    private static void AddDecision(List<string> lines, string[] vocabulary, List<int> ids, bool[] checkedPositions, string indent)
    {
        if (ids.Count == 1)
        {
            lines.Add($"{indent}return Is(token, {StringLiteral(vocabulary[ids[0]])}) ? {Count(ids[0])} : -1;");
            return;
        }

        var best = -1;
        var bestGroups = 0;
        for (var position = 0; position < checkedPositions.Length; position++)
        {
            var groups = checkedPositions[position] ? 0 : ids.Select(id => vocabulary[id][position]).Distinct().Count();
            if (groups > bestGroups)
            {
                best = position;
                bestGroups = groups;
            }
        }

        // Distinct tokens of one length always differ at some unchecked position.
        checkedPositions[best] = true;
        lines.Add($"{indent}switch (token[{Count(best)}])");
        lines.Add(indent + "{");
        foreach (var branch in ids.GroupBy(id => vocabulary[id][best]).OrderBy(g => g.Key))
        {
            lines.Add($"{indent}    case {CharLiteral(branch.Key)}:");
            // A leaf is one return statement; a subtree gets a block of its own.
            var isLeaf = branch.Count() == 1;
            if (!isLeaf)
            {
                lines.Add(indent + "    {");
            }

            AddDecision(lines, vocabulary, [.. branch], checkedPositions, indent + "        ");
            if (!isLeaf)
            {
                lines.Add(indent + "    }");
            }
        }

        lines.Add($"{indent}    default:");
        lines.Add($"{indent}        return -1;");
        lines.Add(indent + "}");
        checkedPositions[best] = false;
    }

    /// <summary>The tables in the encoding of <see cref="MatcherTables.Encode"/>: one line per phrase variant.</summary>
    private static void AddTables(List<string> lines, MatcherTables tables)
    {
        var entries = tables.Encode(out var literals);
        lines.Add(string.Empty);
        lines.Add("    // Folded tokens; a token's id is its index.");
        AddStrings(lines, "Vocabulary", tables.Vocabulary);
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
        AddStrings(lines, "Literals", literals);
    }

    /// <summary>A method returning a new array of the strings, eight literals a line.</summary>
    private static void AddStrings(List<string> lines, string name, string[] items)
    {
        if (items.Length == 0)
        {
            lines.Add($"    private static string[] {name}() => new string[0];");
            return;
        }

        lines.Add($"    private static string[] {name}() => new string[]");
        lines.Add("    {");
        for (var i = 0; i < items.Length; i += 8)
        {
            lines.Add("        " + string.Join(", ", items.Skip(i).Take(8).Select(StringLiteral)) + ",");
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
