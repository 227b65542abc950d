namespace PaperModel.Digest;

/// <summary>What a <see cref="PaperDigest"/> includes. Immutable; <see cref="Default"/> includes every assigned topic.</summary>
public sealed record DigestOptions
{
    /// <summary>Every topic, no minimum score, no limit, no date window, no state.</summary>
    public static DigestOptions Default { get; } = new();

    /// <summary>
    /// Topic ids to include, each with its descendants (<c>peft</c> includes <c>peft/lora</c>); sections follow this
    /// order. Empty (the default): every topic of the taxonomy, in taxonomy order.
    /// </summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Only topics scoring at least this (0-1) place a paper in a section. Default 0: every assigned topic.</summary>
    public double MinimumScore { get; init; }

    /// <summary>At most this many papers per section (the best ranked); <see langword="null"/> (the default): all.</summary>
    public int? MaxPerTopic { get; init; }

    /// <summary>Only papers dated on or after this instant (listing date, else published date); <see langword="null"/>: no lower bound.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only papers dated before this instant (listing date, else published date); <see langword="null"/>: no upper bound.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>
    /// Papers already sent: those it contains (by arXiv id without version, see <see cref="SeenPapers"/>) are left out.
    /// <see langword="null"/> (the default): nothing is left out. The digest does not change it; call
    /// <see cref="SeenPapers.Add(PaperDigest, DateTimeOffset)"/> once the digest has been delivered.
    /// </summary>
    public SeenPapers? Seen { get; init; }

    /// <summary>The digest's heading; <see langword="null"/>: "Papers on your topics".</summary>
    public string? Title { get; init; }

    /// <summary>The length, in characters, that abstract snippets are cut to (default 360).</summary>
    public int SnippetLength { get; init; } = 360;
}
