using System.Text;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

public sealed class PaperReaderTests
{
    [Fact]
    public void Read_file_with_the_format_detected_gives_the_real_page()
    {
        var result = PaperReader.ReadFile(RepoPaths.DailyPapersPage);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(DailyPageSample.LabelTitles);
    }

    [Fact]
    public void Missing_file_is_a_pm1001_problem_named_after_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "page.txt");

        var result = PaperReader.ReadFile(path);

        result.Papers.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.ToString().Should().Be(path + ": error PM1001: the file does not exist.");
    }

    [Fact]
    public void Directory_is_a_pm1002_problem()
    {
        var result = PaperReader.ReadFile(RepoPaths.Samples, options: new PaperReadOptions { SourceName = "samples" });

        result.Problems.Should().ContainSingle().Which.ToString().Should().Be("samples: error PM1002: it is a directory, not a file.");
    }

    [Fact]
    public void Enumerate_file_opens_the_file_only_when_enumerated()
    {
        var path = Path.Combine(Path.GetTempPath(), "papermodel-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            var items = PaperReader.EnumerateFile(path, PaperFormats.HuggingFaceDailyText);
            File.Copy(RepoPaths.DailyPapersPage, path);

            items.Count(i => i.Paper is not null).Should().Be(50);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_input_error_part_way_becomes_a_final_pm1002_problem_after_the_papers_read_so_far()
    {
        var page = Encoding.UTF8.GetBytes(DailyPageSample.Text);
        using var stream = new FailingStream(page, failAfter: page.Length / 2);

        var items = PaperReader.Enumerate(stream, PaperFormats.HuggingFaceDailyText, new PaperReadOptions { SourceName = "net" }).ToList();

        items.Should().HaveCountGreaterThan(10);
        items.SkipLast(1).Should().OnlyContain(i => i.Paper != null);
        items[^1].Problem!.ToString().Should().Be("net: error PM1002: the input cannot be read: the connection was reset.");
    }

    [Fact]
    public async Task Async_file_enumeration_gives_the_same_papers_and_problems()
    {
        var sync = PaperReader.ReadFile(RepoPaths.DailyPapersPage);

        var papers = new List<Paper>();
        await foreach (var item in PaperReader.EnumerateFileAsync(RepoPaths.DailyPapersPage))
        {
            papers.Add(item.Paper!);
        }

        papers.Should().Equal(sync.Papers);

        var missing = new List<PaperReadItem>();
        await foreach (var item in PaperReader.EnumerateFileAsync("no-such.txt"))
        {
            missing.Add(item);
        }

        missing.Should().ContainSingle().Which.Problem!.Code.Should().Be("PM1001");
    }

    [Fact]
    public async Task Async_stream_errors_part_way_become_a_problem_too()
    {
        var page = Encoding.UTF8.GetBytes(DailyPageSample.Text);
        using var stream = new FailingStream(page, failAfter: page.Length / 2);

        var items = new List<PaperReadItem>();
        await foreach (var item in PaperReader.EnumerateAsync(stream, PaperFormats.HuggingFaceDailyText))
        {
            items.Add(item);
        }

        items[^1].Problem!.Code.Should().Be("PM1002");
        items.SkipLast(1).Should().NotBeEmpty().And.OnlyContain(i => i.Paper != null);
    }

    [Fact]
    public void Formats_are_registered_by_name()
    {
        PaperFormats.All.Should().Contain(PaperFormats.HuggingFaceDailyText);
        PaperFormats.All.Select(f => f.Name).Should().OnlyHaveUniqueItems();
        PaperFormats.TryGet("HF-Daily-Text", out var format).Should().BeTrue();
        format.Should().BeSameAs(PaperFormats.HuggingFaceDailyText);
        PaperFormats.TryGet("auto", out _).Should().BeFalse();
        PaperFormats.TryGet(null, out _).Should().BeFalse();
        var unknown = () => PaperFormats.Get("bibtex");
        unknown.Should().Throw<KeyNotFoundException>().WithMessage("Unknown format 'bibtex'. Known formats: *hf-daily-text*");
    }

    /// <summary>A stream that fails like a dropped connection after some bytes.</summary>
    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= failAfter ? throw new IOException("the connection was reset.") : base.Read(buffer, offset, Math.Min(count, 1024));

        public override int Read(Span<byte> buffer) =>
            Position >= failAfter ? throw new IOException("the connection was reset.") : base.Read(buffer[..Math.Min(buffer.Length, 1024)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
