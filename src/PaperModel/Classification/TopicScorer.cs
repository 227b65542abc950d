using PaperModel.Common.Matching;

namespace PaperModel.Classification;

/// <summary>
/// The scoring rules of <c>docs/classification.md</c>, section 2: from the phrase occurrences found in the title and
/// the abstract to the assigned topics with their scores and evidence (noisy-OR over a topic and its descendants,
/// local vetoes, no double counting of contained matches, capped repeats, the category prior, thresholds, the strong
/// phrase a topic needs, and implied ancestors). Pure: it reads the occurrences in a <see cref="ClassifierScratch"/> and writes only that scratch's
/// per-topic state and the result. Immutable and thread-safe.
/// </summary>
internal sealed class TopicScorer
{
    private readonly Topic[] _topics;
    private readonly PhraseEntry[] _entries;
    private readonly ClassifierOptions _options;
    private readonly int[] _parents;
    private readonly int[] _subtreeEnds;
    private readonly double[] _thresholds;
    private readonly string[][] _categories;

    /// <summary>Creates the scorer for the topics of a taxonomy and the phrase variants the matcher reports.</summary>
    /// <param name="topics">The topics in taxonomy pre-order.</param>
    /// <param name="entries">The phrase variants, indexed by <see cref="Occurrence.Entry"/>.</param>
    /// <param name="options">The (validated) scoring settings.</param>
    public TopicScorer(Topic[] topics, PhraseEntry[] entries, ClassifierOptions options)
    {
        _topics = topics;
        _entries = entries;
        _options = options;
        _parents = new int[topics.Length];
        _thresholds = new double[topics.Length];
        _categories = new string[topics.Length][];
        for (var i = 0; i < topics.Length; i++)
        {
            var topic = topics[i];
            _parents[i] = topic.Parent?.Index ?? -1;
            _thresholds[i] = topic.Threshold ?? options.DefaultThreshold;
            _categories[i] = topic.Categories.Count > 0 || _parents[i] < 0 ? [.. topic.Categories] : _categories[_parents[i]];
        }

        // In pre-order a topic's descendants are the topics right after it, up to the end of its subtree.
        _subtreeEnds = new int[topics.Length];
        for (var i = topics.Length - 1; i >= 0; i--)
        {
            _subtreeEnds[i] = Math.Max(_subtreeEnds[i], i + 1);
            if (_parents[i] >= 0)
            {
                _subtreeEnds[_parents[i]] = Math.Max(_subtreeEnds[_parents[i]], _subtreeEnds[i]);
            }
        }
    }

    /// <summary>Scores the occurrences in <paramref name="scratch"/> (title, then abstract) and returns the assigned topics.</summary>
    /// <param name="scratch">The fields with their occurrences, in text order.</param>
    /// <param name="categories">The paper's arXiv categories, if known.</param>
    /// <returns>The assigned topics (the shared <see cref="PaperClassification.None"/> when there are none).</returns>
    public PaperClassification Score(ClassifierScratch scratch, IReadOnlyList<string>? categories)
    {
        var fields = scratch.Fields;
        foreach (var field in fields)
        {
            MarkVetoes(field);
        }

        var miss = scratch.Miss;
        var anchored = scratch.Anchored;
        for (var i = 0; i < _topics.Length; i++)
        {
            miss[i] = 1.0;
            anchored[i] = false;
        }

        var counted = scratch.Counted;
        counted.Clear();
        for (var f = 0; f < fields.Length; f++)
        {
            var items = fields[f].Occurrences.Items;
            for (var i = 0; i < items.Length; i++)
            {
                var strong = f == 0 || _entries[items[i].Entry].Weight >= _options.StrongPhraseWeight;
                for (var topic = _entries[items[i].Entry].Topic; topic >= 0; topic = _parents[topic])
                {
                    if (Counts(fields[f], f, i, topic, out var weight))
                    {
                        miss[topic] *= 1.0 - weight;
                        anchored[topic] |= strong;
                        counted.Add(new CountedOccurrence(topic, f, i, weight));
                    }
                }
            }
        }

        var state = scratch.State;
        var assignedCount = 0;
        for (var t = _topics.Length - 1; t >= 0; t--)
        {
            if (miss[t] < 1.0 && CategoryIndex(t, categories) >= 0)
            {
                miss[t] *= 1.0 - _options.CategoryWeight;
            }

            state[t] = anchored[t] && 1.0 - miss[t] >= _thresholds[t] ? TopicState.Assigned : TopicState.None;
        }

        for (var t = _topics.Length - 1; t >= 0; t--)
        {
            if (state[t] != TopicState.None)
            {
                assignedCount++;
                for (var a = _parents[t]; a >= 0 && state[a] == TopicState.None; a = _parents[a])
                {
                    state[a] = TopicState.Implied;
                }
            }
        }

        if (assignedCount == 0)
        {
            return PaperClassification.None;
        }

        var result = new TopicAssignment[assignedCount];
        var r = 0;
        for (var t = 0; t < _topics.Length; t++)
        {
            if (state[t] != TopicState.None)
            {
                result[r++] = new TopicAssignment(_topics[t], 1.0 - miss[t], state[t] == TopicState.Implied, Evidence(scratch, t, categories));
            }
        }

        foreach (var field in fields)
        {
            field.ReleaseEvidence();
        }

        return new PaperClassification(Array.AsReadOnly(result));
    }

    private static bool Overlaps(in Occurrence a, in Occurrence b) => a.Start < b.Start + b.Length && b.Start < a.Start + a.Length;

    private static bool Contains(in Occurrence outer, in Occurrence inner) =>
        outer.Start <= inner.Start && inner.Start + inner.Length <= outer.Start + outer.Length;

    /// <summary>
    /// The evidence of <paramref name="topic"/>: the occurrences that counted towards it while scoring (title, then
    /// abstract, in text order), then the category that raised it. An occurrence that counts towards a topic and its
    /// ancestors is one <see cref="TopicEvidence"/> shared by their assignments (it reads the same for each).
    /// </summary>
    private IReadOnlyList<TopicEvidence> Evidence(ClassifierScratch scratch, int topic, IReadOnlyList<string>? categories)
    {
        var counted = scratch.Counted.Items;
        var count = 0;
        foreach (var item in counted)
        {
            count += item.Topic == topic ? 1 : 0;
        }

        var category = count > 0 ? CategoryIndex(topic, categories) : -1;
        var evidence = new TopicEvidence[count + (category >= 0 ? 1 : 0)];
        var e = 0;
        foreach (var item in counted)
        {
            if (item.Topic == topic)
            {
                var field = scratch.Fields[item.Field];
                evidence[e++] = field.Evidence[item.Index] ??= NewEvidence(field, item.Field, item.Index, item.Weight);
            }
        }

        if (category >= 0)
        {
            evidence[e] = new TopicEvidence(EvidenceField.Category, categories![category], category, categories[category].Length, _topics[topic], _options.CategoryWeight);
        }

        return Array.AsReadOnly(evidence);
    }

    /// <summary>The evidence that occurrence <paramref name="index"/> of field <paramref name="fieldIndex"/> gives, counted with <paramref name="weight"/>.</summary>
    private TopicEvidence NewEvidence(FieldScratch field, int fieldIndex, int index, double weight)
    {
        var occurrence = field.Occurrences.Items[index];
        var entry = _entries[occurrence.Entry];
        var (start, length) = field.ToOriginal(occurrence);
        return new TopicEvidence(fieldIndex == 0 ? EvidenceField.Title : EvidenceField.Abstract, entry.Phrase, start, length, _topics[entry.Topic], weight) { Reason = field.ReasonOf(index) };
    }

    /// <summary>
    /// Whether occurrence <paramref name="index"/> counts towards <paramref name="topic"/>, and with what weight: a
    /// phrase of the topic or a descendant, not vetoed, not inside a longer match for the same topic, and not repeated
    /// more often than allowed.
    /// </summary>
    private bool Counts(FieldScratch field, int fieldIndex, int index, int topic, out double weight)
    {
        weight = 0;
        var items = field.Occurrences.Items;
        var occurrence = items[index];
        var entry = _entries[occurrence.Entry];
        if (entry.IsVeto || field.Vetoed[index] || !IsSelfOrDescendant(entry.Topic, topic))
        {
            return false;
        }

        var repeats = 0;
        var maxRepeats = fieldIndex == 0 ? 1 : _options.MaxRepeats;
        for (var j = 0; j < items.Length; j++)
        {
            if (j == index || field.Vetoed[j])
            {
                continue;
            }

            var other = _entries[items[j].Entry];
            if (other.IsVeto || !IsSelfOrDescendant(other.Topic, topic))
            {
                continue;
            }

            if (Contains(items[j], occurrence) && (items[j].Length > occurrence.Length || j < index))
            {
                return false;
            }

            if (j < index && other.PhraseIndex == entry.PhraseIndex && ++repeats >= maxRepeats)
            {
                return false;
            }
        }

        var reason = field.ReasonOf(index);
        var phraseWeight = reason == EvidenceReason.TitleHead ? Math.Min(1.0, entry.Weight + _options.TitleHeadBonus) : entry.Weight;
        weight = phraseWeight * ReasonWeight(reason);
        return true;
    }

    /// <summary>The weight of evidence found for a reason, before the phrase weight.</summary>
    private double ReasonWeight(EvidenceReason reason) => reason switch
    {
        EvidenceReason.Title or EvidenceReason.TitleHead => _options.TitleWeight,
        EvidenceReason.ContributionSentence => _options.ContributionWeight,
        EvidenceReason.BackgroundSentence or EvidenceReason.AsideSentence => _options.BackgroundWeight,
        EvidenceReason.Comparison => _options.ComparisonWeight,
        _ => _options.AbstractWeight,
    };

    private void MarkVetoes(FieldScratch field)
    {
        var items = field.Occurrences.Items;
        var vetoed = field.Prepare(items.Length);
        for (var v = 0; v < items.Length; v++)
        {
            var veto = _entries[items[v].Entry];
            if (!veto.IsVeto)
            {
                continue;
            }

            for (var i = 0; i < items.Length; i++)
            {
                var entry = _entries[items[i].Entry];
                if (!entry.IsVeto && IsSelfOrDescendant(entry.Topic, veto.Topic) && Overlaps(items[i], items[v]))
                {
                    vetoed[i] = true;
                }
            }
        }
    }

    private bool IsSelfOrDescendant(int topic, int ancestor) => topic >= ancestor && topic < _subtreeEnds[ancestor];

    private int CategoryIndex(int topic, IReadOnlyList<string>? categories)
    {
        if (categories is null)
        {
            return -1;
        }

        var hints = _categories[topic];
        for (var c = 0; c < categories.Count; c++)
        {
            if (Array.IndexOf(hints, categories[c]) >= 0)
            {
                return c;
            }
        }

        return -1;
    }
}
