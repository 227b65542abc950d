namespace PaperModel.Cli;

/// <summary>The exit codes of every <c>papers</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>All input was read.</summary>
    public const int Success = 0;

    /// <summary>There were problems (reported on standard error); what could be read was still printed.</summary>
    public const int Problems = 1;

    /// <summary>The command line is wrong (unknown command or option, bad value).</summary>
    public const int Usage = 2;
}
