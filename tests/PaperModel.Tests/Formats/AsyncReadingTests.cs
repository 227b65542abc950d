using System.IO.Compression;
using System.Text;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

/// <summary>Asynchronous reading gives what synchronous reading gives, and never reads the stream synchronously.</summary>
public sealed class AsyncReadingTests
{
    public static TheoryData<string, string> Inputs() => new()
    {
        { "hf-daily-text", RepoPaths.DailyPapersPage },
        { "hf-api-json", RepoPaths.Format("hf-daily-papers-api.sample.json") },
        { "hf-daily-html", RepoPaths.Format("hf-paper-page.sample.html") },
        { "hf-api-json", RepoPaths.Format("hf-papers-search.sample.json") },
        { "arxiv-atom", RepoPaths.Format("arxiv-api-atom.sample.xml") },
        { "arxiv-atom", RepoPaths.Format("arxiv-api-atom-error.sample.xml") },
        { "arxiv-metadata-jsonl", RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl") },
        { "arxiv-oai", RepoPaths.Format("arxiv-oai-arxivraw.sample.xml") },
        { "arxiv-oai", RepoPaths.Format("arxiv-oai-arxiv.sample.xml") },
        { "arxiv-rss", RepoPaths.Format("arxiv-rss.sample.xml") },
        { "arxiv-rss", RepoPaths.Format("arxiv-rss-atom.sample.xml") },
        { "arxiv-rss", RepoPaths.Format("arxiv-rss-error.sample.xml") },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Every_format_reads_asynchronously_without_a_synchronous_read(string formatName, string path)
    {
        var format = PaperFormats.Get(formatName);
        var bytes = File.ReadAllBytes(path);
        var options = new PaperReadOptions { SourceName = "input", ReferenceDate = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var expected = format.Read(new MemoryStream(bytes), options).ToList();

        var viaFormat = await ReadAllAsync(format.ReadAsync(new AsyncOnlyStream(bytes), options));
        var detected = await ReadAllAsync(PaperReader.EnumerateAsync(new AsyncOnlyStream(bytes), options: options));

        expected.Should().NotBeEmpty();
        Describe(viaFormat).Should().Equal(Describe(expected));
        Describe(detected).Should().Equal(Describe(expected));
    }

    [Fact]
    public async Task The_snapshot_as_one_array_reads_asynchronously_as_it_does_synchronously()
    {
        // Written here: the real records of the JSON Lines sample as one array (no real array file was found).
        var lines = File.ReadAllText(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var bytes = Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", lines) + "\n]");
        var expected = PaperFormats.ArxivMetadata.Read(new MemoryStream(bytes)).ToList();

        var detected = await ReadAllAsync(PaperReader.EnumerateAsync(new AsyncOnlyStream(bytes)));

        expected.Should().HaveCount(10).And.OnlyContain(static i => i.Paper != null);
        Describe(detected).Should().Equal(Describe(expected));
    }

    [Fact]
    public async Task Gzip_and_detection_read_asynchronously_too()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl"));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var items = await ReadAllAsync(PaperReader.EnumerateAsync(new AsyncOnlyStream(compressed.ToArray())));

        items.Should().HaveCount(10).And.OnlyContain(i => i.Paper != null);
    }

    [Fact]
    public async Task Text_readers_are_read_asynchronously()
    {
        var text = File.ReadAllText(RepoPaths.DailyPapersPage, Encoding.UTF8);

        var items = await ReadAllAsync(PaperFormats.HuggingFaceDailyText.ReadAsync(new AsyncOnlyTextReader(text)));

        items.Count(i => i.Paper is not null).Should().Be(50);
    }

    private static async Task<List<PaperReadItem>> ReadAllAsync(IAsyncEnumerable<PaperReadItem> items)
    {
        var list = new List<PaperReadItem>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static IEnumerable<string> Describe(IEnumerable<PaperReadItem> items) =>
        items.Select(static i => i.Paper is { } paper ? "paper " + paper.Id + " " + paper.Title : "problem " + i.Problem);

    /// <summary>A stream that fails on every synchronous read and hands out small chunks asynchronously.</summary>
    private sealed class AsyncOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _data = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous read");

        public override int Read(Span<byte> buffer) => throw new InvalidOperationException("synchronous read");

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return _data.Read(buffer, offset, Math.Min(count, 777));
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return _data.Read(buffer.Span[..Math.Min(buffer.Length, 777)]);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A text reader that fails on every synchronous read.</summary>
    private sealed class AsyncOnlyTextReader(string text) : StringReader(text)
    {
        public override int Read(char[] buffer, int index, int count) => throw new InvalidOperationException("synchronous read");

        public override int Read(Span<char> buffer) => throw new InvalidOperationException("synchronous read");

        public override async Task<int> ReadAsync(char[] buffer, int index, int count)
        {
            await Task.Yield();
            return base.Read(buffer, index, Math.Min(count, 333));
        }
    }
}
