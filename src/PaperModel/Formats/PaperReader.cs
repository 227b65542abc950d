using System.Runtime.CompilerServices;
using PaperModel.Formats.Streaming;

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
    /// <summary>The code of a missing file.</summary>
    internal const string FileNotFoundCode = "PM1001";

    /// <summary>The code of a file or stream that cannot be read.</summary>
    internal const string UnreadableCode = "PM1002";

    /// <summary>The code of gzip input that cannot be decompressed.</summary>
    internal const string CorruptGzipCode = "PM1090";

    private const int FileBufferSize = 64 * 1024;

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
        CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return EnumerateFileCore(path, format, WithSourceName(options, path), cancellationToken);
    }

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
        CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        options ??= PaperReadOptions.Default;
        return Guard(EnumerateCore(stream, format, options, cancellationToken), options.SourceName);
    }

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
        CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return EnumerateFileAsyncCore(path, format, WithSourceName(options, path), cancellationToken);
    }

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
        CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        options ??= PaperReadOptions.Default;
        return GuardAsync(EnumerateAsyncCore(stream, format, options, cancellationToken), options.SourceName, cancellationToken);
    }

    // Gzip input (magic bytes 1f 8b) is decompressed whatever the format; then the format is detected if none was given.
    // Both happen when the enumeration starts, so that a read failure becomes a problem like any other.
    private static IEnumerable<PaperReadItem> EnumerateCore(Stream stream, PaperFormat? format, PaperReadOptions options, CancellationToken cancellationToken)
    {
        using var input = FormatDetector.OpenDecompressed(stream, out _);
        var readFrom = input;
        var chosen = format ?? PaperFormats.Detect(ref readFrom, options.SourceName);
        foreach (var item in chosen.Read(readFrom, options, cancellationToken))
        {
            yield return item;
        }
    }

    private static async IAsyncEnumerable<PaperReadItem> EnumerateAsyncCore(
        Stream stream,
        PaperFormat? format,
        PaperReadOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var input = FormatDetector.OpenDecompressed(stream, out _);
        var readFrom = input;
        var chosen = format ?? PaperFormats.Detect(ref readFrom, options.SourceName);
        await foreach (var item in chosen.ReadAsync(readFrom, options, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static PaperReadOptions WithSourceName(PaperReadOptions? options, string path)
    {
        options ??= PaperReadOptions.Default;
        return options.SourceName is null ? options with { SourceName = path } : options;
    }

    private static IEnumerable<PaperReadItem> EnumerateFileCore(string path, PaperFormat? format, PaperReadOptions options, CancellationToken cancellationToken)
    {
        var stream = TryOpen(path, FileOptions.None, options.SourceName, out var problem);
        if (stream is null)
        {
            yield return PaperReadItem.FromProblem(problem!);
            yield break;
        }

        using (stream)
        {
            foreach (var item in Enumerate(stream, format, options, cancellationToken))
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<PaperReadItem> EnumerateFileAsyncCore(
        string path,
        PaperFormat? format,
        PaperReadOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = TryOpen(path, FileOptions.Asynchronous, options.SourceName, out var problem);
        if (stream is null)
        {
            yield return PaperReadItem.FromProblem(problem!);
            yield break;
        }

        using (stream)
        {
            await foreach (var item in EnumerateAsync(stream, format, options, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private static FileStream? TryOpen(string path, FileOptions fileOptions, string? sourceName, out ParseProblem? problem)
    {
        var stream = InputFile.TryOpen(path, FileBufferSize, fileOptions, out var missing, out var reason);
        problem = stream is null ? new ParseProblem(missing ? FileNotFoundCode : UnreadableCode, reason + ".", sourceName, 0, 0) : null;
        return stream;
    }

    private static ParseProblem Unreadable(Exception ex, string? sourceName) =>
        ex is InvalidDataException
            ? new(CorruptGzipCode, "the gzip data is corrupt: " + ex.Message, sourceName, 0, 0)
            : new(UnreadableCode, "the input cannot be read: " + ex.Message, sourceName, 0, 0);

    // Turns an input error part-way (a disk or network failure) into a final problem instead of an exception.
    private static IEnumerable<PaperReadItem> Guard(IEnumerable<PaperReadItem> items, string? sourceName)
    {
        using var enumerator = items.GetEnumerator();
        while (true)
        {
            ParseProblem? failure = null;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                failure = Unreadable(ex, sourceName);
            }

            if (failure is not null)
            {
                yield return PaperReadItem.FromProblem(failure);
                yield break;
            }

            yield return enumerator.Current;
        }
    }

    private static async IAsyncEnumerable<PaperReadItem> GuardAsync(
        IAsyncEnumerable<PaperReadItem> items,
        string? sourceName,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                ParseProblem? failure = null;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    failure = Unreadable(ex, sourceName);
                }

                if (failure is not null)
                {
                    yield return PaperReadItem.FromProblem(failure);
                    yield break;
                }

                yield return enumerator.Current;
            }
        }
    }
}
