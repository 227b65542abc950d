using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using PaperModel.Classification;
using PaperModel.Common.Matching;

namespace PaperModel.Benchmarks;

/// <summary>
/// What a user might write instead of the classifier, each run over the same papers (title and abstract), and the
/// floor: a loop that only reads every character. Shared by <see cref="ClassifyBenchmarks"/> and the quick mode.
/// </summary>
public sealed partial class ClassifyBaselines
{
    private const RegexOptions AlternationOptions = RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly Regex _alternation;
    private readonly Regex[] _headlineRegexes;
    private readonly SearchValues<string> _phraseValues;
    private readonly FrozenDictionary<string, int> _words;

    /// <summary>Builds every baseline from the phrases of <paramref name="taxonomy"/>.</summary>
    public ClassifyBaselines(Taxonomy taxonomy)
    {
        Variants = PhraseVariants(taxonomy);
        AlternationPattern = BuildAlternation(Variants);
        _alternation = new Regex(AlternationPattern, AlternationOptions);
        _headlineRegexes =
        [
            new(@"\b(LoRA|QLoRA|adapters?|prompt[- ]tuning|prefix[- ]tuning|parameter[- ]efficient)\b", RegexOptions.Compiled | RegexOptions.IgnoreCase),
            new(@"\b(mixture[- ]of[- ]experts?|MoE|sparse experts?)\b", RegexOptions.Compiled | RegexOptions.IgnoreCase),
            new(@"\b(scaling laws?|compute[- ]optimal)\b", RegexOptions.Compiled | RegexOptions.IgnoreCase),
            new(@"\b(alignment|RLHF|DPO|preference optimization|reward models?)\b", RegexOptions.Compiled | RegexOptions.IgnoreCase),
        ];
        _phraseValues = SearchValues.Create([.. Variants], StringComparison.OrdinalIgnoreCase);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in Variants.SelectMany(static v => v.Split(' ', '-')).Where(static w => w.Length > 0))
        {
            words.TryAdd(word.ToLowerInvariant(), words.Count);
        }

        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every phrase of the taxonomy with its hyphen and space variants (a hyphenated phrase also closed up), distinct.</summary>
    public IReadOnlyList<string> Variants { get; }

    /// <summary>One pattern for all <see cref="Variants"/>: <c>\b(?:v1|v2|...)\b</c>, each allowing a plural <c>s</c>/<c>es</c>.</summary>
    public string AlternationPattern { get; }

    /// <summary>(a) One <see cref="Regex"/> alternation of every phrase variant, <c>Compiled | IgnoreCase | CultureInvariant</c>: counts matches.</summary>
    public long Alternation(Paper[] papers) => CountMatches(_alternation, papers);

    /// <summary>(b) The same alternation compiled by the Regex source generator (<see cref="DefaultTaxonomyAlternation"/>).</summary>
    public static long GeneratedAlternation(Paper[] papers) => CountMatches(DefaultTaxonomyAlternation.Regex(), papers);

    /// <summary>(c) A <see cref="SearchValues{T}"/> scan (<c>OrdinalIgnoreCase</c>) that only finds occurrences of the variants.</summary>
    public long SearchValuesScan(Paper[] papers)
    {
        long found = 0;
        foreach (var paper in papers)
        {
            found += Scan(paper.Title.AsSpan()) + Scan(paper.Abstract.AsSpan());
        }

        return found;

        long Scan(ReadOnlySpan<char> text)
        {
            long count = 0;
            int at;
            while ((at = text.IndexOfAny(_phraseValues)) >= 0)
            {
                count++;
                text = text[(at + 1)..];
            }

            return count;
        }
    }

    /// <summary>(d) Four one-line regexes (<c>Compiled | IgnoreCase</c>), one per headline topic: which of the four topics a paper has.</summary>
    public long HeadlineRegexes(Paper[] papers)
    {
        long assigned = 0;
        foreach (var paper in papers)
        {
            foreach (var regex in _headlineRegexes)
            {
                assigned += regex.IsMatch(paper.Title) || regex.IsMatch(paper.Abstract) ? 1 : 0;
            }
        }

        return assigned;
    }

    /// <summary>(e) A naive word matcher: split into words, lower-case each, look it up in a <see cref="FrozenDictionary{TKey, TValue}"/> of phrase words.</summary>
    public long NaiveWords(Paper[] papers)
    {
        long hits = 0;
        foreach (var paper in papers)
        {
            hits += Words(paper.Title) + Words(paper.Abstract);
        }

        return hits;

        long Words(string text)
        {
            long count = 0;
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    start = start < 0 ? i : start;
                }
                else if (start >= 0)
                {
                    count += _words.ContainsKey(text.Substring(start, i - start).ToLowerInvariant()) ? 1 : 0;
                    start = -1;
                }
            }

            return count;
        }
    }

    /// <summary>(f) The floor: read every character of every title and abstract once.</summary>
    public static long ReadEveryChar(Paper[] papers)
    {
        long sum = 0;
        foreach (var paper in papers)
        {
            foreach (var c in paper.Title)
            {
                sum += c;
            }

            foreach (var c in paper.Abstract)
            {
                sum += c;
            }
        }

        return sum;
    }

    /// <summary>The classifier under test, counting the topics it assigns.</summary>
    public static long Classify(Classifier classifier, Paper[] papers)
    {
        long assigned = 0;
        foreach (var paper in papers)
        {
            assigned += classifier.Classify(paper).Topics.Count;
        }

        return assigned;
    }

    /// <summary>The classifier's matcher alone, without scoring: where classification time goes.</summary>
    internal static long ScanOnly(MatcherTables tables, Paper[] papers)
    {
        var tokens = new ScanBuffer<TokenHit>();
        var occurrences = new ScanBuffer<Occurrence>();
        long found = 0;
        foreach (var paper in papers)
        {
            occurrences.Clear();
            PhraseScanner.Scan(paper.Title, tables, tokens, occurrences);
            PhraseScanner.Scan(paper.Abstract, tables, tokens, occurrences);
            found += occurrences.Count;
        }

        return found;
    }

    private static long CountMatches(Regex regex, Paper[] papers)
    {
        long count = 0;
        foreach (var paper in papers)
        {
            count += regex.Count(paper.Title) + regex.Count(paper.Abstract);
        }

        return count;
    }

    private static string[] PhraseVariants(Taxonomy taxonomy)
    {
        var variants = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var phrase in taxonomy.Topics.SelectMany(static t => t.Phrases))
        {
            variants.Add(phrase.Text);
            variants.Add(phrase.Text.Replace('-', ' '));
            if (phrase.Text.Contains('-', StringComparison.Ordinal))
            {
                variants.Add(phrase.Text.Replace("-", string.Empty, StringComparison.Ordinal));
            }
        }

        return [.. variants];
    }

    private static string BuildAlternation(IEnumerable<string> variants)
    {
        var pattern = new StringBuilder(@"\b(?:");
        var first = true;
        foreach (var variant in variants.OrderByDescending(static v => v.Length).ThenBy(static v => v, StringComparer.Ordinal))
        {
            pattern.Append(first ? string.Empty : "|").Append(Regex.Escape(variant).Replace(@"\ ", @"[-\s]", StringComparison.Ordinal)).Append("(?:e?s)?");
            first = false;
        }

        return pattern.Append(@")\b").ToString();
    }
}
