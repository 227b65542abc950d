return PaperModel.Cli.PapersCommand.Run(args, Console.In, Console.Out, Console.Error);
