using PaperModel.Classification;

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

/// <summary>The embedded acronyms a token may hold (<see cref="MatcherTables.EmbeddedAcronymsWithin"/>).</summary>
/// <param name="Acronyms">Indexes into <see cref="MatcherTables.EmbeddedAcronyms"/>, in increasing order.</param>
/// <param name="Masks">Per acronym, its <see cref="MatcherTables.CharMask"/>.</param>
internal readonly record struct EmbeddedCandidates(int[] Acronyms, ulong[] Masks);

/// <summary>
/// The matcher's tables for one taxonomy, built once from its phrases and immutable afterwards: the vocabulary of
/// folded phrase tokens, the <see cref="TokenForms"/> that map every form a text token may take (a vocabulary token
/// or one of its plurals) to the vocabulary ids it stands for, and every phrase variant, indexed by its first token.
/// </summary>
internal sealed class MatcherTables
{
    /// <summary>Acronyms shorter than this are only matched as whole tokens, never inside a longer token.</summary>
    public const int MinEmbeddedAcronymLength = 3;

    private readonly int[] _firstTokenOffsets;
    private readonly EmbeddedCandidates[] _embeddedByLength;

    private MatcherTables(string[] vocabulary, PhraseEntry[] entries, int[] firstTokenOffsets)
    {
        Vocabulary = vocabulary;
        Entries = entries;
        _firstTokenOffsets = firstTokenOffsets;
        var startsEntries = new bool[vocabulary.Length];
        for (var id = 0; id < vocabulary.Length; id++)
        {
            startsEntries[id] = firstTokenOffsets[id + 1] > firstTokenOffsets[id];
        }

        Forms = new TokenForms(vocabulary, startsEntries);
        SecondTokenIds = Array.ConvertAll(entries, static e => e.TokenIds.Length > 1 && !string.Equals(e.Gaps[0], PhrasePattern.WordGap, StringComparison.Ordinal) ? e.TokenIds[1] : -1);
        EmbeddedAcronyms = Enumerable.Range(0, entries.Length)
            .Where(i => entries[i].TokenIds.Length == 1 && entries[i].Exact[0] is { Length: >= MinEmbeddedAcronymLength })
            .ToArray();
        EmbeddedAcronymTexts = Array.ConvertAll(EmbeddedAcronyms, i => entries[i].Exact[0]!);
        var longest = EmbeddedAcronymTexts.Length == 0 ? 0 : EmbeddedAcronymTexts.Max(static a => a.Length);
        _embeddedByLength = new EmbeddedCandidates[longest + 2];
        for (var length = 0; length < _embeddedByLength.Length; length++)
        {
            var shorter = Enumerable.Range(0, EmbeddedAcronymTexts.Length).Where(a => EmbeddedAcronymTexts[a].Length < length).ToArray();
            _embeddedByLength[length] = new EmbeddedCandidates(shorter, Array.ConvertAll(shorter, a => CharMask(EmbeddedAcronymTexts[a], 0, EmbeddedAcronymTexts[a].Length)));
        }
    }

    /// <summary>The folded vocabulary; a token's id is its index.</summary>
    public string[] Vocabulary { get; }

    /// <summary>All phrase variants, grouped by first token id, longest first within a group.</summary>
    public PhraseEntry[] Entries { get; }

    /// <summary>
    /// Per entry of <see cref="Entries"/>, the vocabulary id of its second token, or -1 for a one-token variant or one
    /// whose first gap is a word gap: the scanner skips a variant whose second token is not the next text token without
    /// reading the entry.
    /// </summary>
    public int[] SecondTokenIds { get; }

    /// <summary>The lookup from a folded text token to the vocabulary tokens it is (as written or as a plural).</summary>
    public TokenForms Forms { get; }

    /// <summary>
    /// Indexes into <see cref="Entries"/> of single-token acronym variants, which may also match inside a longer
    /// camel-case token (<c>DeepSeekMoE</c>).
    /// </summary>
    public int[] EmbeddedAcronyms { get; }

    /// <summary>Per <see cref="EmbeddedAcronyms"/> entry, the acronym as written.</summary>
    public string[] EmbeddedAcronymTexts { get; }

    /// <summary>
    /// The embedded acronyms that may be inside a token of <paramref name="length"/> characters (those shorter than
    /// it), in <see cref="EmbeddedAcronyms"/> order: their indexes there and their <see cref="CharMask"/>s.
    /// </summary>
    public EmbeddedCandidates EmbeddedAcronymsWithin(int length) => _embeddedByLength[Math.Min(length, _embeddedByLength.Length - 1)];

    /// <summary>
    /// Which characters a span holds, as one bit per character modulo 64: a text holds a string only if the string's
    /// mask is part of the text's, so most acronyms are ruled out for a token without searching it.
    /// </summary>
    public static ulong CharMask(string text, int start, int length)
    {
        var mask = 0UL;
        for (var i = start; i < start + length; i++)
        {
            mask |= 1UL << (text[i] & 63);
        }

        return mask;
    }

    /// <summary>
    /// Builds the tables. <paramref name="phrases"/> come topic by topic in taxonomy (pre-)order, each topic's
    /// phrases in file order followed by its vetoes; an entry's <see cref="PhraseEntry.PhraseIndex"/> is its phrase's
    /// position in this sequence.
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

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new List<string>();
        foreach (var token in patterns.SelectMany(static p => p.Pattern.Folded))
        {
            if (!ids.ContainsKey(token))
            {
                ids.Add(token, vocabulary.Count);
                vocabulary.Add(token);
            }
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
            .OrderBy(static e => e.Entry.TokenIds[0])
            .ThenByDescending(static e => e.Entry.TokenIds.Length)
            .ThenBy(static e => e.Order)
            .Select(static e => e.Entry)
            .ToArray();
        var offsets = new int[vocabulary.Count + 1];
        foreach (var entry in entries)
        {
            offsets[entry.TokenIds[0] + 1]++;
        }

        for (var i = 1; i < offsets.Length; i++)
        {
            offsets[i] += offsets[i - 1];
        }

        return new MatcherTables([.. vocabulary], entries, offsets);
    }

    /// <summary>The index range in <see cref="Entries"/> of the variants whose first token is <paramref name="tokenId"/>.</summary>
    public void EntriesStartingWith(int tokenId, out int start, out int end)
    {
        start = _firstTokenOffsets[tokenId];
        end = _firstTokenOffsets[tokenId + 1];
    }
}
