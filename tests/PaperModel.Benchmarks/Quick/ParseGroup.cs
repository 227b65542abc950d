using System.Text.Json;
using PaperModel.Baselines;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// Reading, in one process: arXiv metadata JSON Lines to <see cref="Paper"/> against a <see cref="JsonSerializer"/> DTO
/// per line and against a bare <see cref="Utf8JsonReader"/> walk (one thread each), and the parallel reader
/// (<see cref="PaperReader.EnumerateInParallel"/>) against the same DTO; the Daily Papers page reader against reading
/// the page's lines only.
/// </summary>
public sealed class ParseGroup : IQuickGroup
{
    /// <inheritdoc/>
    public string Name => "parse";

    /// <inheritdoc/>
    public int Order => 20;

    /// <inheritdoc/>
    public void Run(QuickContext context)
    {
        var metadata = GeneratedMetadata.Create(32);
        var megabytes = metadata.Length / 1e6;
        long Reader() => PaperFormats.ArxivMetadata.Read(new MemoryStream(metadata, writable: false)).LongCount(static i => i.Paper is not null);

        context.Compare("arXiv JSON Lines -> Paper vs JsonSerializer DTO per line", Reader, megabytes, () => EachLine(metadata, static line => JsonSerializer.Deserialize<ArxivRecord>(line)!.Id!.Length), megabytes, "MB", 1.5);
        context.Compare("arXiv JSON Lines -> Paper vs bare Utf8JsonReader walk", Reader, megabytes, () => EachLine(metadata, static line => BareWalk.Walk(line)), megabytes, "MB", 0.6);

        // What the library gives on every core (records split on one thread, mapped on the others), against the same
        // one-thread DTO: no target, the baseline uses one core.
        long InParallel() => PaperReader.EnumerateInParallel(new MemoryStream(metadata, writable: false), PaperFormats.ArxivMetadata).LongCount(static i => i.Paper is not null);
        context.Compare("arXiv JSON Lines -> Paper on every core vs DTO per line (1 core)", InParallel, megabytes, () => EachLine(metadata, static line => JsonSerializer.Deserialize<ArxivRecord>(line)!.Id!.Length), megabytes, "MB");

        var page = File.ReadAllBytes(RepoPaths.DailyPapersPage);
        const int Pages = 40;
        var pageMegabytes = page.Length * Pages / 1e6;
        var options = new PaperReadOptions { Year = 2025 };
        context.Compare(
            "Daily Papers page reader vs reading its lines only",
            () => Repeat(Pages, () => PaperFormats.HuggingFaceDailyText.Read(new MemoryStream(page, writable: false), options).LongCount()),
            pageMegabytes,
            () => Repeat(Pages, () => CountLines(page)),
            pageMegabytes,
            "MB");
    }

    private delegate long LineParser(ReadOnlySpan<byte> line);

    private static long EachLine(byte[] data, LineParser parse)
    {
        long total = 0;
        var span = data.AsSpan();
        int newline;
        while ((newline = span.IndexOf((byte)'\n')) >= 0)
        {
            total += parse(span.Slice(0, newline));
            span = span.Slice(newline + 1);
        }

        return total;
    }

    private static long CountLines(byte[] page)
    {
        using var reader = new StreamReader(new MemoryStream(page, writable: false));
        long lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines;
    }

    private static long Repeat(int times, Func<long> action)
    {
        long total = 0;
        for (var i = 0; i < times; i++)
        {
            total += action();
        }

        return total;
    }
}
