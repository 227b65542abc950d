namespace PaperModel.Formats;

/// <summary>
/// An input format the library reads (see <see cref="PaperFormats"/>). Each format streams its input: it never needs
/// the whole input in memory, and reading asynchronously never blocks on the stream. Instances are immutable and
/// thread-safe.
/// </summary>
public abstract class PaperFormat
{
    /// <summary>Creates a format.</summary>
    /// <param name="name">The short name used on the command line (<c>hf-daily-text</c>).</param>
    /// <param name="description">A one-line description.</param>
    private protected PaperFormat(string name, string description)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Description = description ?? throw new ArgumentNullException(nameof(description));
    }

    /// <summary>The short name used on the command line (<c>hf-daily-text</c>).</summary>
    public string Name { get; }

    /// <summary>A one-line description.</summary>
    public string Description { get; }

    /// <summary>Streams papers and problems from the input. The stream is read forward only and is not disposed.</summary>
    /// <param name="stream">The input (UTF-8 unless the format says otherwise).</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="PaperReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public IEnumerable<PaperReadItem> Read(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default) =>
        RecordDriver.Read(Open(stream, options), cancellationToken);

    /// <summary>Streams papers and problems from the input, reading the stream asynchronously. The stream is not disposed.</summary>
    /// <param name="stream">The input (UTF-8 unless the format says otherwise).</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="PaperReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public IAsyncEnumerable<PaperReadItem> ReadAsync(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default) =>
        RecordDriver.ReadAsync(Open(stream, options), cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>
    /// Creates the format's push parser over a stream, reporting to <paramref name="sink"/>. The parser reads only when
    /// the driver asks it to fill.
    /// </summary>
    internal abstract RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink);

    private Func<RecordParser> Open(Stream stream, PaperReadOptions? options)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        options ??= PaperReadOptions.Default;
        return () => CreateParser(stream, options, new ProblemSink(options.SourceName));
    }
}
