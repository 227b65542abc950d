namespace PaperModel.Formats.Streaming;

/// <summary>
/// Opens an input file (a listing or a taxonomy) for reading, or says in plain words why it cannot be opened, so every
/// caller reports a missing file, a directory and a locked file the same way.
/// </summary>
internal static class InputFile
{
    /// <summary>Opens the file for sequential reading.</summary>
    /// <param name="path">The path.</param>
    /// <param name="bufferSize">The stream's buffer size.</param>
    /// <param name="fileOptions">Extra options (asynchronous reads).</param>
    /// <param name="missing">On failure, whether the file does not exist (rather than exists and cannot be read).</param>
    /// <param name="reason">On failure, why, as a clause without a final period (<c>it is a directory, not a file</c>).</param>
    /// <returns>The open stream, or <see langword="null"/> on failure.</returns>
    public static FileStream? TryOpen(string path, int bufferSize, FileOptions fileOptions, out bool missing, out string? reason)
    {
        missing = false;
        reason = null;
        try
        {
            if (Directory.Exists(path))
            {
                reason = "it is a directory, not a file";
                return null;
            }

            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, fileOptions | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            missing = true;
            reason = "the file does not exist";
        }
        catch (UnauthorizedAccessException)
        {
            reason = "access to it is denied";
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException)
        {
            reason = "it cannot be read: " + ex.Message.TrimEnd('.');
        }

        return null;
    }
}
