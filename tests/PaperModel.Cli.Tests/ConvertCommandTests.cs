using System.IO.Compression;
using PaperModel.Formats;
using PaperModel.Serialization;
using PaperModel.Testing;

namespace PaperModel.Cli.Tests;

public sealed class ConvertCommandTests
{
    private static readonly string[] Samples =
    [
        RepoPaths.Format("hf-daily-papers-api.sample.json"),
        RepoPaths.Format("arxiv-api-atom.sample.xml"),
        RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl"),
        RepoPaths.Format("hf-paper-page-embedded.sample.json"),
    ];

    [Fact]
    public void Every_format_becomes_one_json_line_per_paper()
    {
        var run = CliRun.InProcess(null, ["convert", .. Samples]);

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        var papers = run.StdoutLines.Select(PaperJson.Deserialize).ToList();
        var expected = Samples.SelectMany(s => PaperReader.ReadFile(s).Papers).ToList();
        expected.Should().HaveCount(4 + 10 + 10 + 1);
        papers.Should().Equal(expected, "the JSON round trip is lossless and the order is the input order");
    }

    [Fact]
    public void Out_writes_a_file_and_gz_compresses_it()
    {
        var directory = Directory.CreateTempSubdirectory("papermodel-convert-");
        try
        {
            var plain = Path.Combine(directory.FullName, "papers.jsonl");
            var gzip = Path.Combine(directory.FullName, "papers.jsonl.gz");

            var run = CliRun.InProcess(null, "convert", Samples[2], "-o", plain);
            var runGz = CliRun.InProcess(null, "convert", Samples[2], "--out", gzip);

            run.ExitCode.Should().Be(0);
            run.Stdout.Should().BeEmpty();
            runGz.ExitCode.Should().Be(0);
            var lines = File.ReadAllLines(plain);
            lines.Should().HaveCount(10);
            lines.Select(PaperJson.Deserialize).Select(p => p.Id).Should().StartWith("0704.0001");
            using var decompressed = new StreamReader(new GZipStream(File.OpenRead(gzip), CompressionMode.Decompress));
            decompressed.ReadToEnd().Should().Be(File.ReadAllText(plain));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Problems_go_to_standard_error_and_the_rest_is_converted()
    {
        var error = RepoPaths.Format("arxiv-api-atom-error.sample.xml");
        var broken = "{\"id\":\"0704.0001\",\"title\":42}\n" + File.ReadAllLines(Samples[2])[1] + "\n";

        var run = CliRun.InProcess(broken, "convert", error, "-", "--format", "auto");

        run.ExitCode.Should().Be(1);
        run.StdoutLines.Select(PaperJson.Deserialize).Select(p => p.Id).Should().Equal("0704.0002");
        run.StderrLines.Should().Equal(
            $"{error}(9,3): error PM1051: The arXiv API reported an error: incorrect id format for abc.",
            "<stdin>(1,27): error PM1072: $.title must be a string, not a number.");
    }

    [Fact]
    public void Merge_combines_records_of_the_same_paper()
    {
        var atom = RepoPaths.Format("arxiv-api-atom-legacy.sample.xml");

        var run = CliRun.InProcess(null, "convert", atom, atom, Samples[2], "--merge");

        run.ExitCode.Should().Be(0);
        run.StdoutLines.Select(PaperJson.Deserialize).Select(p => p.Id).Should().Equal(
            ["1111.2011", "cond-mat/0607501", .. PaperReader.ReadFile(Samples[2]).Papers.Select(p => p.Id)]);
    }

    [Fact]
    public void Converted_output_reads_back_as_the_same_papers()
    {
        var converted = CliRun.InProcess(null, ["convert", .. Samples]);

        var reread = CliRun.InProcess(converted.Stdout, "convert", "-");

        reread.ExitCode.Should().Be(0);
        reread.Stderr.Should().BeEmpty();
        reread.Stdout.Should().Be(converted.Stdout);
    }

    [Fact]
    public void A_format_name_is_checked()
    {
        var run = CliRun.InProcess(null, "convert", Samples[0], "--format", "rss");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("rss").And.Contain("arxiv-metadata-jsonl");
    }
}
