using System.Text;
using Microsoft.Win32.SafeHandles;
using PaperModel.Cli;

// Ctrl-C ends the command at once, quietly, with the code shells use for SIGINT.
Console.CancelKeyPress += static (_, e) =>
{
    e.Cancel = true;
    Environment.Exit(ExitCodes.Interrupted);
};

// Tables fit a terminal; output that goes to a file or a pipe is not cut.
int? width = Console.IsOutputRedirected ? null : Math.Max(Console.WindowWidth, 40);

// Console.Out flushes on every write (a system call each); results go through one buffered writer instead, flushed
// when the command ends. The console's encoding is kept, without a byte order mark. On Unix the console stream ignores
// a closed pipe, so a redirected output is written through a file stream on the same descriptor, which reports it and
// lets the command stop (papers read x | head).
var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
var stdout = Console.IsOutputRedirected && !OperatingSystem.IsWindows()
    ? new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0)
    : Console.OpenStandardOutput();
var output = new StreamWriter(stdout, encoding, bufferSize: 1 << 16);

// Colour only for a terminal that has it, and never when NO_COLOR is set to anything (https://no-color.org).
var color = !Console.IsOutputRedirected
    && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
    && Environment.GetEnvironmentVariable("TERM") is not "dumb";
var exitCode = PapersCommand.Run(args, new CliContext(Console.OpenStandardInput(), output, Console.Error)
{
    Width = width,
    ErrorIsTerminal = !Console.IsErrorRedirected,
    OutputColor = color,
});
try
{
    output.Dispose();
}
catch (IOException ex)
{
    // What was left in the buffer could not be written either.
    if (ExitCodes.IsClosedPipe(ex))
    {
        exitCode = ExitCodes.ClosedPipe;
    }
    else
    {
        Console.Error.WriteLine($"papers: error: the output cannot be written: {ex.Message}");
        exitCode = ExitCodes.Problems;
    }
}

return exitCode;
