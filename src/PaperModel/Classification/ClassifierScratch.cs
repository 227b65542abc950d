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

/// <summary>Per-field working memory: the text, its occurrences and which of them are vetoed.</summary>
internal sealed class FieldScratch
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

/// <summary>The outcome for one topic of one paper.</summary>
internal enum TopicState : byte
{
    None,
    Assigned,
    Implied,
}
