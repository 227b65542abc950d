using PaperModel.Common.Taxonomy;

namespace PaperModel.Common.Matching;

/// <summary>A phrase or veto of a topic, as the matcher's input.</summary>
/// <param name="Topic">The topic's index in taxonomy pre-order.</param>
/// <param name="IsVeto">Whether the phrase vetoes the topic.</param>
/// <param name="Text">The phrase as written.</param>
/// <param name="Weight">The phrase weight in (0, 1].</param>
/// <param name="Kind">How it is matched.</param>
internal readonly record struct PhraseSource(int Topic, bool IsVeto, string Text, double Weight, PhraseKind Kind);

/// <summary>One variant of one phrase (or veto) of one topic, with its tokens resolved to vocabulary ids.</summary>
internal sealed class PhraseEntry
{
    public PhraseEntry(int phraseIndex, int topic, bool isVeto, string phrase, double weight, int[] tokenIds, string?[] exact, string?[] gaps)
    {
        PhraseIndex = phraseIndex;
        Topic = topic;
        IsVeto = isVeto;
        Phrase = phrase;
        Weight = weight;
        TokenIds = tokenIds;
        Exact = exact;
        Gaps = gaps;
    }

    /// <summary>The index of the phrase (or veto) this is a variant of, in the order of <see cref="MatcherTables.Build"/>'s input.</summary>
    public int PhraseIndex { get; }

    /// <summary>The index of the topic in taxonomy pre-order.</summary>
    public int Topic { get; }

    /// <summary>Whether this is a veto phrase.</summary>
    public bool IsVeto { get; }

    /// <summary>The phrase as written in the taxonomy.</summary>
    public string Phrase { get; }

    /// <summary>The phrase weight from the taxonomy.</summary>
    public double Weight { get; }

    /// <summary>The vocabulary id of each token.</summary>
    public int[] TokenIds { get; }

    /// <summary>Per token, the exact spelling of an acronym token, else <see langword="null"/>.</summary>
    public string?[] Exact { get; }

    /// <summary>Per gap, <see langword="null"/> for a joiner or the literal gap.</summary>
    public string?[] Gaps { get; }
}

/// <summary>
/// The matcher's tables for one taxonomy: the vocabulary of folded phrase tokens (sorted ordinally, so a token's id is
/// the same in generated code and at run time) and every phrase variant indexed by its first token.
/// Built once; immutable afterwards.
/// </summary>
internal sealed class MatcherTables
{
    /// <summary>Acronyms shorter than this are only matched as whole tokens, never inside a longer token.</summary>
    public const int MinEmbeddedAcronymLength = 3;

    private readonly int[] _firstTokenOffsets;

    private MatcherTables(string[] vocabulary, PhraseEntry[] entries, int[] firstTokenOffsets, int[] embedded)
    {
        Vocabulary = vocabulary;
        Entries = entries;
        _firstTokenOffsets = firstTokenOffsets;
        EmbeddedAcronyms = embedded;
        var max = 0;
        foreach (var token in vocabulary)
        {
            max = Math.Max(max, token.Length);
        }

        MaxTokenLength = max;
    }

    /// <summary>The folded vocabulary, sorted ordinally; a token's id is its index.</summary>
    public string[] Vocabulary { get; }

    /// <summary>All phrase variants, grouped by first token id, longest first within a group.</summary>
    public PhraseEntry[] Entries { get; }

    /// <summary>
    /// Indexes into <see cref="Entries"/> of single-token acronym variants, which may also match inside a longer
    /// camel-case token (<c>DeepSeekMoE</c>).
    /// </summary>
    public int[] EmbeddedAcronyms { get; }

    /// <summary>The length of the longest vocabulary token.</summary>
    public int MaxTokenLength { get; }

    /// <summary>The phrases and vetoes of a taxonomy spec, in the order the tables expect (see <see cref="Build"/>).</summary>
    public static IEnumerable<PhraseSource> Sources(TaxonomySpec spec)
    {
        for (var t = 0; t < spec.Topics.Count; t++)
        {
            foreach (var phrase in spec.Topics[t].Phrases)
            {
                yield return new PhraseSource(t, false, phrase.Text, phrase.Weight, phrase.Kind);
            }

            foreach (var phrase in spec.Topics[t].Vetoes)
            {
                yield return new PhraseSource(t, true, phrase.Text, phrase.Weight, phrase.Kind);
            }
        }
    }

    /// <summary>
    /// Builds the tables. <paramref name="phrases"/> must come topic by topic in taxonomy (pre-)order, each topic's
    /// phrases in file order followed by its vetoes, so generated code and run time number everything alike.
    /// </summary>
    public static MatcherTables Build(IEnumerable<PhraseSource> phrases)
    {
        var patterns = new List<(int Index, PhraseSource Phrase, PhrasePattern Pattern)>();
        var index = 0;
        foreach (var phrase in phrases)
        {
            foreach (var pattern in PhrasePattern.Parse(phrase.Text, phrase.Kind))
            {
                patterns.Add((index, phrase, pattern));
            }

            index++;
        }

        var vocabulary = BuildVocabulary(patterns.Select(p => p.Pattern));
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            ids[vocabulary[i]] = i;
        }

        var entries = patterns
            .Select((p, order) => (Order: order, Entry: new PhraseEntry(
                p.Index,
                p.Phrase.Topic,
                p.Phrase.IsVeto,
                p.Phrase.Text,
                p.Phrase.Weight,
                p.Pattern.Folded.Select(f => ids[f]).ToArray(),
                p.Pattern.Exact,
                p.Pattern.Gaps)))
            .OrderBy(e => e.Entry.TokenIds[0])
            .ThenByDescending(e => e.Entry.TokenIds.Length)
            .ThenBy(e => e.Order)
            .Select(e => e.Entry)
            .ToArray();
        return Create(vocabulary, entries);
    }

    /// <summary>
    /// Rebuilds the tables from the form <see cref="Encode"/> wrote (the source generator emits it as literals), without
    /// parsing a phrase: <paramref name="phrases"/> are the same phrases <see cref="Build"/> was given.
    /// </summary>
    /// <exception cref="FormatException">The data is not a valid encoding for these phrases.</exception>
    public static MatcherTables Decode(IReadOnlyList<PhraseSource> phrases, string[] vocabulary, int[] entries, string[] literals)
    {
        for (var i = 1; i < vocabulary.Length; i++)
        {
            Check(string.CompareOrdinal(vocabulary[i - 1], vocabulary[i]) < 0, "the vocabulary is not sorted");
        }

        var decoded = new List<PhraseEntry>();
        var position = 0;
        var previousFirst = 0;
        while (position < entries.Length)
        {
            var phraseIndex = Next();
            Check((uint)phraseIndex < (uint)phrases.Count, "a phrase index is out of range");
            var count = Next();
            Check(count >= 1 && count <= entries.Length - position, "a token count is out of range");
            var tokenIds = new int[count];
            var exact = new string?[count];
            var gaps = new string?[count - 1];
            for (var i = 0; i < count; i++)
            {
                tokenIds[i] = Next();
                Check((uint)tokenIds[i] < (uint)vocabulary.Length, "a token id is out of range");
            }

            for (var i = 0; i < count; i++)
            {
                exact[i] = Literal(Next());
            }

            for (var i = 0; i < gaps.Length; i++)
            {
                gaps[i] = Literal(Next());
            }

            Check(tokenIds[0] >= previousFirst, "the entries are not grouped by first token");
            previousFirst = tokenIds[0];
            var phrase = phrases[phraseIndex];
            decoded.Add(new PhraseEntry(phraseIndex, phrase.Topic, phrase.IsVeto, phrase.Text, phrase.Weight, tokenIds, exact, gaps));
        }

        return Create(vocabulary, [.. decoded]);

        int Next()
        {
            Check(position < entries.Length, "the entries end early");
            return entries[position++];
        }

        string? Literal(int literal)
        {
            Check(literal >= -1 && literal < literals.Length, "a literal index is out of range");
            return literal < 0 ? null : literals[literal];
        }

        static void Check(bool condition, string what)
        {
            if (!condition)
            {
                throw new FormatException("Invalid matcher data: " + what + ".");
            }
        }
    }

    /// <summary>
    /// Writes the entries as integers, per entry: phrase index, token count n, n token ids, n literal indexes of the
    /// exact spellings and n - 1 of the gaps (-1 for none); <paramref name="literals"/> receives the distinct strings.
    /// <see cref="Decode"/> reads it back.
    /// </summary>
    public int[] Encode(out string[] literals)
    {
        var strings = new List<string>();
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var data = new List<int>();
        foreach (var entry in Entries)
        {
            data.Add(entry.PhraseIndex);
            data.Add(entry.TokenIds.Length);
            data.AddRange(entry.TokenIds);
            foreach (var exact in entry.Exact)
            {
                data.Add(LiteralIndex(exact));
            }

            foreach (var gap in entry.Gaps)
            {
                data.Add(LiteralIndex(gap));
            }
        }

        literals = [.. strings];
        return [.. data];

        int LiteralIndex(string? text)
        {
            if (text is null)
            {
                return -1;
            }

            if (!indexes.TryGetValue(text, out var index))
            {
                index = strings.Count;
                indexes.Add(text, index);
                strings.Add(text);
            }

            return index;
        }
    }

    private static MatcherTables Create(string[] vocabulary, PhraseEntry[] entries)
    {
        var offsets = new int[vocabulary.Length + 1];
        foreach (var entry in entries)
        {
            offsets[entry.TokenIds[0] + 1]++;
        }

        for (var i = 1; i < offsets.Length; i++)
        {
            offsets[i] += offsets[i - 1];
        }

        var embedded = Enumerable.Range(0, entries.Length)
            .Where(i => entries[i].TokenIds.Length == 1 && entries[i].Exact[0] is { Length: >= MinEmbeddedAcronymLength })
            .ToArray();
        return new MatcherTables(vocabulary, entries, offsets, embedded);
    }

    /// <summary>The distinct folded tokens of a set of phrase variants, sorted ordinally.</summary>
    public static string[] BuildVocabulary(IEnumerable<PhrasePattern> patterns)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            foreach (var token in pattern.Folded)
            {
                set.Add(token);
            }
        }

        var vocabulary = set.ToArray();
        Array.Sort(vocabulary, StringComparer.Ordinal);
        return vocabulary;
    }

    /// <summary>The index range in <see cref="Entries"/> of the variants whose first token is <paramref name="tokenId"/>.</summary>
    public void EntriesStartingWith(int tokenId, out int start, out int end)
    {
        start = _firstTokenOffsets[tokenId];
        end = _firstTokenOffsets[tokenId + 1];
    }
}
