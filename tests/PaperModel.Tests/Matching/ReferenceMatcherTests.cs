using System.Globalization;
using System.Text;
using PaperModel.Classification;
using PaperModel.Common.Matching;
using PaperModel.Formats;
using PaperModel.Testing;
using PaperModel.Tests.Classification;

namespace PaperModel.Tests.Matching;

/// <summary>
/// The phrase scanner against <see cref="ReferenceMatcher"/>, a direct transcription of the matching rules of
/// <c>docs/classification.md</c> written only for this test (every variant tried at every token, string comparisons,
/// no tables): the same occurrences on every title and abstract of every sample file and on random texts.
/// </summary>
public class ReferenceMatcherTests
{
    private static readonly Lazy<(MatcherTables Tables, ReferenceMatcher Reference)> Default = new(() =>
    {
        var phrases = Classifier.Sources(Taxonomy.LoadFile(RepoPaths.DefaultTaxonomy).Topics).ToList();
        return (MatcherTables.Build(phrases), new ReferenceMatcher(phrases));
    });

    [Theory]
    [MemberData(nameof(GeneratedTaxonomyTests.SampleFiles), MemberType = typeof(GeneratedTaxonomyTests))]
    public void Scanner_finds_what_the_reference_finds_in_every_sample_paper(string sample)
    {
        var (tables, reference) = Default.Value;
        foreach (var paper in PaperReader.ReadFile(RepoPaths.Sample(sample)).Papers)
        {
            foreach (var text in new[] { paper.Title, paper.Abstract })
            {
                Found(tables, text).Should().Equal(reference.Find(text), text);
            }
        }
    }

    [Fact]
    public void Samples_exercise_the_comparison()
    {
        var (tables, _) = Default.Value;
        var papers = PaperReader.ReadFile(RepoPaths.DailyPapersPage).Papers;

        papers.Sum(p => Found(tables, p.Abstract).Count).Should().BeGreaterThan(500, "the page's abstracts are full of taxonomy phrases");
    }

    [Fact]
    public void Scanner_finds_what_the_reference_finds_in_random_texts()
    {
        var (tables, reference) = Default.Value;
        var random = new Random(20261201);
        var words = VocabularyOfTheTest(random);
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            var text = RandomText(random, words);
            var expected = reference.Find(text);
            Found(tables, text).Should().Equal(expected, text);
            found += expected.Count;
        }

        found.Should().BeGreaterThan(1000, "random texts built from phrase words must contain phrases");
    }

    [Fact]
    public void Scanner_and_reference_agree_on_hand_picked_edge_cases()
    {
        var phrases = new List<PhraseSource>
        {
            new(0, false, "mixture-of-experts", 1, PhraseKind.Keyword),
            new(0, false, "MoE", 1, PhraseKind.Keyword),
            new(1, false, "LoRA", 1, PhraseKind.Keyword),
            new(1, false, "loss", 1, PhraseKind.Keyword),
            new(1, false, "losse", 1, PhraseKind.Keyword),
            new(2, false, "(IA)^3", 1, PhraseKind.Keyword),
            new(2, false, "routing strategy", 1, PhraseKind.Keyword),
            new(2, false, "Llama Guard", 1, PhraseKind.Acronym),
            new(3, false, "naïve", 1, PhraseKind.Keyword),
            new(3, false, "straße", 1, PhraseKind.Keyword),
            new(4, false, "GPT3", 1, PhraseKind.Keyword),
            new(4, false, "WASP12", 1, PhraseKind.Keyword),
            new(4, false, "3DGS", 1, PhraseKind.Keyword),
            new(4, false, "ORM", 1, PhraseKind.Acronym),
            new(5, false, "mixture of * expert", 1, PhraseKind.Keyword),
            new(5, false, "* gated * MoE layer", 1, PhraseKind.Keyword),
        };
        var tables = MatcherTables.Build(phrases);
        var reference = new ReferenceMatcher(phrases);
        string[] texts =
        [
            "DeepSeekMoE and JetMoEs, AdaLoRA, LongLoRA, MoELoRA, LoRAShear, QLoRA, OLMoE, ExPLoRAs; not XLoRAShear, MoEfication, NORM or STORMs.",
            "Mixture \u2013 of experts, mixtureofexperts, mixture--of experts, MIXTURE-OF-EXPERTS, mixtures-of-experts.",
            "losses, LOSSES, Losse, lossy; (IA)^3 and (IA) ^3; routing strategies; Llama Guards, llama guard.",
            "NAÏVE naïvely, STRASSE Straße, fıne, 𝐋oRA, e\u0301LoRA, \u4e2dLoRA, LoRA\u0301, İLoRA.",
            "MoE-based LoRA-style MoEs LoRAs LoRAss lora LORA LoRa",
            "GPT35 GPT3Turbo InstructGPT3 WASP12b WASP121 13DGS 3DGS",
            "mixture of heterogeneous grouped experts, Mixture-of-Spatial-Experts, mixture of a b c experts, mixture of experts",
            "mixture of a b c d experts, mixture of one, two experts, mixture of (big) experts, mixture of expert experts",
            "gated sparse MoE layers, gated MoELoRA layer, gated x y z MoE layer, gated MoE layer",
            string.Empty,
            "  -  ",
        ];

        foreach (var text in texts)
        {
            Found(tables, text).Should().Equal(reference.Find(text), text);
        }
    }

    private static List<string> Found(MatcherTables tables, string text)
    {
        var occurrences = new ScanBuffer<Occurrence>();
        PhraseScanner.Scan(text, tables, new ScanBuffer<TokenHit>(), occurrences);
        return [.. occurrences.Items.ToArray()
            .Select(o => ReferenceMatcher.Describe(tables.Entries[o.Entry].PhraseIndex, o.Start, o.Length))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Words of the default taxonomy's phrases and of the sample page, in several spellings.</summary>
    private static List<string> VocabularyOfTheTest(Random random)
    {
        var taxonomy = Taxonomy.LoadFile(RepoPaths.DefaultTaxonomy);
        var words = taxonomy.Topics.SelectMany(t => t.Phrases.Concat(t.Vetoes))
            .SelectMany(p => p.Text.Split(' ', '-'))
            .Where(w => w.Length > 0)
            .ToList();
        words.AddRange(PaperReader.ReadFile(RepoPaths.DailyPapersPage).Papers.Take(5).SelectMany(p => p.Abstract.Split(' ')));
        words.AddRange(["Deep", "Seek", "Jet", "Ada", "Long", "Q", "OLM", "naïve", "Straße", "ſ", "ı", "中", "\u0301", "𝐋", "İ", "K", "s", "es", "ies"]);
        return words;
    }

    private static string RandomText(Random random, List<string> words)
    {
        string[] gaps = [" ", " ", " ", " ", "-", " - ", "--", "", "\u2013", ", ", "\n", "  ", "/", "\u00AD", ")^"];
        var text = new StringBuilder();
        var count = random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            var word = words[random.Next(words.Count)];
            word = random.Next(8) switch
            {
                0 => word.ToUpperInvariant(),
                1 => word.ToLowerInvariant(),
                2 => word + "s",
                3 => word + "es",
                4 => word.Length > 1 && word.EndsWith('y') ? word[..^1] + "ies" : word,
                5 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word),
                _ => word,
            };
            text.Append(word);
            if (i < count - 1)
            {
                text.Append(gaps[random.Next(gaps.Length)]);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The documented rules, transcribed as directly as possible: split the text into tokens, and at every token try
    /// every variant of every phrase; then look for camel-case acronyms inside every token.
    /// </summary>
    private sealed class ReferenceMatcher
    {
        private readonly List<(int Index, PhrasePattern Pattern)> _variants = [];

        public ReferenceMatcher(IReadOnlyList<PhraseSource> phrases)
        {
            for (var i = 0; i < phrases.Count; i++)
            {
                foreach (var pattern in PhrasePattern.Parse(phrases[i].Text, phrases[i].Kind))
                {
                    _variants.Add((i, pattern));
                }
            }
        }

        public static string Describe(int phrase, int start, int length) =>
            string.Create(CultureInfo.InvariantCulture, $"{phrase}@{start:D6}+{length}");

        public List<string> Find(string text)
        {
            var tokens = Tokens(text);
            var found = new List<string>();
            for (var t = 0; t < tokens.Count; t++)
            {
                foreach (var (index, pattern) in _variants)
                {
                    if (MatchesAt(text, tokens, t, pattern) is var end and >= 0)
                    {
                        var last = tokens[end];
                        found.Add(Describe(index, tokens[t].Start, last.Start + last.Length - tokens[t].Start));
                    }
                }

                foreach (var (index, pattern) in _variants)
                {
                    if (pattern.Folded.Length == 1 && pattern.Exact[0] is { Length: >= 3 } acronym)
                    {
                        found.AddRange(Embedded(text, tokens[t], acronym).Select(m => Describe(index, m.Start, m.Length)));
                    }
                }
            }

            found.Sort(StringComparer.Ordinal);
            return found;
        }

        private static List<(int Start, int Length, string Text, string Upper)> Tokens(string text)
        {
            var tokens = new List<(int Start, int Length, string Text, string Upper)>();
            var i = 0;
            while (i < text.Length)
            {
                if (!char.IsLetterOrDigit(text, i))
                {
                    i++;
                    continue;
                }

                var start = i;
                i += Width(text, i);
                while (i < text.Length && (char.IsLetterOrDigit(text, i) || IsMark(text, i)))
                {
                    i += Width(text, i);
                }

                var token = text[start..i];
                tokens.Add((start, i - start, token, new string([.. token.Select(char.ToUpperInvariant)])));
            }

            return tokens;

            static int Width(string s, int at) => char.IsSurrogatePair(s, at) ? 2 : 1;

            static bool IsMark(string s, int at) => CharUnicodeInfo.GetUnicodeCategory(s, at)
                is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
        }

        /// <summary>The index of the last text token of a match of <paramref name="pattern"/> at token <paramref name="t"/>, or -1.</summary>
        private static int MatchesAt(string text, List<(int Start, int Length, string Text, string Upper)> tokens, int t, PhrasePattern pattern)
        {
            if (!TokenMatches(tokens[t].Text, tokens[t].Upper, pattern.Folded[0], pattern.Exact[0]))
            {
                return -1;
            }

            var at = t;
            for (var j = 1; j < pattern.Folded.Length; j++)
            {
                // A word gap: the nearest matching token one to MaxGapWords words on, with only joiners in between.
                var wordGap = pattern.Gaps[j - 1] == PhrasePattern.WordGap;
                var next = -1;
                for (var q = at + (wordGap ? 2 : 1); q <= Math.Min(tokens.Count - 1, at + (wordGap ? 1 + PhrasePattern.MaxGapWords : 1)); q++)
                {
                    var (start, _, token, upper) = tokens[q];
                    var previousEnd = tokens[at].Start + tokens[at].Length;
                    var gap = text[previousEnd..start];
                    var ok = TokenMatches(token, upper, pattern.Folded[j], pattern.Exact[j]) && (wordGap
                        ? Enumerable.Range(at, q - at).All(g => IsJoiner(text[(tokens[g].Start + tokens[g].Length)..tokens[g + 1].Start]))
                        : pattern.Gaps[j - 1] is { } literal ? gap == literal : IsJoiner(gap));
                    if (ok)
                    {
                        next = q;
                        break;
                    }
                }

                if (next < 0)
                {
                    return -1;
                }

                at = next;
            }

            return at;

            static bool IsJoiner(string gap) =>
                gap.All(c => char.IsWhiteSpace(c) || "-\u2010\u2011\u2012\u2013\u2212\u00AD".Contains(c))
                && gap.Count(c => !char.IsWhiteSpace(c)) <= 1;
        }

        private static bool TokenMatches(string token, string upper, string folded, string? exact)
        {
            if (exact is not null)
            {
                return token == exact || (token == exact + "s" && folded.Length >= 2 && folded[^1] != 'S');
            }

            if (upper == folded)
            {
                return true;
            }

            var last = folded[^1];
            return folded.Length >= 2
                && ((last != 'S' && upper == folded + "S")
                    || ((last is 'S' or 'X' or 'Z' || folded.EndsWith("CH", StringComparison.Ordinal) || folded.EndsWith("SH", StringComparison.Ordinal)) && upper == folded + "ES")
                    || (folded.Length >= 3 && last == 'Y' && upper == folded[..^1] + "IES"));
        }

        private static IEnumerable<(int Start, int Length)> Embedded(string text, (int Start, int Length, string Text, string Upper) token, string acronym)
        {
            var end = token.Start + token.Length;
            if (!text.Substring(token.Start + 1, token.Length - 1).Any(char.IsUpper))
            {
                yield break;
            }

            for (var p = token.Start; p + acronym.Length <= end; p++)
            {
                if (string.CompareOrdinal(text, p, acronym, 0, acronym.Length) != 0)
                {
                    continue;
                }

                var q = p + acronym.Length;
                var plural = q == end - 1 && text[q] == 's';
                var afterCapital = p > token.Start && char.IsUpper(text[p - 1]) && (q == end || plural) && char.IsUpper(acronym[0]) && acronym.Any(char.IsLower);
                var leftOk = p == token.Start || char.IsLower(text[p - 1]) || (char.IsDigit(text[p - 1]) && !char.IsDigit(acronym[0])) || afterCapital;
                var rightOk = q == end || plural || (char.IsDigit(acronym[^1]) ? !char.IsDigit(text[q]) : char.IsUpper(text[q]) || char.IsDigit(text[q]));
                if (leftOk && rightOk && !(p == token.Start && (q == end || plural)))
                {
                    yield return (p, acronym.Length + (plural ? 1 : 0));
                }
            }
        }
    }
}
