using PaperModel.Classification;

namespace PaperModel.Digest;

/// <summary>Builds a <see cref="PaperDigest"/>: merge, filter by date and state, classify, group, rank, cut.</summary>
internal static class DigestBuilder
{
    public static PaperDigest Build(IEnumerable<Paper> papers, Classifier classifier, DigestOptions options)
    {
        var requested = RequestedTopics(classifier.Taxonomy, options.Topics);
        var sections = new Dictionary<Topic, List<DigestEntry>>();
        foreach (var paper in PaperMerger.Merge(papers))
        {
            if (!InWindow(paper, options) || (options.Seen?.Contains(paper) ?? false))
            {
                continue;
            }

            var assigned = classifier.Classify(paper).Topics.Where(t => t.Score >= options.MinimumScore).ToList();
            var placed = assigned
                .Where(t => !assigned.Any(other => ReferenceEquals(other.Topic.Parent, t.Topic)))
                .Where(t => requested.Count == 0 || requested.Any(r => ReferenceEquals(r, t.Topic) || t.Topic.IsDescendantOf(r)))
                .ToList();
            if (placed.Count == 0)
            {
                continue;
            }

            var digestPaper = CreatePaper(paper, placed, options.SnippetLength);
            foreach (var assignment in placed)
            {
                if (!sections.TryGetValue(assignment.Topic, out var list))
                {
                    sections.Add(assignment.Topic, list = []);
                }

                list.Add(new DigestEntry(digestPaper, assignment));
            }
        }

        var ordered = sections
            .OrderBy(s => RequestOrder(requested, s.Key))
            .ThenBy(static s => s.Key.Index)
            .Select(s => new DigestSection(s.Key, Rank(s.Value, options.MaxPerTopic)) { Heading = Heading(s.Key, requested) })
            .ToList();
        var distinct = ordered.SelectMany(static s => s.Entries).Select(static e => e.Paper).Distinct().ToList();
        return new PaperDigest(options.Title ?? PaperDigest.DefaultTitle, ordered, distinct);
    }

    private static List<Topic> RequestedTopics(Taxonomy taxonomy, IReadOnlyList<string> ids)
    {
        var topics = new List<Topic>();
        foreach (var id in ids)
        {
            if (!taxonomy.TryGetTopic(id, out var topic))
            {
                throw new ArgumentException($"The taxonomy '{taxonomy.Name}' has no topic '{id}'.", nameof(ids));
            }

            topics.Add(topic);
        }

        return topics;
    }

    private static bool InWindow(Paper paper, DigestOptions options)
    {
        var date = paper.ListedOn ?? paper.Published;
        return (options.Since is not { } since || (date is { } d1 && d1 >= since))
            && (options.Until is not { } until || (date is { } d2 && d2 < until));
    }

    private static int RequestOrder(List<Topic> requested, Topic topic)
    {
        var index = requested.FindIndex(r => ReferenceEquals(r, topic) || topic.IsDescendantOf(r));
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>The topic's name, prefixed by its ancestors' names up to the requested topic (or the root).</summary>
    private static string Heading(Topic topic, List<Topic> requested)
    {
        var names = new List<string> { topic.Name };
        if (!requested.Contains(topic))
        {
            foreach (var ancestor in topic.Ancestors)
            {
                names.Insert(0, ancestor.Name);
                if (requested.Contains(ancestor))
                {
                    break;
                }
            }
        }

        return string.Join(" › ", names);
    }

    private static List<DigestEntry> Rank(List<DigestEntry> entries, int? max) =>
        entries
            .OrderByDescending(static e => e.Score)
            .ThenByDescending(static e => e.Paper.Upvotes ?? -1)
            .ThenByDescending(static e => e.Paper.Date ?? DateTimeOffset.MinValue)
            .ThenBy(static e => e.Paper.Title, StringComparer.Ordinal)
            .Take(max ?? int.MaxValue)
            .ToList();

    private static DigestPaper CreatePaper(Paper paper, List<TopicAssignment> placed, int snippetLength)
    {
        var evidence = placed.SelectMany(static t => t.Evidence).ToList();
        var title = EvidenceText.Runs(paper.Title, evidence.Where(static e => e.Field == EvidenceField.Title), 0, paper.Title.Length);
        var snippet = EvidenceText.Snippet(paper.Abstract, evidence.Where(static e => e.Field == EvidenceField.Abstract).ToList(), snippetLength);
        return new DigestPaper(paper, PaperMerger.KeyOf(paper), placed, DigestLinks.Of(paper), title, snippet);
    }
}
