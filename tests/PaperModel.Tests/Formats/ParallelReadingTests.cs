using System.Text;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

/// <summary>
/// <see cref="PaperReader.EnumerateFileInParallel"/> and <see cref="PaperReader.EnumerateInParallel"/> give exactly the
/// items of the sequential read, in the same order: papers, and problems at the same positions.
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

    [Fact]
    public void Stopping_early_stops_the_reading()
    {
        var items = PaperReader.EnumerateFileInParallel(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl"), pipeline: SmallBatches).Take(2).ToList();

        items.Should().HaveCount(2).And.OnlyContain(static i => i.Paper != null);
    }

    private static bool Same(PaperReadItem a, PaperReadItem b) => Equals(a.Paper, b.Paper) && Equals(a.Problem, b.Problem);
}
