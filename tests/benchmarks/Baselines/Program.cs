// The yardsticks of the end-to-end benchmark, one process each (docs/benchmarks.md):
//
//   walk <file>    reads arXiv metadata JSON Lines and visits every JSON token with Utf8JsonReader, materialising
//                  nothing: the floor for any reader of the format.
//   naive <file>   what a user would write in ten minutes without this library: a JsonSerializer DTO per line, four
//                  one-line Regexes (Compiled | IgnoreCase), one per headline topic, and JsonSerializer out, one JSON
//                  object per line on standard output (buffered).
using PaperModel.Baselines;

if (args.Length != 2 || args[0] is not ("walk" or "naive"))
{
    Console.Error.WriteLine("usage: PaperModel.Baselines walk|naive <arxiv-metadata.jsonl>");
    return 2;
}

if (args[0] == "walk")
{
    Console.WriteLine(BareWalk.Run(args[1]));
    return 0;
}

NaiveProgram.Run(args[1]);
return 0;
