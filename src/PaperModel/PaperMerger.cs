namespace PaperModel;

/// <summary>
/// Merges records of the same paper read from several sources or versions (the Hugging Face entry, the arXiv Atom
/// entry of <c>v2</c>, the bulk metadata line of <c>v3</c>) into one <see cref="Paper"/> per work. Stateless and
/// thread-safe; the result depends only on the input (and its order only where two records tie on every rule).
/// </summary>
/// <remarks>
/// <para>
/// <b>Key.</b> Papers with an arXiv id are merged by the id without version (<see cref="ArxivId.WithoutVersion"/>);
/// papers without one are merged only with papers of the same <see cref="Paper.Id"/> (ordinal). The output keeps the order
/// in which each key first appears.
/// </para>
/// <para>
/// <b>Precedence.</b> The records of one paper are ranked: higher arXiv version first; then later
/// <see cref="Paper.Updated"/>; then by source, arXiv metadata snapshot and OAI-PMH, arXiv Atom, arXiv announcement feed,
/// Hugging Face API, Hugging Face page;
/// then input order. A record without a version ranks below every versioned one.
/// </para>
/// <para>
/// <b>Fields.</b> Title, abstract, authors, published date, categories (with the primary category), comment, journal
/// reference, DOI, report number, licence, submitter, organization, keywords, AI summary and announce type come from the first record in
/// precedence order that has them (so the newest arXiv version wins for bibliographic data, and Hugging Face fills what
/// only it has). When the chosen authors have no affiliations, affiliations are taken from another record that lists the
/// same names in the same order. <see cref="Paper.ArxivId"/> is the highest version seen. <see cref="Paper.Updated"/> is
/// the latest date; <see cref="Paper.ListedOn"/> the earliest; <see cref="Paper.Upvotes"/> and
/// <see cref="Paper.CommentCount"/> the largest (counts only grow). Versions are the union by number. Links are taken kind
/// by kind from the first record that has a link of that kind (so the abstract and PDF links point at the newest
/// version). <see cref="Paper.Source"/> combines every record's flags.
/// </para>
/// <para>Merging needs every paper in memory at once: merge a day's listings, not a whole bulk snapshot.</para>
/// </remarks>
public static class PaperMerger
{
    /// <summary>The key papers are merged by: the arXiv id without version, or <see cref="Paper.Id"/> when there is no arXiv id.</summary>
    /// <param name="paper">The paper.</param>
    /// <returns>The key, e.g. <c>2310.12345</c>.</returns>
    public static string KeyOf(Paper paper)
    {
        if (paper is null)
        {
            throw new ArgumentNullException(nameof(paper));
        }

        return paper.ArxivId is { } id ? id.WithoutVersion().ToString() : paper.Id;
    }

    /// <summary>Merges the records of each paper into one, keeping the order in which papers first appear.</summary>
    /// <param name="papers">The papers, from any number of sources.</param>
    /// <returns>One paper per key (see <see cref="KeyOf(Paper)"/>).</returns>
    public static IReadOnlyList<Paper> Merge(IEnumerable<Paper> papers)
    {
        if (papers is null)
        {
            throw new ArgumentNullException(nameof(papers));
        }

        var groups = new Dictionary<string, List<(Paper Paper, int Order)>>(StringComparer.Ordinal);
        var keys = new List<string>();
        var order = 0;
        foreach (var paper in papers)
        {
            if (paper is null)
            {
                throw new ArgumentException("The papers contain null.", nameof(papers));
            }

            var key = KeyOf(paper);
            if (!groups.TryGetValue(key, out var group))
            {
                groups.Add(key, group = []);
                keys.Add(key);
            }

            group.Add((paper, order++));
        }

        var merged = new List<Paper>(keys.Count);
        foreach (var key in keys)
        {
            var group = groups[key];
            merged.Add(group.Count == 1 ? group[0].Paper : MergeGroup(key, group));
        }

        return merged;
    }

    /// <summary>Merges two records of the same paper.</summary>
    /// <param name="first">A record.</param>
    /// <param name="second">Another record of the same paper. The precedence rules decide which record wins a field; on a full tie, <paramref name="first"/> wins.</param>
    /// <returns>The merged paper.</returns>
    /// <exception cref="ArgumentException">The records have different keys.</exception>
    public static Paper Merge(Paper first, Paper second)
    {
        var key = KeyOf(first);
        if (!string.Equals(key, KeyOf(second), StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' and '{KeyOf(second)}' are different papers.", nameof(second));
        }

        return MergeGroup(key, [(first, 0), (second, 1)]);
    }

    private static Paper MergeGroup(string key, List<(Paper Paper, int Order)> group)
    {
        var ranked = group.OrderByDescending(static r => r.Paper.ArxivId?.Version ?? 0)
            .ThenByDescending(static r => r.Paper.Updated ?? DateTimeOffset.MinValue)
            .ThenBy(static r => SourceRank(r.Paper.Source))
            .ThenBy(static r => r.Order)
            .Select(static r => r.Paper)
            .ToList();
        var top = ranked[0];

        var authorsFrom = ranked.FirstOrDefault(static p => p.Authors.Count > 0);
        var categoriesFrom = ranked.FirstOrDefault(static p => p.Categories.Count > 0);
        return new Paper(key, First(ranked, static p => p.Title.Length > 0 ? p.Title : null) ?? top.Title)
        {
            ArxivId = ranked.Select(static p => p.ArxivId).FirstOrDefault(static id => id is not null),
            Abstract = First(ranked, static p => p.Abstract.Length > 0 ? p.Abstract : null) ?? string.Empty,
            Authors = authorsFrom is null ? [] : WithAffiliations(authorsFrom.Authors, ranked),
            Published = ranked.Select(static p => p.Published).FirstOrDefault(static d => d.HasValue),
            Updated = ranked.Max(static p => p.Updated),
            ListedOn = ranked.Min(static p => p.ListedOn),
            Categories = categoriesFrom?.Categories ?? [],
            PrimaryCategory = categoriesFrom?.PrimaryCategory ?? First(ranked, static p => p.PrimaryCategory),
            Links = Links(ranked),
            Versions = Versions(ranked),
            Upvotes = ranked.Max(static p => p.Upvotes),
            CommentCount = ranked.Max(static p => p.CommentCount),
            Comment = First(ranked, static p => p.Comment),
            JournalReference = First(ranked, static p => p.JournalReference),
            Doi = First(ranked, static p => p.Doi),
            ReportNumber = First(ranked, static p => p.ReportNumber),
            License = First(ranked, static p => p.License),
            Submitter = First(ranked, static p => p.Submitter),
            Organization = First(ranked, static p => p.Organization),
            Keywords = ranked.FirstOrDefault(static p => p.Keywords.Count > 0)?.Keywords ?? [],
            AiSummary = First(ranked, static p => p.AiSummary),
            AnnounceType = ranked.Select(static p => p.AnnounceType).FirstOrDefault(static t => t.HasValue),
            Source = ranked.Aggregate(PaperSource.None, static (s, p) => s | p.Source),
        };
    }

    private static int SourceRank(PaperSource source) =>
        (source & (PaperSource.ArxivMetadata | PaperSource.ArxivOai)) != 0 ? 0
        : (source & PaperSource.ArxivAtom) != 0 ? 1
        : (source & PaperSource.ArxivRss) != 0 ? 2
        : (source & PaperSource.HuggingFaceApi) != 0 ? 3
        : (source & PaperSource.HuggingFaceDailyPage) != 0 ? 4
        : 5;

    private static string? First(List<Paper> ranked, Func<Paper, string?> field)
    {
        foreach (var paper in ranked)
        {
            if (field(paper) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    private static IReadOnlyList<Author> WithAffiliations(IReadOnlyList<Author> authors, List<Paper> ranked)
    {
        if (authors.Any(static a => a.Affiliation is not null))
        {
            return authors;
        }

        var donor = ranked.FirstOrDefault(p =>
            p.Authors.Count == authors.Count
            && p.Authors.Any(static a => a.Affiliation is not null)
            && p.Authors.Select(static a => a.Name).SequenceEqual(authors.Select(static a => a.Name), StringComparer.Ordinal));
        return donor?.Authors ?? authors;
    }

    private static IReadOnlyList<PaperLink> Links(List<Paper> ranked)
    {
        var links = new List<PaperLink>();
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in ranked)
        {
            var added = new HashSet<string>(StringComparer.Ordinal);
            foreach (var link in paper.Links)
            {
                if (!kinds.Contains(link.Kind))
                {
                    links.Add(link);
                    added.Add(link.Kind);
                }
            }

            kinds.UnionWith(added);
        }

        return links;
    }

    private static IReadOnlyList<PaperVersion> Versions(List<Paper> ranked)
    {
        var versions = new SortedDictionary<int, PaperVersion>();
        foreach (var version in ranked.SelectMany(static p => p.Versions))
        {
            if (!versions.TryGetValue(version.Number, out var known) || (known.Created is null && version.Created is not null))
            {
                versions[version.Number] = version;
            }
        }

        return [.. versions.Values];
    }
}
