using System.Text;
using PaperModel.Cli;

var width = Console.IsOutputRedirected ? CliContext.DefaultWidth : Math.Max(Console.WindowWidth, 40);

// Console.Out flushes on every write (a system call each); results go through one buffered writer instead, flushed
// when the command ends. The console's encoding is kept, without a byte order mark.
var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
using var output = new StreamWriter(Console.OpenStandardOutput(), encoding, bufferSize: 1 << 16);
return PapersCommand.Run(args, new CliContext(Console.OpenStandardInput(), output, Console.Error) { Width = width });
