#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.Intrinsics;
#endif
using PaperModel.Common.Matching;

namespace PaperModel.Classification;

/// <summary>
/// What each part of an abstract does, so that a phrase counts by where it stands: the sentences (split at
/// <c>.</c>, <c>?</c> or <c>!</c> before a capital, a digit or markup, not after <c>e.g.</c>, <c>et al.</c>, an
/// initial or inside a number), the role of each (<see cref="EvidenceReason.ContributionSentence"/> when it speaks of
/// <c>we</c>, <c>our</c>, <c>this paper</c>…; <see cref="EvidenceReason.BackgroundSentence"/> before the first such
/// sentence; <see cref="EvidenceReason.OtherSentence"/> after it), and the stretches that name something for
/// comparison (<see cref="EvidenceReason.Comparison"/>: after <c>unlike</c>, <c>despite</c>, <c>than</c>, <c>compared to</c>,
/// <c>outperforms</c>… up to the end of the clause; after <c>such as</c>, <c>e.g.</c>, <c>including</c>… up to the
/// end of the list; after <c>existing</c>, <c>previous</c>, <c>other</c>… for a few words). Deterministic, works on
/// the original text, allocation-free after warm-up. Reused per thread; not thread-safe.
/// </summary>
internal sealed class SentenceRoles
{
    /// <summary>How many words an enumeration (<c>such as</c>) or a contrast (<c>unlike</c>) reaches at most.</summary>
    private const int ClauseWords = 12;

    /// <summary>How many words a qualifier of prior work (<c>existing</c>, <c>other</c>) reaches.</summary>
    private const int QualifierWords = 4;

    private static readonly string[] Abbreviations = ["e.g", "i.e", "al", "etc", "vs", "cf", "fig", "eq", "approx", "resp", "ca", "no", "sec", "ref"];

    private static readonly string[] ContributionWords = ["we", "our", "ours", "us"];

    private static readonly string[] ThisNouns = ["paper", "work", "study", "article", "note", "thesis", "report", "survey", "submission"];

    private static readonly string[] ContrastWords = ["unlike", "despite", "than", "versus", "vs", "outperform", "outperforms", "outperforming", "outperformed", "surpass", "surpasses", "surpassing", "surpassed", "beats", "beating"];

    private static readonly string[] ContrastPairs = ["compared to", "compared with", "comparison to", "comparison with", "contrast to", "contrast with", "contrary to", "instead of", "improvement over", "improvements over", "gain over", "gains over", "advantage over", "advantages over", "superior to", "orthogonal to", "complementary to", "alternative to", "alternatives to"];

    private static readonly string[] ListWords = ["including", "like", "e.g"];

    private static readonly string[] ListPairs = ["such as", "for example", "for instance"];

    private static readonly string[] UsageWords = ["use", "uses", "using", "used", "employ", "employs", "employing", "employed", "adopt", "adopts", "adopting", "adopted", "leverage", "leverages", "leveraging", "leveraged", "utilize", "utilizes", "utilizing", "utilise", "utilises", "utilising", "apply", "applies", "applying", "via"];

    private static readonly string[] QualifierWordsList = ["existing", "previous", "prior", "conventional", "traditional", "other", "standard", "vanilla", "baseline", "baselines", "popular", "mainstream", "classical", "classic"];

    private static readonly string[] AsideWords = ["additionally", "moreover", "furthermore", "besides", "also"];

    private static readonly Keywords Lookup = new(
        (ContributionWords, WordKind.Contribution),
        (ThisNouns, WordKind.ThisNoun),
        (["this"], WordKind.This),
        (["here"], WordKind.Here),
        (["would"], WordKind.Would),
        (ContrastWords, WordKind.Contrast),
        (ListWords, WordKind.List),
        (QualifierWordsList, WordKind.Qualifier),
        (UsageWords, WordKind.Qualifier),
        ([.. ContrastPairs.Concat(ListPairs).Select(static pair => pair.Substring(0, pair.IndexOf(' ')))], WordKind.PairFirst),
        (AsideWords, WordKind.Aside),
        (["in"], WordKind.In),
        (["addition"], WordKind.Addition));

    private int[] _sentenceStarts = new int[32];
    private EvidenceReason[] _sentenceRoles = new EvidenceReason[32];
    private bool[] _asides = new bool[32];
    private bool[] _paragraphEnds = new bool[32];
    private bool[] _wanted = new bool[32];
    private int _sentenceCount;
    private (int Start, int End)[] _comparisons = new (int, int)[16];
    private int _comparisonCount;
#if NET8_0_OR_GREATER
    private int _maskBlock = -1;
    private ulong _letters;
    private ulong _nonAscii;
    private ulong _dots;
#endif

    /// <summary>Reads the sentences and comparison stretches of <paramref name="text"/>.</summary>
    public void Reset(string text) => Reset(text, default, everySentence: true);

    /// <summary>
    /// Reads as much of <paramref name="text"/> as the roles at <paramref name="offsets"/> need: <see cref="ReasonAt"/>
    /// then answers for those offsets as after <see cref="Reset(string)"/>, and for other offsets maybe not. The words
    /// of a sentence are read only when an offset is in it, when no earlier sentence speaks of the authors' own work
    /// (whether it does decides the role of later ones), or when a comparison started in it may reach a sentence that is
    /// read (only across a paragraph break: the other sentence ends stop a comparison).
    /// </summary>
    public void Reset(string text, ReadOnlySpan<int> offsets) => Reset(text, offsets, everySentence: false);

    /// <summary>The role of the text at <paramref name="offset"/> (an offset into the text given to <see cref="Reset(string)"/>).</summary>
    public EvidenceReason ReasonAt(int offset)
    {
        for (var c = 0; c < _comparisonCount; c++)
        {
            if (offset >= _comparisons[c].Start && offset < _comparisons[c].End)
            {
                return EvidenceReason.Comparison;
            }
        }

        return _sentenceCount > 0 ? _sentenceRoles[SentenceAt(offset)] : EvidenceReason.OtherSentence;
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        var c = text[i];
        if (c == '\n')
        {
            return i + 1 < text.Length && text[i + 1] == '\n';
        }

        if (c is not ('.' or '?' or '!') || i + 1 >= text.Length || !char.IsWhiteSpace(text[i + 1]))
        {
            return false;
        }

        var next = i + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next == text.Length || !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '(' or '[' or '$' or '\\' or '"' or '“' or '\''))
        {
            return false;
        }

        if (c != '.')
        {
            return true;
        }

        var wordStart = i;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, i - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        foreach (var abbreviation in Abbreviations)
        {
            if (word.Equals(abbreviation.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The next character at or after <paramref name="from"/> that may end a sentence, or -1.</summary>
    private static int NextSentenceMark(string text, int from)
    {
        var at = text.AsSpan(from).IndexOfAny(".?!\n".AsSpan());
        return at < 0 ? -1 : from + at;
    }

    /// <summary>
    /// Splits the text into sentences, reads the words of those that <paramref name="offsets"/> need (or of every
    /// sentence) with <see cref="ReadSentence"/>, and sets the role of each sentence read.
    /// </summary>
    private void Reset(string text, ReadOnlySpan<int> offsets, bool everySentence)
    {
        _sentenceCount = 0;
        _comparisonCount = 0;
#if NET8_0_OR_GREATER
        _maskBlock = -1;
#endif
        if (text.Length == 0)
        {
            return;
        }

        var start = 0;
        for (var i = NextSentenceMark(text, 0); i >= 0; i = NextSentenceMark(text, i + 1))
        {
            if (IsSentenceEnd(text, i))
            {
                AddSentence(start);
                _paragraphEnds[_sentenceCount - 1] = text[i] == '\n';
                start = i + 1;
            }
        }

        AddSentence(start);
        _paragraphEnds[_sentenceCount - 1] = false;
        Array.Clear(_sentenceRoles, 0, _sentenceCount);
        Array.Clear(_asides, 0, _sentenceCount);
        Array.Clear(_wanted, 0, _sentenceCount);
        var last = _sentenceCount - 1;
        if (everySentence)
        {
            _wanted.AsSpan(0, _sentenceCount).Fill(true);
        }
        else
        {
            last = -1;
            foreach (var offset in offsets)
            {
                var s = SentenceAt(offset);
                _wanted[s] = true;
                last = Math.Max(last, s);
            }

            for (var s = last - 1; s >= 0; s--)
            {
                _wanted[s] |= _paragraphEnds[s] && _wanted[s + 1];
            }
        }

        var words = new WordState(-1, 0, WordKind.None);
        var sawContribution = false;
        var readPrevious = true;
        for (var s = 0; s <= last; s++)
        {
            var read = _wanted[s] || !sawContribution;
            if (read)
            {
                if (!readPrevious)
                {
                    words = LastWordBefore(text, s);
                }

                ReadSentence(text, s, ref words);
            }

            readPrevious = read;

            var contribution = _sentenceRoles[s] == EvidenceReason.ContributionSentence;
            sawContribution |= contribution;
            _sentenceRoles[s] = _asides[s] ? EvidenceReason.AsideSentence
                : contribution ? EvidenceReason.ContributionSentence
                : sawContribution ? EvidenceReason.OtherSentence : EvidenceReason.BackgroundSentence;
        }
    }

    /// <summary>
    /// Reads the words of sentence <paramref name="sentence"/> (those that start in it): marks it as
    /// <see cref="EvidenceReason.ContributionSentence"/> when it speaks of the authors' own work (<c>we</c>,
    /// <c>our</c>, <c>this paper</c>, <c>here</c> first; the other roles are set by <see cref="Reset(string)"/>) and
    /// as an aside when it adds a secondary point (it opens with <c>Additionally</c>, <c>Moreover</c>,
    /// <c>Furthermore</c>, <c>Besides</c>, <c>Also</c>, <c>In addition</c> or <c>We also</c>), and adds the comparison
    /// stretches.
    /// <paramref name="words"/> is the word before the sentence on entry (a pair such as <c>compared to</c> may
    /// span a sentence end) and its last word on return.
    /// </summary>
    private void ReadSentence(string text, int sentence, ref WordState words)
    {
        // No word spans a sentence start (the character there is white space), so reading from it finds the words
        // that reading from the text's start would find there.
        var end = sentence + 1 < _sentenceCount ? _sentenceStarts[sentence + 1] : text.Length;
        var previousWasThis = false;
        var first = true;
        var second = false;
        var (previous, previousLength, previousKind) = words;
        for (var w = NextWord(text, _sentenceStarts[sentence], out var length); w >= 0 && w < end; w = NextWord(text, w + length, out length))
        {
            var word = text.AsSpan(w, length);
            var kind = Lookup.KindOf(word);
            if ((first && (kind & WordKind.Aside) != 0) || (second && (kind & WordKind.Addition) != 0 && (previousKind & WordKind.In) != 0)
                || (second && (kind & WordKind.Aside) != 0 && (previousKind & WordKind.Contribution) != 0))
            {
                _asides[sentence] = true;
            }

            second = first;
            if ((kind & WordKind.Contribution) != 0 || (previousWasThis && (kind & WordKind.ThisNoun) != 0) || (first && (kind & WordKind.Here) != 0))
            {
                _sentenceRoles[sentence] = EvidenceReason.ContributionSentence;
            }

            previousWasThis = (kind & WordKind.This) != 0;
            first = false;
            var pairEnd = previous >= 0 && w - (previous + previousLength) <= 2 && (previousKind & WordKind.PairFirst) != 0;
            if ((kind & WordKind.Contrast) != 0 || (pairEnd && IsPair(text, previous, previousLength, word, ContrastPairs)))
            {
                AddComparison(text, w + length, ClauseWords, stopAtComma: true);
            }
            else if (((kind & WordKind.List) != 0 && (previousKind & WordKind.Would) == 0) || (pairEnd && IsPair(text, previous, previousLength, word, ListPairs)))
            {
                AddComparison(text, w + length, ClauseWords, stopAtComma: false);
            }
            else if ((kind & WordKind.Qualifier) != 0)
            {
                AddComparison(text, w + length, QualifierWords, stopAtComma: true);
            }

            previous = w;
            previousLength = length;
            previousKind = kind;
        }

        words = new WordState(previous, previousLength, previousKind);
    }

    /// <summary>
    /// The last word before sentence <paramref name="sentence"/>, found without reading the sentences before it: from
    /// the last white space before the last letter of the nearest earlier sentence that has a word (no word spans white
    /// space, so reading from there finds the words that reading from the start would find).
    /// </summary>
    private WordState LastWordBefore(string text, int sentence)
    {
        for (var s = sentence - 1; s >= 0; s--)
        {
            var start = _sentenceStarts[s];
            var end = _sentenceStarts[s + 1];
            var letter = end - 1;
            while (letter >= start && !char.IsLetter(text[letter]))
            {
                letter--;
            }

            if (letter < start)
            {
                continue;
            }

            var from = letter;
            while (from > start && !char.IsWhiteSpace(text[from]))
            {
                from--;
            }

            var found = new WordState(-1, 0, WordKind.None);
            for (var w = NextWord(text, from, out var length); w >= 0 && w < end; w = NextWord(text, w + length, out length))
            {
                found = new WordState(w, length, WordKind.None);
            }

            return found with { Kind = Lookup.KindOf(text.AsSpan(found.Start, found.Length)) };
        }

        return new WordState(-1, 0, WordKind.None);
    }

    /// <summary>The index of the sentence that <paramref name="offset"/> is in.</summary>
    private int SentenceAt(int offset)
    {
        var s = _sentenceCount - 1;
        while (s > 0 && _sentenceStarts[s] > offset)
        {
            s--;
        }

        return s;
    }

    /// <summary>Marks from <paramref name="from"/> up to the end of the clause or list, or <paramref name="words"/> words.</summary>
    private void AddComparison(string text, int from, int words, bool stopAtComma)
    {
        var end = from;
        var count = 0;
        while (end < text.Length)
        {
            var c = text[end];
            if (c is ';' or ':' or ')' or '(' or '!' or '?' || (c == ',' && stopAtComma) || (c == '.' && IsSentenceEnd(text, end)) || (c == '.' && end + 1 == text.Length))
            {
                break;
            }

            if (char.IsLetterOrDigit(c) && (end == 0 || !char.IsLetterOrDigit(text[end - 1])) && ++count > words)
            {
                break;
            }

            end++;
        }

        if (end > from)
        {
            if (_comparisonCount == _comparisons.Length)
            {
                Array.Resize(ref _comparisons, _comparisons.Length * 2);
            }

            _comparisons[_comparisonCount++] = (from, end);
        }
    }

    private void AddSentence(int start)
    {
        if (_sentenceCount == _sentenceStarts.Length)
        {
            Array.Resize(ref _sentenceStarts, _sentenceStarts.Length * 2);
            Array.Resize(ref _sentenceRoles, _sentenceRoles.Length * 2);
            Array.Resize(ref _asides, _asides.Length * 2);
            Array.Resize(ref _paragraphEnds, _paragraphEnds.Length * 2);
            Array.Resize(ref _wanted, _wanted.Length * 2);
        }

        _sentenceStarts[_sentenceCount++] = start;
    }

    /// <summary>The next word (a run of letters, with the inner dots of <c>e.g</c>) at or after <paramref name="from"/>, or -1.</summary>
    /// <remarks>
    /// On .NET 8 and later the text is classified in blocks of 64 characters at fixed places
    /// (<c>TextTokens.AsciiLetterBlock</c>: a bit per ASCII letter, character outside ASCII and dot), so a word of ASCII
    /// letters inside a block is found with bit operations, and finding one word does not wait for the characters of
    /// the word before to be read. A word next to a character outside ASCII or a dot, one that reaches a block's end,
    /// and the text's last block are read as below. Otherwise runs of ASCII letters are read with
    /// <see cref="TextTokens.AsciiRunEnd"/> and other characters one by one, with the same result.
    /// </remarks>
    private int NextWord(string text, int from, out int length)
    {
        var start = from;
#if NET8_0_OR_GREATER
        if (Vector128.IsHardwareAccelerated)
        {
            for (var block = from & ~63; block + 64 <= text.Length; block += 64)
            {
                if (block != _maskBlock)
                {
                    _letters = TextTokens.AsciiLetterBlock(text, block, out _nonAscii, out _dots);
                    _maskBlock = block;
                }

                var offset = Math.Max(start - block, 0);
                var candidates = (_letters | _nonAscii) >> offset;
                if (candidates == 0)
                {
                    start = block + 64;
                    continue;
                }

                var first = offset + BitOperations.TrailingZeroCount(candidates);
                if ((_nonAscii & (1ul << first)) != 0)
                {
                    // A character outside ASCII: the general path decides whether it starts a word.
                    start = block + first;
                    break;
                }

                var rest = ~_letters >> first;
                var runLength = BitOperations.TrailingZeroCount(rest);
                if (rest != 0 && ((_nonAscii | (runLength == 1 ? _dots : 0)) & (1ul << (first + runLength))) == 0)
                {
                    length = runLength;
                    return block + first;
                }

                return WordFrom(text, block + first, block + first + (rest == 0 ? 64 - first : runLength), out length);
            }
        }
#endif
        var end = text.Length;
        while (start < end && !char.IsLetter(text[start]))
        {
            start++;
        }

        if (start == end)
        {
            length = 0;
            return -1;
        }

        return WordFrom(text, start, start + 1, out length);
    }

    /// <summary>The word that starts at <paramref name="start"/> (a letter) and has letters up to <paramref name="stop"/> at least.</summary>
    private static int WordFrom(string text, int start, int stop, out int length)
    {
        var end = text.Length;
        while ((stop = TextTokens.AsciiRunEnd(text, stop, digits: false, out _)) < end)
        {
            var c = text[stop];
            if (c >= 0x80 ? !char.IsLetter(c) : c != '.' || stop - start != 1 || stop + 1 == end || !char.IsLetter(text[stop + 1]))
            {
                break;
            }

            stop++;
        }

        length = stop - start;
        return start;
    }

    private static bool IsPair(string text, int previous, int previousLength, ReadOnlySpan<char> word, string[] pairs)
    {
        var first = text.AsSpan(previous, previousLength);
        foreach (var pair in pairs)
        {
            var space = pair.IndexOf(' ');
            if (first.Equals(pair.AsSpan(0, space), StringComparison.OrdinalIgnoreCase) && word.Equals(pair.AsSpan(space + 1), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word read (its start, or -1 for none, its length and kind): what the next word's rules look back at.</summary>
    private readonly record struct WordState(int Start, int Length, WordKind Kind);

    /// <summary>What a word can do in <see cref="ReadSentence"/>; a word may be several.</summary>
    [Flags]
    private enum WordKind : ushort
    {
        None = 0,
        Contribution = 1,
        ThisNoun = 2,
        This = 4,
        Here = 8,
        Would = 16,
        Contrast = 32,
        List = 64,
        Qualifier = 128,
        PairFirst = 256,
        Aside = 512,
        In = 1024,
        Addition = 2048,
    }

    /// <summary>
    /// The word lists as one table, so each word of an abstract is looked up once (an open-addressing hash over the
    /// lower-cased ASCII words) instead of compared with every list. A word with a non-ASCII character is compared with
    /// every entry (<see cref="StringComparison.OrdinalIgnoreCase"/>, as the lists are meant).
    /// </summary>
    private sealed class Keywords
    {
        private readonly string[] _words;
        private readonly WordKind[] _kinds;
        private readonly int[] _slots;
        private readonly int _maxLength;

        /// <summary>
        /// Per pair of first characters (each ASCII character masked to its low five bits, so both cases of a letter
        /// share a slot), a bit per word length a keyword with that start has: most words of an abstract are known to
        /// be no keyword from these two characters and their length alone, before any hashing.
        /// </summary>
        private readonly uint[] _lengthsByStart = new uint[32 * 32];

        public Keywords(params (string[] Words, WordKind Kind)[] lists)
        {
            var kinds = new Dictionary<string, WordKind>(StringComparer.Ordinal);
            foreach (var (words, kind) in lists)
            {
                foreach (var word in words)
                {
                    var key = word.ToLowerInvariant();
                    kinds[key] = kinds.TryGetValue(key, out var known) ? known | kind : kind;
                }
            }

            if (kinds.Keys.Any(static w => w.Any(static c => c >= 0x80)))
            {
                throw new InvalidOperationException("The sentence-role word lists must be ASCII.");
            }

            _words = [.. kinds.Keys];
            _kinds = [.. kinds.Values];
            _maxLength = _words.Max(static w => w.Length);
            if (_maxLength >= 32)
            {
                throw new InvalidOperationException("The sentence-role words must be shorter than 32 characters.");
            }

            foreach (var word in _words)
            {
                _lengthsByStart[StartOf(word.AsSpan())] |= 1u << word.Length;
            }
            _slots = new int[SlotCount(_words.Length)];
            for (var i = 0; i < _words.Length; i++)
            {
                var slot = Hash(_words[i].AsSpan()) & (_slots.Length - 1);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & (_slots.Length - 1);
                }

                _slots[slot] = i + 1;
            }
        }

        public WordKind KindOf(ReadOnlySpan<char> word)
        {
            if (word.Length > _maxLength)
            {
                return WordKind.None;
            }

            if (word[0] < 0x80 && (word.Length == 1 || word[1] < 0x80) && (_lengthsByStart[StartOf(word)] & (1u << word.Length)) == 0)
            {
                return WordKind.None;
            }

            var hash = 0;
            foreach (var c in word)
            {
                if (c >= 0x80)
                {
                    return KindOfUnicode(word);
                }

                hash = Step(hash, c);
            }

            for (var slot = hash & (_slots.Length - 1); _slots[slot] != 0; slot = (slot + 1) & (_slots.Length - 1))
            {
                var index = _slots[slot] - 1;
                if (word.Equals(_words[index].AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    return _kinds[index];
                }
            }

            return WordKind.None;
        }

        /// <summary>The slot of <see cref="_lengthsByStart"/> for a word whose first two characters (or one) are ASCII.</summary>
        private static int StartOf(ReadOnlySpan<char> word) => ((word[0] & 31) << 5) | (word.Length > 1 ? word[1] & 31 : 0);

        private static int SlotCount(int count)
        {
            var size = 16;
            while (size < count * 4)
            {
                size *= 2;
            }

            return size;
        }

        private static int Hash(ReadOnlySpan<char> word)
        {
            var hash = 0;
            foreach (var c in word)
            {
                hash = Step(hash, c);
            }

            return hash;
        }

        /// <summary>One step of the hash of a lower-cased ASCII word (<c>| 0x20</c> lower-cases ASCII letters and keeps a dot).</summary>
        private static int Step(int hash, char c) => ((hash * 31) + (c | 0x20)) & 0x7FFFFFFF;

        private WordKind KindOfUnicode(ReadOnlySpan<char> word)
        {
            var kind = WordKind.None;
            for (var i = 0; i < _words.Length; i++)
            {
                if (word.Equals(_words[i].AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    kind |= _kinds[i];
                }
            }

            return kind;
        }
    }
}
