using System.IO.Compression;
using System.Text;

namespace PaperModel.Cli.Output;

/// <summary>
/// Where a command writes its results: standard output, or the file of <c>-o/--out</c> (gzip-compressed when its name
/// ends in <c>.gz</c>), UTF-8 without a byte order mark and with <c>\n</c> line ends; and the width of tables.
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly bool _ownsWriter;

    private OutputTarget(TextWriter writer, int? width, bool ownsWriter, bool color = false)
    {
        Writer = writer;
        Width = width;
        _ownsWriter = ownsWriter;
        Color = color;
    }

    /// <summary>The results go here.</summary>
    public TextWriter Writer { get; }

    /// <summary>The width tables are cut to, or <see langword="null"/> to cut nothing (output that is not a terminal).</summary>
    public int? Width { get; }

    /// <summary>Whether the target is a terminal that shows colour (standard output, when <see cref="CliContext.OutputColor"/>); files never are.</summary>
    public bool Color { get; }

    /// <summary>Standard output.</summary>
    public static OutputTarget StandardOutput(CliContext context, int? width) => new(context.Output, width ?? context.Width, ownsWriter: false, context.OutputColor);

    /// <summary>Creates (or replaces) a file, or says in plain words why it cannot.</summary>
    /// <param name="path">The file.</param>
    /// <param name="width">The <c>--width</c> given, if any; files are not cut otherwise.</param>
    /// <param name="reason">On failure, why (<c>it is a directory, not a file</c>).</param>
    /// <returns>The target, or <see langword="null"/> on failure.</returns>
    public static OutputTarget? TryCreateFile(string path, int? width, out string? reason)
    {
        reason = null;
        if (Directory.Exists(path))
        {
            reason = "it is a directory, not a file";
            return null;
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize);
        }
        catch (DirectoryNotFoundException)
        {
            reason = $"the folder '{Path.GetDirectoryName(Path.GetFullPath(path))}' does not exist";
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            reason = "access to it is denied";
            return null;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException)
        {
            reason = ex.Message.TrimEnd('.');
            return null;
        }

        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : file;
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize) { NewLine = "\n" };
        return new OutputTarget(writer, width, ownsWriter: true);
    }

    /// <summary>Flushes the results; closes the file, if any.</summary>
    public void Dispose()
    {
        if (_ownsWriter)
        {
            Writer.Dispose();
        }
        else
        {
            Writer.Flush();
        }
    }
}
