namespace PaperModel.Classification;

/// <summary>
/// What each part of an abstract does, so that a phrase counts by where it stands: the sentences (split at
/// <c>.</c>, <c>?</c> or <c>!</c> before a capital, a digit or markup, not after <c>e.g.</c>, <c>et al.</c>, an
/// initial or inside a number), the role of each (<see cref="EvidenceReason.ContributionSentence"/> when it speaks of
/// <c>we</c>, <c>our</c>, <c>this paper</c>…; <see cref="EvidenceReason.BackgroundSentence"/> before the first such
/// sentence; <see cref="EvidenceReason.OtherSentence"/> after it), and the stretches that name something for
/// comparison (<see cref="EvidenceReason.Comparison"/>: after <c>unlike</c>, <c>than</c>, <c>compared to</c>,
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

    private static readonly string[] ContrastWords = ["unlike", "than", "versus", "vs", "outperform", "outperforms", "outperforming", "outperformed", "surpass", "surpasses", "surpassing", "surpassed", "beats", "beating"];

    private static readonly string[] ContrastPairs = ["compared to", "compared with", "comparison to", "comparison with", "contrast to", "contrast with", "contrary to", "instead of", "improvement over", "improvements over", "gain over", "gains over", "advantage over", "advantages over", "superior to", "orthogonal to", "complementary to", "alternative to", "alternatives to"];

    private static readonly string[] ListWords = ["including", "like", "e.g"];

    private static readonly string[] ListPairs = ["such as", "for example", "for instance"];

    private static readonly string[] UsageWords = ["use", "uses", "using", "used", "employ", "employs", "employing", "employed", "adopt", "adopts", "adopting", "adopted", "leverage", "leverages", "leveraging", "leveraged", "utilize", "utilizes", "utilizing", "utilise", "utilises", "utilising", "apply", "applies", "applying", "via"];

    private static readonly string[] QualifierWordsList = ["existing", "previous", "prior", "conventional", "traditional", "other", "standard", "vanilla", "baseline", "baselines", "popular", "mainstream", "classical", "classic"];

    private static readonly string[] AsideWords = ["additionally", "moreover", "furthermore", "besides", "also"];

    private int[] _sentenceStarts = new int[32];
    private EvidenceReason[] _sentenceRoles = new EvidenceReason[32];
    private int _sentenceCount;
    private (int Start, int End)[] _comparisons = new (int, int)[16];
    private int _comparisonCount;

    /// <summary>Reads the sentences and comparison stretches of <paramref name="text"/>.</summary>
    public void Reset(string text)
    {
        _sentenceCount = 0;
        _comparisonCount = 0;
        if (text.Length == 0)
        {
            return;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsSentenceEnd(text, i))
            {
                AddSentence(start);
                start = i + 1;
            }
        }

        AddSentence(start);
        var sawContribution = false;
        for (var s = 0; s < _sentenceCount; s++)
        {
            var end = s + 1 < _sentenceCount ? _sentenceStarts[s + 1] : text.Length;
            var contribution = IsContribution(text, _sentenceStarts[s], end);
            sawContribution |= contribution;
            _sentenceRoles[s] = IsAside(text, _sentenceStarts[s], end) ? EvidenceReason.AsideSentence
                : contribution ? EvidenceReason.ContributionSentence
                : sawContribution ? EvidenceReason.OtherSentence : EvidenceReason.BackgroundSentence;
        }

        FindComparisons(text);
    }

    /// <summary>The role of the text at <paramref name="offset"/> (an offset into the text given to <see cref="Reset"/>).</summary>
    public EvidenceReason ReasonAt(int offset)
    {
        for (var c = 0; c < _comparisonCount; c++)
        {
            if (offset >= _comparisons[c].Start && offset < _comparisons[c].End)
            {
                return EvidenceReason.Comparison;
            }
        }

        var s = _sentenceCount - 1;
        while (s > 0 && _sentenceStarts[s] > offset)
        {
            s--;
        }

        return s >= 0 ? _sentenceRoles[s] : EvidenceReason.OtherSentence;
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

    /// <summary>Whether the sentence speaks of the authors' own work: <c>we</c>, <c>our</c>, <c>this paper</c>, <c>here</c> first.</summary>
    private static bool IsContribution(string text, int start, int end)
    {
        var previousWasThis = false;
        var first = true;
        for (var w = NextWord(text, start, end, out var length); w >= 0; w = NextWord(text, w + length, end, out length))
        {
            var word = text.AsSpan(w, length);
            if (IsOneOf(word, ContributionWords) || (previousWasThis && IsOneOf(word, ThisNouns)) || (first && word.Equals("here".AsSpan(), StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            previousWasThis = word.Equals("this".AsSpan(), StringComparison.OrdinalIgnoreCase);
            first = false;
        }

        return false;
    }

    /// <summary>
    /// Whether the sentence adds a secondary point: it opens with <c>Additionally</c>, <c>Moreover</c>,
    /// <c>Furthermore</c>, <c>Besides</c>, <c>Also</c> or <c>In addition</c>.
    /// </summary>
    private static bool IsAside(string text, int start, int end)
    {
        var w = NextWord(text, start, end, out var length);
        if (w < 0)
        {
            return false;
        }

        var word = text.AsSpan(w, length);
        if (IsOneOf(word, AsideWords))
        {
            return true;
        }

        if (word.Equals("in".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            var w2 = NextWord(text, w + length, end, out var l2);
            return w2 >= 0 && text.AsSpan(w2, l2).Equals("addition".AsSpan(), StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private void FindComparisons(string text)
    {
        var previous = -1;
        var previousLength = 0;
        for (var w = NextWord(text, 0, text.Length, out var length); w >= 0; w = NextWord(text, w + length, text.Length, out length))
        {
            var word = text.AsSpan(w, length);
            var pairEnd = previous >= 0 && w - (previous + previousLength) <= 2;
            if (IsOneOf(word, ContrastWords) || (pairEnd && IsPair(text, previous, previousLength, word, ContrastPairs)))
            {
                AddComparison(text, w + length, ClauseWords, stopAtComma: true);
            }
            else if ((IsOneOf(word, ListWords) && !IsWould(text, previous, previousLength)) || (pairEnd && IsPair(text, previous, previousLength, word, ListPairs)))
            {
                AddComparison(text, w + length, ClauseWords, stopAtComma: false);
            }
            else if (IsOneOf(word, QualifierWordsList) || IsOneOf(word, UsageWords))
            {
                AddComparison(text, w + length, QualifierWords, stopAtComma: true);
            }

            previous = w;
            previousLength = length;
        }
    }

    private static bool IsWould(string text, int previous, int previousLength) =>
        previous >= 0 && text.AsSpan(previous, previousLength).Equals("would".AsSpan(), StringComparison.OrdinalIgnoreCase);

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
        }

        _sentenceStarts[_sentenceCount++] = start;
    }

    /// <summary>The next word (a run of letters, with the inner dots of <c>e.g</c>) at or after <paramref name="from"/>, or -1.</summary>
    private static int NextWord(string text, int from, int end, out int length)
    {
        var start = from;
        while (start < end && !char.IsLetter(text[start]))
        {
            start++;
        }

        var stop = start;
        while (stop < end && (char.IsLetter(text[stop]) || (text[stop] == '.' && stop + 1 < end && char.IsLetter(text[stop + 1]) && stop > start && stop - start < 2)))
        {
            stop++;
        }

        length = stop - start;
        return start < end ? start : -1;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (word.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
}
