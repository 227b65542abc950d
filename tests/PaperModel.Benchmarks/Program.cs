using BenchmarkDotNet.Running;
using PaperModel.Benchmarks;
using PaperModel.Benchmarks.Quick;

// '--quick [group ...]' runs the side-by-side comparisons of Quick/ in a few minutes; '--write-alternation' rewrites
// DefaultTaxonomyAlternation.cs from the default taxonomy; '--write-synthetic-taxonomy N FILE' writes the generator
// comparisons' taxonomy of N topics (for tests/benchmarks/consumer-build.sh); anything else goes to BenchmarkDotNet
// ('--filter *' for every class). See docs/benchmarks.md.
// BenchmarkDotNet runs in process: a separately generated benchmark host would inherit the repository's build settings
// (documentation warnings as errors) and fail to build.
if (args.Length > 0 && args[0] == "--quick")
{
    return QuickRunner.Run(args.Skip(1).ToArray(), Console.Out);
}

if (args.Length > 0 && args[0] == "--write-alternation")
{
    DefaultTaxonomyAlternationWriter.Write();
    return 0;
}

if (args.Length == 3 && args[0] == "--write-synthetic-taxonomy")
{
    File.WriteAllText(args[2], SyntheticTaxonomy.Json(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    return 0;
}

string[] arguments = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(SamplePapers).Assembly).Run(arguments);
return 0;
