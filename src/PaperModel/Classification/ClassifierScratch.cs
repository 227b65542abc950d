using PaperModel.Common.Matching;

namespace PaperModel.Classification;

/// <summary>
/// Working memory reused by every classification on a thread (the occurrences of each field, which of them are
/// vetoed, and the per-topic scores), so classifying allocates only the result.
/// </summary>
internal sealed class ClassifierScratch
{
    [ThreadStatic]
    private static ClassifierScratch? _current;

    /// <summary>The title (0) and the abstract (1).</summary>
    public FieldScratch[] Fields { get; } = [new(), new()];

    /// <summary>The tokens of the field being scanned.</summary>
    public ScanBuffer<TokenHit> Tokens { get; } = new();

    /// <summary>Per topic: the product of (1 - weight) over the evidence that counts.</summary>
    public double[] Miss { get; private set; } = [];

    /// <summary>Per topic: whether it is assigned, implied by an assigned descendant, or neither.</summary>
    public TopicState[] State { get; private set; } = [];

    /// <summary>The scratch of the current thread, with room for <paramref name="topicCount"/> topics.</summary>
    public static ClassifierScratch ForThread(int topicCount)
    {
        var scratch = _current ??= new ClassifierScratch();
        if (scratch.Miss.Length < topicCount)
        {
            scratch.Miss = new double[topicCount];
            scratch.State = new TopicState[topicCount];
        }

        return scratch;
    }
}

/// <summary>
/// Per-field working memory: the text with its markup taken out (what phrases are matched in), its occurrences (with
/// offsets into that text) and which of them are vetoed.
/// </summary>
internal sealed class FieldScratch
{
    private readonly MarkupText _markup = new();
    private readonly SentenceRoles _roles = new();
    private string _original = string.Empty;
    private bool _hasRoles;
    private bool _rolesRead;
    private bool[] _vetoed = new bool[64];

    /// <summary>The text phrases are matched in: the original without its TeX and Markdown markup.</summary>
    public string Text => _markup.Text;

    public ScanBuffer<Occurrence> Occurrences { get; } = new();

    public bool[] Vetoed => _vetoed;

    /// <summary>
    /// Prepares the field for <paramref name="text"/>, with sentence roles when asked (the abstract); they are read
    /// when the first occurrence asks for its reason, so a field without matches never reads them.
    /// </summary>
    public void Reset(string text, bool withRoles)
    {
        _markup.Reset(text);
        _original = text;
        _hasRoles = withRoles;
        _rolesRead = false;
        Occurrences.Clear();
    }

    /// <summary>
    /// Why an occurrence counts as much as it does: <see cref="EvidenceReason.Title"/> in a field without sentence
    /// roles, else the role of the sentence or comparison it stands in.
    /// </summary>
    public EvidenceReason ReasonOf(in Occurrence occurrence)
    {
        if (!_hasRoles)
        {
            return EvidenceReason.Title;
        }

        if (!_rolesRead)
        {
            _roles.Reset(_original);
            _rolesRead = true;
        }

        return _roles.ReasonAt(ToOriginal(occurrence).Start);
    }

    /// <summary>The span of the original text that an occurrence (found in <see cref="Text"/>) was read from.</summary>
    public (int Start, int Length) ToOriginal(in Occurrence occurrence) => _markup.ToOriginal(occurrence.Start, occurrence.Length);

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

/// <summary>The outcome for one topic of one paper.</summary>
internal enum TopicState : byte
{
    None,
    Assigned,
    Implied,
}
