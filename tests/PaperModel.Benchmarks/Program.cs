using BenchmarkDotNet.Running;

// Runs the benchmarks named by --filter (all with '*'); '--job short' is the quick mode. See docs/benchmarks.md.
// In process: a separately generated benchmark host would inherit the repository's build settings (documentation
// warnings as errors) and fail to build.
string[] arguments = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(PaperModel.Benchmarks.SamplePapers).Assembly).Run(arguments);
