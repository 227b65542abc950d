using System.Text;
using PaperModel.Cli;

// Tables fit a terminal; output that goes to a file or a pipe is not cut.
int? width = Console.IsOutputRedirected ? null : Math.Max(Console.WindowWidth, 40);

// Console.Out flushes on every write (a system call each); results go through one buffered writer instead, flushed
// when the command ends. The console's encoding is kept, without a byte order mark.
var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
using var output = new StreamWriter(Console.OpenStandardOutput(), encoding, bufferSize: 1 << 16);
// Colour only for a terminal that has it, and never when NO_COLOR is set to anything (https://no-color.org).
var color = !Console.IsOutputRedirected
    && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
    && Environment.GetEnvironmentVariable("TERM") is not "dumb";
return PapersCommand.Run(args, new CliContext(Console.OpenStandardInput(), output, Console.Error)
{
    Width = width,
    ErrorIsTerminal = !Console.IsErrorRedirected,
    OutputColor = color,
});
