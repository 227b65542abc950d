namespace PaperModel.Cli;

/// <summary>The exit codes of every <c>papers</c> command (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>All input was read.</summary>
    public const int Success = 0;

    /// <summary>There were problems (reported on standard error); what could be read was still printed.</summary>
    public const int Problems = 1;

    /// <summary>The command line is wrong (unknown command or option, bad value).</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl-C (SIGINT): 128 + 2, as shells report a process that SIGINT ended.</summary>
    public const int Interrupted = 130;

    /// <summary>Standard output was closed by its reader (<c>papers read x | head</c>): 128 + 13, as for SIGPIPE.</summary>
    public const int ClosedPipe = 141;

    // EPIPE on Linux and macOS; ERROR_BROKEN_PIPE and ERROR_NO_DATA on Windows.
    private static readonly int[] ClosedPipeErrors = [32, unchecked((int)0x8007006D), unchecked((int)0x800700E8)];

    /// <summary>Whether a write failed because the reader of the pipe has gone.</summary>
    public static bool IsClosedPipe(IOException exception) => Array.IndexOf(ClosedPipeErrors, exception.HResult) >= 0;
}
