using PaperModel.Classification;

namespace PaperModel.Cli.Evaluation;

/// <summary>
/// Precision, recall and F1 of a classifier's assignments against labels, per topic and macro-averaged, with every
/// false positive (a topic assigned but not labelled) and miss (labelled but not assigned). A topic counts as assigned
/// when the paper's classification contains it, implied ancestors included, so a label <c>peft</c> is met by an
/// assigned <c>peft/lora</c>.
/// </summary>
internal sealed class Evaluation
{
    private Evaluation(IReadOnlyList<TopicScore> topics, IReadOnlyList<Mistake> mistakes, int paperCount)
    {
        Topics = topics;
        Mistakes = mistakes;
        PaperCount = paperCount;
    }

    /// <summary>The evaluated topics, in the order asked for.</summary>
    public IReadOnlyList<TopicScore> Topics { get; }

    /// <summary>The false positives and misses, paper by paper in input order.</summary>
    public IReadOnlyList<Mistake> Mistakes { get; }

    /// <summary>The number of labelled papers.</summary>
    public int PaperCount { get; }

    /// <summary>The mean F1 over the evaluated topics.</summary>
    public double MacroF1 => Topics.Count == 0 ? 0 : Topics.Average(t => t.F1);

    /// <summary>Classifies each paper and compares the given topics with its labels.</summary>
    public static Evaluation Run(Classifier classifier, IReadOnlyList<LabelledPaper> papers, IReadOnlyList<Topic> topics)
    {
        var counts = new (int Tp, int Fp, int Fn)[topics.Count];
        var mistakes = new List<Mistake>();
        foreach (var labelled in papers)
        {
            var result = classifier.Classify(labelled.Paper);
            for (var t = 0; t < topics.Count; t++)
            {
                var assigned = result.Find(topics[t]);
                var wanted = labelled.Labels.Contains(topics[t].Id);
                if (assigned is not null && wanted)
                {
                    counts[t].Tp++;
                }
                else if (assigned is not null)
                {
                    counts[t].Fp++;
                    mistakes.Add(new Mistake(labelled, topics[t], MistakeKind.FalsePositive, result));
                }
                else if (wanted)
                {
                    counts[t].Fn++;
                    mistakes.Add(new Mistake(labelled, topics[t], MistakeKind.Miss, result));
                }
            }
        }

        var scores = topics.Select((topic, t) => new TopicScore(topic, counts[t].Tp, counts[t].Fp, counts[t].Fn)).ToList();
        return new Evaluation(scores, mistakes, papers.Count);
    }
}

/// <summary>The counts of one topic and the figures computed from them.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="TruePositives">Papers labelled with the topic and assigned it.</param>
/// <param name="FalsePositives">Papers assigned the topic without the label.</param>
/// <param name="Misses">Papers labelled with the topic but not assigned it.</param>
internal sealed record TopicScore(Topic Topic, int TruePositives, int FalsePositives, int Misses)
{
    /// <summary>The share of assignments that are labelled; 1 when nothing was assigned.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>The share of labels that are assigned; 1 when no paper has the label.</summary>
    public double Recall => TruePositives + Misses == 0 ? 1 : (double)TruePositives / (TruePositives + Misses);

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>What went wrong for one paper and topic.</summary>
internal enum MistakeKind
{
    /// <summary>Assigned, not labelled.</summary>
    FalsePositive,

    /// <summary>Labelled, not assigned.</summary>
    Miss,
}

/// <summary>A false positive or a miss, with the paper's classification for its evidence.</summary>
/// <param name="Paper">The labelled paper.</param>
/// <param name="Topic">The topic that was wrongly assigned or missed.</param>
/// <param name="Kind">Which of the two.</param>
/// <param name="Result">Everything the classifier assigned to the paper.</param>
internal sealed record Mistake(LabelledPaper Paper, Topic Topic, MistakeKind Kind, PaperClassification Result);
