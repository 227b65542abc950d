using PaperModel.Common.Matching;

namespace PaperModel.Classification;

/// <summary>
/// Assigns topics of a <see cref="Classification.Taxonomy"/> to papers, with a score in [0, 1] and the evidence (the
/// phrase, the field and the character offset in the original text) for each. The scoring is described in
/// <c>docs/classification.md</c>. Immutable and thread-safe: build one per taxonomy and share it; classifying a paper
/// allocates only the result (nothing when no topic is assigned).
/// </summary>
public sealed class Classifier
{
    private readonly MatcherTables _tables;
    private readonly ITokenLookup _lookup;
    private readonly Topic[] _topics;
    private readonly int[] _parents;
    private readonly double[] _thresholds;
    private readonly string[][] _categories;

    /// <summary>Creates a classifier for a taxonomy, building its phrase tables once.</summary>
    /// <param name="taxonomy">The taxonomy (loaded at run time or generated).</param>
    /// <param name="options">Scoring settings, or <see langword="null"/> for <see cref="ClassifierOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Classifier(Taxonomy taxonomy, ClassifierOptions? options = null)
        : this(taxonomy ?? throw new ArgumentNullException(nameof(taxonomy)), BuildTables(taxonomy), lookup: null, options)
    {
    }

    /// <summary>
    /// Creates a classifier from the matcher that the source generator compiled for a taxonomy, with nothing to parse
    /// or build. Generated taxonomy classes call this for their <c>Classifier</c> property; use
    /// <see cref="WithOptions"/> on that classifier for other settings.
    /// </summary>
    /// <param name="matcher">The generated matcher.</param>
    /// <param name="options">Scoring settings, or <see langword="null"/> for <see cref="ClassifierOptions.Default"/>.</param>
    /// <exception cref="InvalidOperationException">The matcher's tables do not belong to its taxonomy.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Classifier(GeneratedMatcher matcher, ClassifierOptions? options = null)
        : this(
            (matcher ?? throw new ArgumentNullException(nameof(matcher))).Taxonomy,
            matcher.DecodeTables([.. Sources(matcher.Taxonomy.Topics)]),
            matcher,
            options)
    {
    }

    private Classifier(Taxonomy taxonomy, MatcherTables tables, ITokenLookup? lookup, ClassifierOptions? options)
    {
        Taxonomy = taxonomy;
        Options = Validate(options ?? ClassifierOptions.Default);
        _topics = [.. taxonomy.Topics];
        _tables = tables;
        _lookup = lookup ?? new TokenHashTable(tables.Vocabulary);
        _parents = new int[_topics.Length];
        _thresholds = new double[_topics.Length];
        _categories = new string[_topics.Length][];
        for (var i = 0; i < _topics.Length; i++)
        {
            var topic = _topics[i];
            _parents[i] = topic.Parent?.Index ?? -1;
            _thresholds[i] = topic.Threshold ?? Options.DefaultThreshold;
            _categories[i] = topic.Categories.Count > 0 || _parents[i] < 0 ? [.. topic.Categories] : _categories[_parents[i]];
        }
    }

    /// <summary>The taxonomy whose topics are assigned.</summary>
    public Taxonomy Taxonomy { get; }

    /// <summary>The scoring settings.</summary>
    public ClassifierOptions Options { get; }

    /// <summary>
    /// Returns a classifier for the same taxonomy with other scoring settings. It shares this classifier's phrase
    /// tables, so nothing is rebuilt.
    /// </summary>
    /// <param name="options">The scoring settings.</param>
    /// <returns>The new classifier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Classifier WithOptions(ClassifierOptions options) =>
        new(Taxonomy, _tables, _lookup, options ?? throw new ArgumentNullException(nameof(options)));

    /// <summary>Classifies a paper by its title, abstract and arXiv categories.</summary>
    /// <param name="paper">The paper.</param>
    /// <returns>The assigned topics.</returns>
    public PaperClassification Classify(Paper paper)
    {
        if (paper is null)
        {
            throw new ArgumentNullException(nameof(paper));
        }

        return Classify(paper.Title, paper.Abstract, paper.Categories);
    }

    /// <summary>Classifies a paper given as text.</summary>
    /// <param name="title">The title.</param>
    /// <param name="abstract">The abstract, or <see langword="null"/> or empty when only the title is known.</param>
    /// <param name="categories">The arXiv categories, if known.</param>
    /// <returns>The assigned topics; evidence offsets refer to <paramref name="title"/> and <paramref name="abstract"/>.</returns>
    public PaperClassification Classify(string title, string? @abstract = null, IReadOnlyList<string>? categories = null)
    {
        if (title is null)
        {
            throw new ArgumentNullException(nameof(title));
        }

        var scratch = Scratch.ForThread(_topics.Length);
        var fields = scratch.Fields;
        fields[0].Reset(title);
        fields[1].Reset(@abstract ?? string.Empty);
        foreach (var field in fields)
        {
            if (field.Text.Length > 0)
            {
                PhraseScanner.Scan(field.Text, _tables, _lookup, field.Occurrences);
            }

            MarkVetoes(field);
        }

        var miss = scratch.Miss;
        for (var i = 0; i < _topics.Length; i++)
        {
            miss[i] = 1.0;
        }

        for (var f = 0; f < fields.Length; f++)
        {
            var items = fields[f].Occurrences.Items;
            for (var i = 0; i < items.Length; i++)
            {
                for (var topic = _tables.Entries[items[i].Entry].Topic; topic >= 0; topic = _parents[topic])
                {
                    if (Counts(fields[f], f, i, topic, out var weight))
                    {
                        miss[topic] *= 1.0 - weight;
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
                miss[t] *= 1.0 - Options.CategoryWeight;
            }

            state[t] = 1.0 - miss[t] >= _thresholds[t] ? TopicState.Assigned : TopicState.None;
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

        var result = new List<TopicAssignment>(assignedCount);
        for (var t = 0; t < _topics.Length; t++)
        {
            if (state[t] != TopicState.None)
            {
                result.Add(new TopicAssignment(_topics[t], 1.0 - miss[t], state[t] == TopicState.Implied, Evidence(fields, t, categories)));
            }
        }

        return new PaperClassification(result.AsReadOnly());
    }

    private static ClassifierOptions Validate(ClassifierOptions options)
    {
        CheckWeight(options.TitleWeight, nameof(options.TitleWeight));
        CheckWeight(options.AbstractWeight, nameof(options.AbstractWeight));
        CheckWeight(options.CategoryWeight, nameof(options.CategoryWeight));
        CheckWeight(options.DefaultThreshold, nameof(options.DefaultThreshold));
        if (options.MaxRepeats < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRepeats, "MaxRepeats must be at least 1.");
        }

        return options;

        static void CheckWeight(double value, string name)
        {
            if (!(value >= 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(options), value, name + " must be in [0, 1].");
            }
        }
    }

    /// <summary>Parses the phrases of a taxonomy and builds its tables (what a run-time classifier does once).</summary>
    internal static MatcherTables BuildTables(Taxonomy taxonomy) => MatcherTables.Build(Sources(taxonomy.Topics));

    /// <summary>The phrases and vetoes of the topics, in the order <see cref="MatcherTables"/> expects.</summary>
    private static IEnumerable<PhraseSource> Sources(IReadOnlyList<Topic> topics)
    {
        for (var t = 0; t < topics.Count; t++)
        {
            foreach (var phrase in topics[t].Phrases)
            {
                yield return new PhraseSource(t, false, phrase.Text, phrase.Weight, ToKind(phrase.Kind));
            }

            foreach (var phrase in topics[t].Vetoes)
            {
                yield return new PhraseSource(t, true, phrase.Text, phrase.Weight, ToKind(phrase.Kind));
            }
        }
    }

    private static Common.Taxonomy.PhraseKind ToKind(PhraseKind kind) =>
        kind == PhraseKind.Acronym ? Common.Taxonomy.PhraseKind.Acronym : Common.Taxonomy.PhraseKind.Keyword;

    private static bool Overlaps(in Occurrence a, in Occurrence b) => a.Start < b.Start + b.Length && b.Start < a.Start + a.Length;

    private static bool Contains(in Occurrence outer, in Occurrence inner) =>
        outer.Start <= inner.Start && inner.Start + inner.Length <= outer.Start + outer.Length;

    private IReadOnlyList<TopicEvidence> Evidence(FieldScratch[] fields, int topic, IReadOnlyList<string>? categories)
    {
        var evidence = new List<TopicEvidence>();
        for (var f = 0; f < fields.Length; f++)
        {
            var items = fields[f].Occurrences.Items;
            for (var i = 0; i < items.Length; i++)
            {
                if (Counts(fields[f], f, i, topic, out var weight))
                {
                    var entry = _tables.Entries[items[i].Entry];
                    var field = f == 0 ? EvidenceField.Title : EvidenceField.Abstract;
                    evidence.Add(new TopicEvidence(field, entry.Phrase, items[i].Start, items[i].Length, _topics[entry.Topic], weight));
                }
            }
        }

        var category = evidence.Count > 0 ? CategoryIndex(topic, categories) : -1;
        if (category >= 0)
        {
            evidence.Add(new TopicEvidence(EvidenceField.Category, categories![category], category, categories[category].Length, _topics[topic], Options.CategoryWeight));
        }

        return evidence.AsReadOnly();
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
        var entry = _tables.Entries[occurrence.Entry];
        if (entry.IsVeto || field.Vetoed[index] || !IsSelfOrDescendant(entry.Topic, topic))
        {
            return false;
        }

        var repeats = 0;
        var maxRepeats = fieldIndex == 0 ? 1 : Options.MaxRepeats;
        for (var j = 0; j < items.Length; j++)
        {
            if (j == index || field.Vetoed[j])
            {
                continue;
            }

            var other = _tables.Entries[items[j].Entry];
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

        weight = entry.Weight * (fieldIndex == 0 ? Options.TitleWeight : Options.AbstractWeight);
        return true;
    }

    private void MarkVetoes(FieldScratch field)
    {
        var items = field.Occurrences.Items;
        var vetoed = field.PrepareVetoed(items.Length);
        for (var v = 0; v < items.Length; v++)
        {
            var veto = _tables.Entries[items[v].Entry];
            if (!veto.IsVeto)
            {
                continue;
            }

            for (var i = 0; i < items.Length; i++)
            {
                var entry = _tables.Entries[items[i].Entry];
                if (!entry.IsVeto && IsSelfOrDescendant(entry.Topic, veto.Topic) && Overlaps(items[i], items[v]))
                {
                    vetoed[i] = true;
                }
            }
        }
    }

    private bool IsSelfOrDescendant(int topic, int ancestor)
    {
        for (var t = topic; t >= 0; t = _parents[t])
        {
            if (t == ancestor)
            {
                return true;
            }
        }

        return false;
    }

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

    private enum TopicState : byte
    {
        None,
        Assigned,
        Implied,
    }

    /// <summary>Per-field working memory: the text, its occurrences and which of them are vetoed.</summary>
    private sealed class FieldScratch
    {
        private bool[] _vetoed = new bool[64];

        public string Text { get; private set; } = string.Empty;

        public OccurrenceBuffer Occurrences { get; } = new();

        public bool[] Vetoed => _vetoed;

        public void Reset(string text)
        {
            Text = text;
            Occurrences.Clear();
        }

        public bool[] PrepareVetoed(int count)
        {
            if (_vetoed.Length < count)
            {
                _vetoed = new bool[Math.Max(count, _vetoed.Length * 2)];
            }

            Array.Clear(_vetoed, 0, count);
            return _vetoed;
        }
    }

    /// <summary>Working memory reused by every classification on a thread, so classifying allocates only the result.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        public FieldScratch[] Fields { get; } = [new(), new()];

        public double[] Miss { get; private set; } = [];

        public TopicState[] State { get; private set; } = [];

        public static Scratch ForThread(int topicCount)
        {
            var scratch = _current ??= new Scratch();
            if (scratch.Miss.Length < topicCount)
            {
                scratch.Miss = new double[topicCount];
                scratch.State = new TopicState[topicCount];
            }

            return scratch;
        }
    }
}
