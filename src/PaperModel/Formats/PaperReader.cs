namespace PaperModel.Formats;

/// <summary>
/// Reads papers from files and streams in any format the library knows (<see cref="PaperFormats"/>), detecting the
/// format when none is given. Nothing here throws for bad input: a missing or unreadable file, or an input error
/// part-way, becomes a <see cref="ParseProblem"/> (PM1001, PM1002; PM1090 for corrupt gzip) among the items. Gzip input
/// (magic bytes <c>1f 8b</c>) is decompressed transparently, whatever the format. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var result = PaperReader.ReadFile("hf-daily-papers.txt");
/// foreach (var paper in result.Papers) Console.WriteLine($"{paper.ListedOn:yyyy-MM-dd} {paper.Title}");
/// foreach (var problem in result.Problems) Console.Error.WriteLine(problem); // file(12,1): error PM1011: …
/// </code>
/// </example>
public static class PaperReader
{
    /// <summary>Reads every paper and problem of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options; when <see cref="PaperReadOptions.SourceName"/> is not set, problems name <paramref name="path"/>.</param>
    /// <returns>The papers and problems.</returns>
    public static PaperReadResult ReadFile(string path, PaperFormat? format = null, PaperReadOptions? options = null) =>
        PaperReadResult.From(EnumerateFile(path, format, options));

    /// <summary>Reads every paper and problem of a stream. The stream is not disposed.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options.</param>
    /// <returns>The papers and problems.</returns>
    public static PaperReadResult Read(Stream stream, PaperFormat? format = null, PaperReadOptions? options = null) =>
        PaperReadResult.From(Enumerate(stream, format, options));

    /// <summary>Streams the papers and problems of a file, opening it when the enumeration starts.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options; when <see cref="PaperReadOptions.SourceName"/> is not set, problems name <paramref name="path"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public static IEnumerable<PaperReadItem> EnumerateFile(
        string path,
        PaperFormat? format = null,
        PaperReadOptions? options = null,
        CancellationToken cancellationToken = default) =>
        RecordDriver.Read(OpenFile(path, isAsync: false, format, options), cancellationToken);

    /// <summary>Streams the papers and problems of a stream. The stream is read forward only and is not disposed.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public static IEnumerable<PaperReadItem> Enumerate(
        Stream stream,
        PaperFormat? format = null,
        PaperReadOptions? options = null,
        CancellationToken cancellationToken = default) =>
        RecordDriver.Read(OpenStream(stream, format, options), cancellationToken);

    /// <summary>
    /// Streams the papers and problems of a file as <see cref="EnumerateFile"/> does, the same items in the same order,
    /// with the records mapped on several threads: the file is read and split into records on one thread, batches of
    /// records are mapped on the others (<see cref="ParallelPipeline"/>), in memory bounded by the pipeline's read-ahead.
    /// The JSON Lines formats (<see cref="PaperFormats.ArxivMetadata"/>, <see cref="PaperFormats.PaperJsonLines"/>) map
    /// in parallel; the other formats are read as by <see cref="EnumerateFile"/>, ahead of the consumer.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options; when <see cref="PaperReadOptions.SourceName"/> is not set, problems name <paramref name="path"/>.</param>
    /// <param name="pipeline">Batch size, parallelism and read-ahead; <see langword="null"/> for <see cref="ParallelPipelineOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    /// <example>
    /// <code>
    /// var papers = PaperReader.EnumerateFileInParallel("arxiv-metadata-oai-snapshot.json").Select(i => i.Paper).OfType&lt;Paper&gt;();
    /// foreach (var (paper, classification) in DefaultTopics.Classifier.ClassifyAll(papers)) { … }
    /// </code>
    /// </example>
    public static IEnumerable<PaperReadItem> EnumerateFileInParallel(
        string path,
        PaperFormat? format = null,
        PaperReadOptions? options = null,
        ParallelPipelineOptions? pipeline = null,
        CancellationToken cancellationToken = default) =>
        InParallel(OpenFile(path, isAsync: false, format, options), pipeline, cancellationToken);

    /// <summary>
    /// Streams the papers and problems of a stream as <see cref="Enumerate"/> does, with the records mapped on several
    /// threads (see <see cref="EnumerateFileInParallel"/>). The stream is read forward only, by one thread at a time, and is not disposed.
    /// </summary>
    /// <param name="stream">The input.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options.</param>
    /// <param name="pipeline">Batch size, parallelism and read-ahead; <see langword="null"/> for <see cref="ParallelPipelineOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public static IEnumerable<PaperReadItem> EnumerateInParallel(
        Stream stream,
        PaperFormat? format = null,
        PaperReadOptions? options = null,
        ParallelPipelineOptions? pipeline = null,
        CancellationToken cancellationToken = default) =>
        InParallel(OpenStream(stream, format, options), pipeline, cancellationToken);

    /// <summary>
    /// Streams the items of a file as <see cref="EnumerateFileInParallel"/> does and passes each through
    /// <paramref name="selector"/> on the thread that mapped its record, so that reading and, say, classifying and
    /// serialising are one parallel pass: no second pipeline and no second hand-off per paper. The results come in input
    /// order, one per item (a paper or a problem), in memory bounded by the pipeline's read-ahead.
    /// </summary>
    /// <typeparam name="TResult">What the selector makes of an item.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="selector">What to make of each paper or problem; thread-safe, called on several threads at once.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options; when <see cref="PaperReadOptions.SourceName"/> is not set, problems name <paramref name="path"/>.</param>
    /// <param name="pipeline">Batch size, parallelism and read-ahead; <see langword="null"/> for <see cref="ParallelPipelineOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One result per paper or problem, in input order.</returns>
    /// <example>
    /// <code>
    /// var classifier = DefaultTopics.Classifier;
    /// foreach (var (item, classification) in PaperReader.SelectFileInParallel(
    ///     "arxiv-metadata-oai-snapshot.json", item => (item, item.Paper is { } p ? classifier.Classify(p) : null)))
    /// { … }
    /// </code>
    /// </example>
    public static IEnumerable<TResult> SelectFileInParallel<TResult>(
        string path,
        Func<PaperReadItem, TResult> selector,
        PaperFormat? format = null,
        PaperReadOptions? options = null,
        ParallelPipelineOptions? pipeline = null,
        CancellationToken cancellationToken = default) =>
        InParallel(OpenFile(path, isAsync: false, format, options), selector ?? throw new ArgumentNullException(nameof(selector)), pipeline, cancellationToken);

    /// <summary>
    /// Streams the items of a stream as <see cref="EnumerateInParallel"/> does and passes each through
    /// <paramref name="selector"/> on the thread that mapped its record (see <see cref="SelectFileInParallel"/>). The
    /// stream is read forward only, by one thread at a time, and is not disposed.
    /// </summary>
    /// <typeparam name="TResult">What the selector makes of an item.</typeparam>
    /// <param name="stream">The input.</param>
    /// <param name="selector">What to make of each paper or problem; thread-safe, called on several threads at once.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options.</param>
    /// <param name="pipeline">Batch size, parallelism and read-ahead; <see langword="null"/> for <see cref="ParallelPipelineOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One result per paper or problem, in input order.</returns>
    public static IEnumerable<TResult> SelectInParallel<TResult>(
        Stream stream,
        Func<PaperReadItem, TResult> selector,
        PaperFormat? format = null,
        PaperReadOptions? options = null,
        ParallelPipelineOptions? pipeline = null,
        CancellationToken cancellationToken = default) =>
        InParallel(OpenStream(stream, format, options), selector ?? throw new ArgumentNullException(nameof(selector)), pipeline, cancellationToken);

    /// <summary>Streams the papers and problems of a file asynchronously, opening it when the enumeration starts.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options; when <see cref="PaperReadOptions.SourceName"/> is not set, problems name <paramref name="path"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public static IAsyncEnumerable<PaperReadItem> EnumerateFileAsync(
        string path,
        PaperFormat? format = null,
        PaperReadOptions? options = null,
        CancellationToken cancellationToken = default) =>
        RecordDriver.ReadAsync(OpenFile(path, isAsync: true, format, options), cancellationToken);

    /// <summary>Streams the papers and problems of a stream asynchronously. The stream is not disposed.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="options">Options.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public static IAsyncEnumerable<PaperReadItem> EnumerateAsync(
        Stream stream,
        PaperFormat? format = null,
        PaperReadOptions? options = null,
        CancellationToken cancellationToken = default) =>
        RecordDriver.ReadAsync(OpenStream(stream, format, options), cancellationToken);

    private static IEnumerable<PaperReadItem> InParallel(Func<RecordParser> open, ParallelPipelineOptions? pipeline, CancellationToken cancellationToken) =>
        RecordDriver.ReadDeferred(open, cancellationToken)
            .SelectInOrder(static record => record.Map(), pipeline, cancellationToken)
            .SelectMany(static items => items);

    private static IEnumerable<TResult> InParallel<TResult>(Func<RecordParser> open, Func<PaperReadItem, TResult> selector, ParallelPipelineOptions? pipeline, CancellationToken cancellationToken)
    {
        var convert = new Converter<PaperReadItem, TResult>(selector);
        return RecordDriver.ReadDeferred(open, cancellationToken)
            .SelectInOrder(record => Array.ConvertAll(record.Map(), convert), pipeline, cancellationToken)
            .SelectMany(static results => results);
    }

    // Gzip input (magic bytes 1f 8b) is decompressed whatever the format; then the format is detected if none was given.
    // Both happen when the enumeration starts, so that a read failure becomes a problem like any other.
    private static Func<RecordParser> OpenStream(Stream stream, PaperFormat? format, PaperReadOptions? options)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        options ??= PaperReadOptions.Default;
        return () => InputParser.ForStream(stream, format, options);
    }

    private static Func<RecordParser> OpenFile(string path, bool isAsync, PaperFormat? format, PaperReadOptions? options)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        options ??= PaperReadOptions.Default;
        options = options.SourceName is null ? options with { SourceName = path } : options;
        return () => InputParser.ForFile(path, isAsync, format, options);
    }
}
