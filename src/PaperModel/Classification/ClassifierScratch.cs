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

    /// <summary>The occurrences that count, per topic they count towards, in field and text order.</summary>
    public ScanBuffer<CountedOccurrence> Counted { get; } = new();

    /// <summary>Per topic: the product of (1 - weight) over the evidence that counts.</summary>
    public double[] Miss { get; private set; } = [];

    /// <summary>Per topic: whether its evidence has a title phrase or a strong phrase (what it needs to be assigned).</summary>
    public bool[] Anchored { get; private set; } = [];

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
            scratch.Anchored = new bool[topicCount];
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
    private (int Start, int End) _head = (0, -1);
    private bool[] _vetoed = new bool[64];
    private byte[] _reasons = new byte[64];
    private int[] _offsets = new int[64];
    private TopicEvidence?[] _evidence = new TopicEvidence?[64];

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
        _head = (0, -1);
        Occurrences.Clear();
    }

    /// <summary>
    /// Why occurrence <paramref name="index"/> counts as much as it does: in a field without sentence roles (the title)
    /// <see cref="EvidenceReason.TitleHead"/> or <see cref="EvidenceReason.Title"/>, else the role of the sentence or
    /// comparison it stands in (read once per occurrence).
    /// </summary>
    public EvidenceReason ReasonOf(int index)
    {
        if (!_hasRoles)
        {
            return TitleReasonOf(Occurrences.Items[index]);
        }

        if (_reasons[index] != 0)
        {
            return (EvidenceReason)(_reasons[index] - 1);
        }

        if (!_rolesRead)
        {
            // The roles are read only as far as the occurrences need them.
            var occurrences = Occurrences.Items;
            for (var o = 0; o < occurrences.Length; o++)
            {
                _offsets[o] = ToOriginal(occurrences[o]).Start;
            }

            _roles.Reset(_original, _offsets.AsSpan(0, occurrences.Length));
            _rolesRead = true;
        }

        var reason = _roles.ReasonAt(_offsets[index]);
        _reasons[index] = (byte)(reason + 1);
        return reason;
    }

    /// <summary>Whether a title occurrence is in the head of the title (found on the first call).</summary>
    private EvidenceReason TitleReasonOf(in Occurrence occurrence)
    {
        if (_head.End < 0)
        {
            _head = TitleHead.Find(Text);
        }

        return occurrence.Start >= _head.Start && occurrence.Start + occurrence.Length <= _head.End ? EvidenceReason.TitleHead : EvidenceReason.Title;
    }

    /// <summary>The span of the original text that an occurrence (found in <see cref="Text"/>) was read from.</summary>
    public (int Start, int Length) ToOriginal(in Occurrence occurrence) => _markup.ToOriginal(occurrence.Start, occurrence.Length);

    /// <summary>Per occurrence, its evidence once built (shared by every topic it counts towards).</summary>
    public TopicEvidence?[] Evidence => _evidence;

    /// <summary>Prepares the per-occurrence memory for <paramref name="count"/> occurrences and returns the cleared veto marks.</summary>
    public bool[] Prepare(int count)
    {
        if (_vetoed.Length < count)
        {
            var size = Math.Max(count, _vetoed.Length * 2);
            _vetoed = new bool[size];
            _reasons = new byte[size];
            _offsets = new int[size];
            _evidence = new TopicEvidence?[size];
        }

        Array.Clear(_vetoed, 0, count);
        Array.Clear(_reasons, 0, count);
        return _vetoed;
    }

    /// <summary>Forgets the evidence built for the result, so the scratch keeps no result alive.</summary>
    public void ReleaseEvidence() => Array.Clear(_evidence, 0, Occurrences.Count);
}

/// <summary>An occurrence that counts towards a topic, found while scoring and read again for the evidence.</summary>
/// <param name="Topic">The topic it counts towards (its own topic or an ancestor).</param>
/// <param name="Field">The field: 0 for the title, 1 for the abstract.</param>
/// <param name="Index">The occurrence's index in the field.</param>
/// <param name="Weight">The weight it counts with.</param>
internal readonly record struct CountedOccurrence(int Topic, int Field, int Index, double Weight);

/// <summary>The outcome for one topic of one paper.</summary>
internal enum TopicState : byte
{
    None,
    Assigned,
    Implied,
}
