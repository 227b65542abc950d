using System.Globalization;
using System.Text;
using PaperModel.Common.Matching;
using PaperModel.Common.Taxonomy;

namespace PaperModel.Generators;

/// <summary>
/// Emits the phrase lookup of a taxonomy as code, the way the Regex generator emits a specialised matcher: a
/// <c>TokenLookup</c> subclass whose <c>Find</c> switches on the folded token's length and first character and compares
/// the rest with literals, plus a <c>Classifier</c> property that uses it. The vocabulary and its ids come from the
/// same shared code (<see cref="MatcherTables"/>) the runtime uses, so both classify identically.
/// </summary>
internal static class MatcherEmitter
{
    private const string ClassifierType = "global::PaperModel.Classification.Classifier";
    private const string Span = "global::System.ReadOnlySpan<char>";

    /// <summary>
    /// The members to put inside the generated taxonomy class (after its <c>Taxonomy</c> property), one line each,
    /// indented relative to the class body with four spaces per level.
    /// </summary>
    public static IReadOnlyList<string> Members(TaxonomySpec spec)
    {
        var vocabulary = MatcherTables.Build(MatcherTables.Sources(spec)).Vocabulary;
        var lines = new List<string>
        {
            "/// <summary>",
            "/// A classifier for this taxonomy. Its phrase lookup is generated code, so no lookup table is built at start-up;",
            "/// it assigns exactly the topics a classifier built from the taxonomy file at run time assigns.",
            "/// </summary>",
            $"public static {ClassifierType} Classifier => ClassifierHolder.Value;",
            string.Empty,
            "private static class ClassifierHolder",
            "{",
            $"    internal static readonly {ClassifierType} Value = new {ClassifierType}(Taxonomy, new GeneratedTokenLookup(), null);",
            string.Empty,
            "    // An explicit static constructor keeps the type lazy: the classifier is built when first used.",
            "    static ClassifierHolder()",
            "    {",
            "    }",
            "}",
            string.Empty,
            $"/// <summary>The folded phrase tokens of the taxonomy ({Count(vocabulary.Length)} tokens) and their ids.</summary>",
            "private sealed class GeneratedTokenLookup : global::PaperModel.Classification.TokenLookup",
            "{",
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
            "}",
        ]);
        return lines;
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
