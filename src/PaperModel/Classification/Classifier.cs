using PaperModel.Common.Matching;

namespace PaperModel.Classification;

/// <summary>
/// Assigns topics of a <see cref="Classification.Taxonomy"/> to papers, with a score in [0, 1] and the evidence (the
/// phrase, the field and the character offset in the original text) for each. The scoring is described in
/// <c>docs/classification.md</c>. Immutable and thread-safe: build one per taxonomy and share it; classifying a paper
/// allocates only the result (nothing when no topic is assigned; a field with markup, one copy without it).
/// </summary>
public sealed class Classifier
{
    private readonly MatcherTables _tables;
    private readonly TopicScorer _scorer;
    private readonly int _topicCount;

    /// <summary>Creates a classifier for a taxonomy, building its phrase tables once.</summary>
    /// <param name="taxonomy">The taxonomy (loaded at run time or generated).</param>
    /// <param name="options">Scoring settings, or <see langword="null"/> for <see cref="ClassifierOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Classifier(Taxonomy taxonomy, ClassifierOptions? options = null)
        : this(taxonomy ?? throw new ArgumentNullException(nameof(taxonomy)), BuildTables(taxonomy), options)
    {
    }

    private Classifier(Taxonomy taxonomy, MatcherTables tables, ClassifierOptions? options)
    {
        Taxonomy = taxonomy;
        Options = Validate(options ?? ClassifierOptions.Default);
        _tables = tables;
        _topicCount = taxonomy.Topics.Count;
        _scorer = new TopicScorer([.. taxonomy.Topics], tables.Entries, Options);
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
        new(Taxonomy, _tables, options ?? throw new ArgumentNullException(nameof(options)));

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

        var scratch = ClassifierScratch.ForThread(_topicCount);
        var fields = scratch.Fields;
        fields[0].Reset(title, withRoles: false);
        fields[1].Reset(@abstract ?? string.Empty, withRoles: true);
        foreach (var field in fields)
        {
            if (field.Text.Length > 0)
            {
                PhraseScanner.Scan(field.Text, _tables, scratch.Tokens, field.Occurrences);
            }
        }

        return _scorer.Score(scratch, categories);
    }

    private static ClassifierOptions Validate(ClassifierOptions options)
    {
        CheckWeight(options.TitleWeight, nameof(options.TitleWeight));
        CheckWeight(options.AbstractWeight, nameof(options.AbstractWeight));
        CheckWeight(options.ContributionWeight, nameof(options.ContributionWeight));
        CheckWeight(options.BackgroundWeight, nameof(options.BackgroundWeight));
        CheckWeight(options.ComparisonWeight, nameof(options.ComparisonWeight));
        CheckWeight(options.CategoryWeight, nameof(options.CategoryWeight));
        CheckWeight(options.DefaultThreshold, nameof(options.DefaultThreshold));
        CheckWeight(options.StrongPhraseWeight, nameof(options.StrongPhraseWeight));
        CheckWeight(options.TitleHeadBonus, nameof(options.TitleHeadBonus));
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

    /// <summary>
    /// The phrases and vetoes of the topics, in the one order the tables number them (<see cref="PhraseEntry.PhraseIndex"/>):
    /// topic by topic in pre-order, each topic's phrases in file order and then its vetoes.
    /// </summary>
    internal static IEnumerable<PhraseSource> Sources(IReadOnlyList<Topic> topics)
    {
        for (var t = 0; t < topics.Count; t++)
        {
            foreach (var phrase in topics[t].Phrases)
            {
                yield return new PhraseSource(t, false, phrase.Text, phrase.Weight, phrase.Kind);
            }

            foreach (var phrase in topics[t].Vetoes)
            {
                yield return new PhraseSource(t, true, phrase.Text, phrase.Weight, phrase.Kind);
            }
        }
    }
}
