using System.Text;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

/// <summary>
/// <see cref="PaperReader.EnumerateFileInParallel"/> and <see cref="PaperReader.EnumerateInParallel"/> give exactly the
/// items of the sequential read, in the same order: papers, and problems at the same positions; their
/// <c>Select…InParallel</c> forms give one result per item, in that order.
/// </summary>
public sealed class ParallelReadingTests
{
    // Small batches, so that a sample spans many of them and several are mapped at once.
    private static readonly ParallelPipelineOptions SmallBatches = new() { BatchSize = 3, MaxDegreeOfParallelism = 3, BoundedCapacity = 4 };

    public static TheoryData<string> Samples() => [.. Directory.GetFiles(Path.Combine(RepoPaths.Samples, "formats")).Select(static f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_reads_in_parallel_as_it_reads_in_order(string fileName)
    {
        var path = RepoPaths.Format(fileName);
        var options = new PaperReadOptions { Year = 2025 };

        var parallel = PaperReader.EnumerateFileInParallel(path, options: options, pipeline: SmallBatches).ToList();

        parallel.Should().Equal(PaperReader.EnumerateFile(path, options: options), Same);
    }

    [Fact]
    public void Bad_lines_give_the_same_problems_at_the_same_places_between_the_same_papers()
    {
        var good = File.ReadAllLines(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl")).Where(static l => l.Length > 0).ToArray();
        var lines = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            lines.Add(good[i % good.Length]);
            lines.Add((i % 8) switch
            {
                0 => "{\"id\":\"2401.00001\",\"title\":\"cut",
                1 => "   ",
                2 => "{\"id\":\"not an id\",\"title\":\"t\"}",
                3 => "{\"id\":\"2401.00002\",\"title\":\"t\",\"versions\":[{\"version\":\"v1\",\"created\":\"yesterday\"}]}",
                4 => "[1,2]",
                5 => "{\"id\":\"2401.00005\",\"title\":\"" + new string('x', 5_000) + "\"}",
                6 => "{\"id\":\"2401.00003\"}",
                _ => "{\"id\":\"2401.00004\",\"title\":\"\\ud800\"}",
            });
        }

        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        var options = new PaperReadOptions { SourceName = "bad.jsonl", MaxRecordLength = 4_000 };

        var sequential = PaperReader.Enumerate(new MemoryStream(bytes), PaperFormats.ArxivMetadata, options).ToList();
        var parallel = PaperReader.EnumerateInParallel(new MemoryStream(bytes), PaperFormats.ArxivMetadata, options, SmallBatches).ToList();

        sequential.Count(static i => i.Problem is { Severity: ProblemSeverity.Error }).Should().BeGreaterThan(20);
        sequential.Count(static i => i.Problem is { Severity: ProblemSeverity.Warning }).Should().BeGreaterThan(3);
        sequential.Should().Contain(static i => i.Problem != null && i.Problem.Message.Contains("4000", StringComparison.Ordinal));
        parallel.Should().Equal(sequential, Same);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_selects_in_parallel_what_selecting_in_order_gives(string fileName)
    {
        var path = RepoPaths.Format(fileName);
        var options = new PaperReadOptions { Year = 2025 };

        var selected = PaperReader.SelectFileInParallel(path, Describe, options: options, pipeline: SmallBatches).ToList();

        selected.Should().Equal(PaperReader.EnumerateFile(path, options: options).Select(Describe));
    }

    [Fact]
    public void Bad_lines_select_their_problems_at_the_same_places()
    {
        var good = File.ReadAllLines(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl")).Where(static l => l.Length > 0).ToArray();
        var lines = Enumerable.Range(0, 30).SelectMany(i => new[] { good[i % good.Length], i % 3 == 0 ? "{\"id\":\"2401.00001\",\"title\":\"cut" : "[1]" });
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        var options = new PaperReadOptions { SourceName = "bad.jsonl" };

        var selected = PaperReader.SelectInParallel(new MemoryStream(bytes), Describe, PaperFormats.ArxivMetadata, options, SmallBatches).ToList();

        selected.Should().Equal(PaperReader.Enumerate(new MemoryStream(bytes), PaperFormats.ArxivMetadata, options).Select(Describe));
        selected.Count(static s => s.StartsWith("problem", StringComparison.Ordinal)).Should().Be(30);
    }

    [Fact]
    public void A_selector_that_throws_stops_the_results_at_its_item()
    {
        var path = RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl");
        var ids = PaperReader.EnumerateFile(path).Select(static i => i.Paper!.Id).ToList();
        var results = new List<string>();

        var read = () =>
        {
            foreach (var id in PaperReader.SelectFileInParallel(path, i => i.Paper!.Id == ids[4] ? throw new InvalidOperationException("fifth") : i.Paper.Id, pipeline: SmallBatches))
            {
                results.Add(id);
            }
        };

        read.Should().Throw<InvalidOperationException>().WithMessage("fifth");
        results.Should().Equal(ids.Take(4), "every result before the failing item is given, none after it");
        FluentActions.Invoking(() => PaperReader.SelectFileInParallel<string>(path, null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Stopping_early_stops_the_reading()
    {
        var items = PaperReader.EnumerateFileInParallel(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl"), pipeline: SmallBatches).Take(2).ToList();

        items.Should().HaveCount(2).And.OnlyContain(static i => i.Paper != null);
    }

    private static bool Same(PaperReadItem a, PaperReadItem b) => Equals(a.Paper, b.Paper) && Equals(a.Problem, b.Problem);

    // What a selector might make of an item: here, something that tells every paper and problem apart.
    private static string Describe(PaperReadItem item) => item.Paper is { } paper ? $"paper {paper.Id} {paper.Title}" : $"problem {item.Problem}";
}
