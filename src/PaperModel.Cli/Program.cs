using System.Text;
using PaperModel.Cli;

// Tables fit a terminal; output that goes to a file or a pipe is not cut.
int? width = Console.IsOutputRedirected ? null : Math.Max(Console.WindowWidth, 40);

// Console.Out flushes on every write (a system call each); results go through one buffered writer instead, flushed
// when the command ends. The console's encoding is kept, without a byte order mark.
var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
using var output = new StreamWriter(Console.OpenStandardOutput(), encoding, bufferSize: 1 << 16);
return PapersCommand.Run(args, new CliContext(Console.OpenStandardInput(), output, Console.Error) { Width = width });
