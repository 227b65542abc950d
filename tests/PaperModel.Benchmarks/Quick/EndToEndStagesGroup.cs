using System.Buffers;
using PaperModel.Classification;
using PaperModel.Cli.Output;
using PaperModel.Formats;

namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// Where the CPU time of <c>papers classify --as jsonl</c> goes (<c>--quick end-to-end-stages</c>): each stage of the
/// pipeline alone on one thread, in process, over 32 MiB of generated metadata (reading to <see cref="Paper"/>,
/// classifying with the default taxonomy, serialising the JSON Lines records), as CPU milliseconds per MB of input;
/// then the CPU time of whole processes (user and system, all threads) on 50 MiB and on one record, so that what the
/// stages do not account for (start-up and JIT, the hand-offs between threads, collections on other threads) shows.
/// </summary>
public sealed class EndToEndStagesGroup : IQuickGroup
{
    private const int Rounds = 5;

    /// <inheritdoc/>
    public string Name => "end-to-end-stages";

    /// <inheritdoc/>
    public int Order => 31;

    /// <inheritdoc/>
    public void Run(QuickContext context)
    {
        var metadata = GeneratedMetadata.Create(32);
        var megabytes = metadata.Length / 1e6;
        var papers = PaperFormats.ArxivMetadata.Read(new MemoryStream(metadata, writable: false)).Select(static i => i.Paper).OfType<Paper>().ToArray();
        Classifier classifier = DefaultTopics.Classifier;
        var topics = papers.Select(p => classifier.Classify(p).Topics).ToArray();

        long Read() => PaperFormats.ArxivMetadata.Read(new MemoryStream(metadata, writable: false)).LongCount(static i => i.Paper is not null);

        long Classify()
        {
            long assigned = 0;
            foreach (var paper in papers)
            {
                assigned += classifier.Classify(paper).Topics.Count;
            }

            return assigned;
        }

        long Write()
        {
            long bytes = 0;
            for (var i = 0; i < papers.Length; i++)
            {
                var line = JsonPaperWriter.SerializeLine(papers[i], topics[i]);
                bytes += line.Length;
                ArrayPool<byte>.Shared.Return(line.Buffer);
            }

            return bytes;
        }

        var stages = new (string Name, double Seconds)[]
        {
            ("read arXiv JSON Lines to Paper", QuickContext.MedianCpuSeconds(Read, Rounds)),
            ("classify (default taxonomy)", QuickContext.MedianCpuSeconds(Classify, Rounds)),
            ("serialise JSON Lines records", QuickContext.MedianCpuSeconds(Write, Rounds)),
        };
        var stageMs = stages.Sum(static s => s.Seconds) * 1000 / megabytes;

        var (tool, build) = EndToEndGroup.Tool();
        context.Note($"papers: {build}");
        var large = GeneratedMetadata.WriteTemporaryFile(50);
        var one = Path.Combine(Path.GetTempPath(), $"papermodel-arxiv-one-{Environment.ProcessId}.jsonl");
        try
        {
            File.WriteAllBytes(one, metadata.AsSpan(0, metadata.AsSpan().IndexOf((byte)'\n') + 1).ToArray());
            var whole = EndToEndGroup.Median(tool, "classify", large, "--as", "jsonl");
            var startup = EndToEndGroup.Median(tool, "classify", one, "--as", "jsonl");
            var wholeMs = (whole.CpuSeconds - startup.CpuSeconds) * 1000 / (new FileInfo(large).Length / 1e6);
            foreach (var (name, seconds) in stages)
            {
                var ms = seconds * 1000 / megabytes;
                context.Measure($"{name}, one thread, {100 * ms / wholeMs:F0}% of the whole", ms, "ms/MB");
            }

            context.Measure($"the rest (pipeline, collections), {100 * (wholeMs - stageMs) / wholeMs:F0}% of the whole", wholeMs - stageMs, "ms/MB");
            context.Measure("whole process on 50 MiB less start-up, CPU of all threads", wholeMs, "ms/MB");
            context.Measure("start-up: whole process on one record, CPU", startup.CpuSeconds * 1000, "ms");
        }
        finally
        {
            File.Delete(large);
            File.Delete(one);
        }
    }
}
