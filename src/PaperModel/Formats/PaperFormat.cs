namespace PaperModel.Formats;

/// <summary>
/// An input format the library reads. Each format streams its input: it never needs the whole input in memory.
/// Instances are immutable and thread-safe.
/// </summary>
public abstract class PaperFormat
{
    /// <summary>Creates a format.</summary>
    /// <param name="name">The short name used on the command line (<c>hf-daily-text</c>).</param>
    /// <param name="description">A one-line description.</param>
    protected PaperFormat(string name, string description)
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
    public abstract IEnumerable<PaperReadItem> Read(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams papers and problems from the input asynchronously. Formats that read large inputs (the arXiv metadata
    /// snapshot) read the stream asynchronously; the default enumerates <see cref="Read"/>, reading the stream synchronously.
    /// </summary>
    /// <param name="stream">The input (UTF-8 unless the format says otherwise).</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="PaperReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Papers and problems in input order.</returns>
    public virtual IAsyncEnumerable<PaperReadItem> ReadAsync(Stream stream, PaperReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return ReadAsyncCore(Read(stream, options, cancellationToken), cancellationToken);
    }

    private static async IAsyncEnumerable<PaperReadItem> ReadAsyncCore(
        IEnumerable<PaperReadItem> items,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
