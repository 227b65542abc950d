using BenchmarkDotNet.Attributes;
using PaperModel.Classification;
using PaperModel.Common.Matching;

namespace PaperModel.Benchmarks;

/// <summary>
/// The vocabulary lookup alone, the step the generator specialises: every token of the 50 titles and abstracts of the
/// sample page, folded, looked up in the generated <c>switch</c> and in the run-time hash table.
/// </summary>
public class LookupBenchmarks
{
    private string[] _tokens = [];
    private ITokenLookup _generated = null!;
    private ITokenLookup _hashTable = null!;

    /// <summary>Folds the tokens of the page and builds both lookups.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var tokens = new List<string>();
        foreach (var paper in SamplePapers.Load())
        {
            foreach (var text in new[] { paper.Title, paper.Abstract })
            {
                var position = 0;
                while (TextTokens.NextToken(text, position, out var start, out var length))
                {
                    position = start + length;
                    tokens.Add(string.Concat(text.Substring(start, length).Select(TextTokens.Fold)));
                }
            }
        }

        _tokens = [.. tokens];
        var generated = SamplePapers.CreateGeneratedMatcher();
        _generated = generated;
        _hashTable = new TokenHashTable(Classifier.BuildTables(generated.Taxonomy).Vocabulary);
    }

    /// <summary>The run-time hash table.</summary>
    [Benchmark(Baseline = true)]
    public int HashTable() => FindAll(_hashTable);

    /// <summary>The generated <c>switch</c>.</summary>
    [Benchmark]
    public int GeneratedSwitch() => FindAll(_generated);

    private int FindAll(ITokenLookup lookup)
    {
        var found = 0;
        foreach (var token in _tokens)
        {
            if (lookup.Find(token.AsSpan()) >= 0)
            {
                found++;
            }
        }

        return found;
    }
}
