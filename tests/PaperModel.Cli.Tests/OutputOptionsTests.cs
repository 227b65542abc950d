using System.IO.Compression;
using PaperModel.Serialization;
using PaperModel.Testing;

namespace PaperModel.Cli.Tests;

/// <summary>
/// The options every command shares: <c>-o/--out &lt;file&gt;</c>, <c>--as &lt;kind&gt;</c>, <c>--width</c>, the old
/// spellings that still work with a warning, and errors in plain words.
/// </summary>
public sealed class OutputOptionsTests
{
    private const string LongTitle = "ScaLearn: Simple and Highly Parameter-Efficient Task Transfer by Learning to Scale";

    private static readonly string Page = RepoPaths.DailyPapersPage;

    [Fact]
    public void Every_command_writes_to_the_file_of_out_and_a_gz_name_compresses()
    {
        using var folder = new TemporaryFolder();
        var labels = folder.File("labels.tsv");
        File.WriteAllText(labels, "labels\ttitle\nlora\tLoRA: Low-Rank Adaptation of Large Language Models\n");
        string[][] commands =
        [
            ["read", Page, "--as", "jsonl"],
            ["convert", Page],
            ["classify", Page, "--as", "csv"],
            ["topics"],
            ["evaluate", "--labels", labels, "--as", "json"],
        ];

        foreach (var args in commands)
        {
            var toStdout = CliRun.InProcess(null, args);
            var plain = folder.File(args[0] + ".out");
            var gzip = folder.File(args[0] + ".out.gz");

            var toFile = CliRun.InProcess(null, [.. args, "-o", plain]);
            var toGzip = CliRun.InProcess(null, [.. args, "--out", gzip]);

            toStdout.ExitCode.Should().Be(0, toStdout.Stderr);
            (toFile.ExitCode, toFile.Stdout, toFile.Stderr).Should().Be((0, string.Empty, string.Empty), args[0]);
            (toGzip.ExitCode, toGzip.Stdout).Should().Be((0, string.Empty), args[0]);
            File.ReadAllText(plain).Should().Be(toStdout.Stdout, args[0]);
            using var decompressed = new StreamReader(new GZipStream(File.OpenRead(gzip), CompressionMode.Decompress));
            decompressed.ReadToEnd().Should().Be(File.ReadAllText(plain), args[0]);
        }
    }

    [Fact]
    public void Read_as_jsonl_and_convert_write_the_same_bytes_with_newline_line_ends()
    {
        var read = CliRun.InProcess(null, "read", Page, "--as", "jsonl", "--year", "2025");
        var convert = CliRun.InProcess(null, "convert", Page, "--year", "2025");

        read.ExitCode.Should().Be(0);
        read.Stdout.Should().Be(convert.Stdout).And.NotContain("\r");
        read.Stdout.Split('\n').Should().HaveCount(51).And.EndWith(string.Empty);
        read.Stdout.Split('\n').SkipLast(1).Select(PaperJson.Deserialize).Select(p => p.Title).Should().Contain(LongTitle);
    }

    [Fact]
    public void Read_merges_like_convert()
    {
        var atom = RepoPaths.Format("arxiv-api-atom-legacy.sample.xml");

        var read = CliRun.InProcess(null, "read", atom, atom, "--merge", "--as", "jsonl");
        var unmerged = CliRun.InProcess(null, "read", atom, atom, "--as", "jsonl");

        read.ExitCode.Should().Be(0);
        read.Stdout.Should().Be(CliRun.InProcess(null, "convert", atom, atom, "--merge").Stdout);
        read.StdoutLines.Should().HaveCount(unmerged.StdoutLines.Length / 2);
    }

    [Theory]
    [InlineData("read", "--output", "jsonl", "'--output jsonl' is deprecated")]
    [InlineData("read", "-o", "json", "'-o json' for the output kind is deprecated")]
    [InlineData("classify", "--output", "csv", "'--output csv' is deprecated")]
    [InlineData("classify", "-o", "markdown", "'-o markdown' for the output kind is deprecated")]
    public void Old_spellings_of_the_output_kind_still_work_with_a_warning(string command, string option, string kind, string warning)
    {
        var old = CliRun.InProcess(null, command, Page, option, kind);
        var current = CliRun.InProcess(null, command, Page, "--as", kind);

        old.ExitCode.Should().Be(0);
        old.Stdout.Should().Be(current.Stdout).And.NotBeEmpty();
        old.StderrLines.Should().ContainSingle().Which.Should().StartWith("papers: warning: " + warning).And.Contain($"write '--as {kind}'");
        current.Stderr.Should().BeEmpty();
    }

    [Fact]
    public void A_file_named_like_a_kind_is_written_with_a_path()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("json");

        var run = CliRun.InProcess(null, "read", Page, "--as", "jsonl", "-o", path);

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        File.ReadAllLines(path).Should().HaveCount(50);
    }

    [Fact]
    public void An_output_that_cannot_be_created_is_named_in_plain_words()
    {
        using var folder = new TemporaryFolder();

        var directory = CliRun.InProcess(null, "convert", Page, "-o", folder.Path);
        var noFolder = CliRun.InProcess(null, "read", Page, "-o", Path.Combine(folder.Path, "no", "papers.txt"));

        directory.ExitCode.Should().Be(1);
        directory.StderrLines.Should().Equal($"papers: error: cannot write '{folder.Path}': it is a directory, not a file.");
        noFolder.ExitCode.Should().Be(1);
        noFolder.StderrLines.Should().Equal($"papers: error: cannot write '{Path.Combine(folder.Path, "no", "papers.txt")}': the folder '{Path.Combine(folder.Path, "no")}' does not exist.");
    }

    [Theory]
    [InlineData("topics")]
    [InlineData("classify", "PAGE")]
    public void A_taxonomy_that_cannot_be_read_is_PM0002_saying_why(params string[] args)
    {
        using var folder = new TemporaryFolder();
        var command = args.Select(a => a == "PAGE" ? Page : a).ToArray();
        var missing = folder.File("gone.taxonomy.json");

        var directory = CliRun.InProcess(null, [.. command, "--taxonomy", folder.Path]);
        var absent = CliRun.InProcess(null, [.. command, "--taxonomy", missing]);

        directory.ExitCode.Should().Be(1);
        directory.Stdout.Should().BeEmpty();
        directory.StderrLines.Should().ContainSingle().Which.Should().StartWith($"{folder.Path}: error PM0002: ").And.EndWith("it is a directory, not a file");
        absent.StderrLines.Should().Equal($"{missing}: error PM0002: The taxonomy file 'gone.taxonomy.json' cannot be read: the file does not exist");
    }

    [Fact]
    public void A_taxonomy_with_only_warnings_is_used_and_exits_with_1()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("warned.taxonomy.json");
        File.WriteAllText(path, """{ "name": "w", "version": "1", "colour": "blue", "topics": [ { "id": "lora", "name": "LoRA", "acronyms": [ "LoRA" ] } ] }""");

        var topics = CliRun.InProcess(null, "topics", "--taxonomy", path);
        var classify = CliRun.InProcess(null, "classify", Page, "--taxonomy", path, "--as", "jsonl");

        topics.ExitCode.Should().Be(1);
        topics.StdoutLines.Should().Equal("w 1: 1 topic", "lora  LoRA (1 phrase)");
        topics.StderrLines.Should().ContainSingle().Which.Should().MatchRegex(@"^.+\(1,\d+\): warning PM00\d\d: ");
        classify.ExitCode.Should().Be(1);
        classify.StdoutLines.Should().HaveCount(50);
    }

    [Fact]
    public void Topic_ids_can_be_listed_with_commas()
    {
        var listed = CliRun.InProcess(null, "classify", Page, "--as", "jsonl", "--topic", "moe,scaling-laws");
        var repeated = CliRun.InProcess(null, "classify", Page, "--as", "jsonl", "--topic", "moe", "--topic", "scaling-laws");
        var unknown = CliRun.InProcess(null, "classify", Page, "--topic", "moe,nope");

        listed.ExitCode.Should().Be(0);
        listed.Stdout.Should().Be(repeated.Stdout).And.NotBeEmpty();
        unknown.ExitCode.Should().Be(2);
        unknown.Stderr.Should().Contain("unknown topic id 'nope'");
    }

    [Fact]
    public void Tables_are_not_cut_when_the_output_is_not_a_terminal_unless_a_width_is_given()
    {
        var uncut = CliRun.InProcess(null, "read", Page);
        var cut = CliRun.InProcess(null, "read", Page, "--width", "80");
        var classified = CliRun.InProcess(null, "classify", Page, "--width", "80");

        uncut.StdoutLines.Should().Contain(l => l.EndsWith(LongTitle, StringComparison.Ordinal));
        uncut.StdoutLines.Should().Contain(l => l.Length > 120);
        cut.StdoutLines.Should().OnlyContain(l => l.Length <= 80).And.Contain(l => l.EndsWith('…'));
        classified.StdoutLines.Should().OnlyContain(l => l.Length <= 80);
        CliRun.InProcess(null, "classify", Page).StdoutLines.Should().Contain(l => l.StartsWith(LongTitle, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--year takes a whole number from 1991 to 9999, not 'abc'.", "read", "x.txt", "--year", "abc")]
    [InlineData("--width takes a whole number from 20 to 10000, not '5'.", "read", "x.txt", "--width", "5")]
    [InlineData("'xml' is not a value of --as; use table, jsonl or json.", "read", "x.txt", "--as", "xml")]
    [InlineData("--min-score takes a number from 0 to 1, not 'high'.", "classify", "x.txt", "--min-score", "high")]
    [InlineData("'csv' is not a value of --as; use table, markdown or json.", "evaluate", "--labels", "x.tsv", "--as", "csv")]
    public void Bad_values_are_explained_without_type_names(string message, params string[] args)
    {
        var run = CliRun.InProcess(null, args);

        run.ExitCode.Should().Be(2);
        run.StderrLines.Should().Contain("papers: error: " + message);
        run.Stderr.Should().NotContain("System.").And.NotContain("PaperModel.");
    }
}
