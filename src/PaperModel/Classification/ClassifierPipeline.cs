namespace PaperModel.Classification;

/// <summary>
/// Classifies a stream of papers on every core, in input order and bounded memory (<see cref="ParallelPipeline"/>):
/// the papers are read on one thread while batches of them are classified on the others.
/// </summary>
/// <example>
/// <code>
/// var papers = PaperReader.EnumerateFile("arxiv-metadata-oai-snapshot.json").Select(item => item.Paper).OfType&lt;Paper&gt;();
/// foreach (var (paper, classification) in DefaultTopics.Classifier.ClassifyAll(papers))
/// {
///     if (classification.Contains(DefaultTopics.Peft)) Console.WriteLine(paper.Title);
/// }
/// </code>
/// </example>
public static class ClassifierPipeline
{
    /// <summary>Classifies every paper of an asynchronous stream in parallel batches; the results come in input order.</summary>
    /// <param name="classifier">The classifier (thread-safe).</param>
    /// <param name="papers">The papers, read by one thread at a time.</param>
    /// <param name="options">Batch size, parallelism and read-ahead; <see langword="null"/> for <see cref="ParallelPipelineOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the pipeline.</param>
    /// <returns>Each paper with its classification, in input order.</returns>
    public static IAsyncEnumerable<ClassifiedPaper> ClassifyAllAsync(
        this Classifier classifier,
        IAsyncEnumerable<Paper> papers,
        ParallelPipelineOptions? options = null,
        CancellationToken cancellationToken = default)
        => papers.SelectInOrderAsync(ClassifyWith(classifier), options, cancellationToken);

    /// <summary>
    /// Classifies every paper of a sequence in parallel batches; the sequence is enumerated on a thread-pool thread,
    /// ahead of the consumer, and the results come in input order.
    /// </summary>
    /// <param name="classifier">The classifier (thread-safe).</param>
    /// <param name="papers">The papers, read by one thread at a time.</param>
    /// <param name="options">Batch size, parallelism and read-ahead; <see langword="null"/> for <see cref="ParallelPipelineOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the pipeline.</param>
    /// <returns>Each paper with its classification, in input order.</returns>
    public static IEnumerable<ClassifiedPaper> ClassifyAll(
        this Classifier classifier,
        IEnumerable<Paper> papers,
        ParallelPipelineOptions? options = null,
        CancellationToken cancellationToken = default)
        => papers.SelectInOrder(ClassifyWith(classifier), options, cancellationToken);

    private static Func<Paper, ClassifiedPaper> ClassifyWith(Classifier classifier) =>
        classifier is null
            ? throw new ArgumentNullException(nameof(classifier))
            : paper => new ClassifiedPaper(paper, classifier.Classify(paper));
}
