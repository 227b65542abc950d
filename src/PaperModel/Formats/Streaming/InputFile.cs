namespace PaperModel.Formats;

/// <summary>Why an input file could not be opened.</summary>
internal enum InputFileFailure
{
    /// <summary>The file (or a folder on its path) does not exist.</summary>
    Missing,

    /// <summary>The path names a directory.</summary>
    Directory,

    /// <summary>The file exists but cannot be read (access denied, locked, a bad path).</summary>
    Unreadable,
}

/// <summary>
/// Opens an input file (a listing or a taxonomy) for sequential reading, or says why it cannot be opened, so every
/// caller tells a missing file, a directory and a locked file apart the same way.
/// </summary>
internal static class InputFile
{
    /// <summary>Opens the file.</summary>
    /// <param name="path">The path.</param>
    /// <param name="bufferSize">The stream's buffer size.</param>
    /// <param name="fileOptions">Extra options (asynchronous reads); sequential scan is always added.</param>
    /// <param name="failure">On failure, why.</param>
    /// <param name="error">On an <see cref="InputFileFailure.Unreadable"/> failure, the exception that says how.</param>
    /// <returns>The open stream, or <see langword="null"/> on failure.</returns>
    public static FileStream? TryOpen(string path, int bufferSize, FileOptions fileOptions, out InputFileFailure failure, out Exception? error)
    {
        failure = InputFileFailure.Unreadable;
        error = null;
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                failure = InputFileFailure.Directory;
                return null;
            }

            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, fileOptions | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            failure = InputFileFailure.Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = ex;
        }

        return null;
    }

    /// <summary>A failure in plain words, as a clause without a final period (<c>it is a directory, not a file</c>).</summary>
    public static string Describe(InputFileFailure failure, Exception? error) => failure switch
    {
        InputFileFailure.Missing => "the file does not exist",
        InputFileFailure.Directory => "it is a directory, not a file",
        _ when error is UnauthorizedAccessException => "access to it is denied",
        _ => "it cannot be read: " + error?.Message.TrimEnd('.'),
    };
}
