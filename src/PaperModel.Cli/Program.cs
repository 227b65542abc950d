using PaperModel.Cli;

var width = Console.IsOutputRedirected ? CliContext.DefaultWidth : Math.Max(Console.WindowWidth, 40);
return PapersCommand.Run(args, new CliContext(Console.OpenStandardInput(), Console.Out, Console.Error) { Width = width });
