using System.Text.Json;
using System.Text.RegularExpressions;
using PaperModel.Serialization;
using PaperModel.Testing;

namespace PaperModel.Cli.Tests;

public sealed class ReadCommandTests
{
    // file(line,col): error PM1xxx: message — the canonical compiler format.
    private static readonly Regex ProblemLine = new(@"^.+\(\d+(,\d+)?\): (error|warning) PM1\d{3}: .+$|^[^(]+: (error|warning) PM1\d{3}: .+$");

    private static IReadOnlyList<string> LabelTitles() => File.ReadAllLines(RepoPaths.SeedLabels)
        .Skip(1).Where(static l => l.Length > 0).Select(static l => l.Split('\t')[4]).ToList();

    private static string TruncatedPage()
    {
        // The real page cut after the title of its 31st paper: titles start at line 13, one every 4 lines, so the
        // 31st title is line 133 and the page ends there without its abstract.
        var lines = File.ReadAllText(RepoPaths.DailyPapersPage).Split('\n');
        lines[132].Should().Be(LabelTitles()[30]);
        return string.Join('\n', lines.Take(133));
    }

    [Fact]
    public void Jsonl_prints_one_paper_per_line_with_the_titles_of_the_labels_file()
    {
        var run = CliRun.InProcess(null, "read", RepoPaths.DailyPapersPage, "--as", "jsonl");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        var papers = run.StdoutLines.Select(PaperJson.Deserialize).ToList();
        papers.Select(p => p.Title).Should().Equal(LabelTitles());
        papers.Should().OnlyContain(p => p.Source == PaperSource.HuggingFaceDailyPage && p.Abstract.Length > 500);
    }

    [Fact]
    public void Json_prints_one_array_that_matches_the_jsonl_output()
    {
        var json = CliRun.InProcess(null, "read", RepoPaths.DailyPapersPage, "--as", "json", "--year", "2024");
        var jsonl = CliRun.InProcess(null, "read", RepoPaths.DailyPapersPage, "--as", "jsonl", "--year", "2024");

        json.ExitCode.Should().Be(0);
        using var document = JsonDocument.Parse(json.Stdout);
        var fromArray = document.RootElement.EnumerateArray().Select(e => PaperJson.Deserialize(e.GetRawText())).ToList();
        fromArray.Should().Equal(jsonl.StdoutLines.Select(PaperJson.Deserialize));
        fromArray.Should().HaveCount(50).And.OnlyContain(p => p.ListedOn == new DateTimeOffset(2024, 7, 30, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Table_fits_the_width_and_counts_the_papers()
    {
        using var input = new MemoryStream();
        var stdout = new StringWriter();
        var exit = PapersCommand.Run(["read", RepoPaths.DailyPapersPage, "--year", "2025"], new CliContext(input, stdout, new StringWriter()) { Width = 100 });

        exit.Should().Be(0);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("ID").And.Contain("DATE").And.Contain("TITLE");
        lines[^1].Should().Be("50 papers");
        lines.Skip(1).SkipLast(1).Should().HaveCount(50).And.OnlyContain(l => l.Length <= 100 && l.Contains("2025-07-30"));
        lines[1].Should().Contain("ScaLearn: Simple").And.EndWith("…");
        lines.Should().Contain(l => l.EndsWith("Yi: Open Foundation Models by 01.AI"));
    }

    [Fact]
    public void Dash_reads_standard_input()
    {
        var run = CliRun.InProcess(File.ReadAllText(RepoPaths.DailyPapersPage), "read", "-", "--as", "jsonl");

        run.ExitCode.Should().Be(0);
        run.StdoutLines.Select(PaperJson.Deserialize).Select(p => p.Title).Should().Equal(LabelTitles());
    }

    [Fact]
    public void Truncated_page_prints_the_readable_papers_and_a_located_problem_with_exit_code_1()
    {
        var run = CliRun.InProcess(TruncatedPage(), "read", "-", "--as", "jsonl");

        run.ExitCode.Should().Be(1);
        run.StdoutLines.Select(PaperJson.Deserialize).Select(p => p.Title).Should().Equal(LabelTitles().Take(30));
        run.StderrLines.Should().ContainSingle().Which.Should()
            .StartWith("<stdin>(133,1): error PM1011: '" + LabelTitles()[30] + "' has a title but no abstract");
    }

    [Fact]
    public void Missing_file_is_a_problem_not_a_crash_and_other_files_are_still_read()
    {
        var run = CliRun.InProcess(null, "read", "no-such-file.txt", RepoPaths.DailyPapersPage, "--as", "jsonl");

        run.ExitCode.Should().Be(1);
        run.StderrLines.Should().Equal("no-such-file.txt: error PM1001: the file does not exist.");
        run.StdoutLines.Should().HaveCount(50);
    }

    [Theory]
    [InlineData("read")]
    [InlineData("read", "x.txt", "--format", "nope")]
    [InlineData("read", "x.txt", "--as", "xml")]
    [InlineData("read", "x.txt", "--year", "12")]
    [InlineData("read", "x.txt", "--ouput", "json")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Usage_errors_exit_with_2_and_say_what_is_wrong(params string[] args)
    {
        var run = CliRun.InProcess(null, args);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().NotBeEmpty().And.Contain(l => l.StartsWith("papers: error: ")).And.Contain(l => l.Contains("--help"));
    }

    [Fact]
    public void Help_exits_with_0_and_lists_the_options()
    {
        var run = CliRun.InProcess(null, "read", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--format").And.Contain("--out <file>").And.Contain("--as <table|jsonl|json>").And.Contain("[default: table]").And.Contain("--year").And.Contain("hf-daily-text");
        run.Stdout.Should().NotContain("--output", "the old spelling still works but is not advertised");
    }

    [Fact]
    public void Process_end_to_end_prints_papers_and_exits_0()
    {
        var run = CliRun.Process(null, "read", RepoPaths.DailyPapersPage, "--as", "jsonl");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().BeEmpty();
        run.StdoutLines.Select(PaperJson.Deserialize).Select(p => p.Title).Should().Equal(LabelTitles());
    }

    [Fact]
    public void Process_end_to_end_reports_problems_in_compiler_format_without_stack_traces()
    {
        var garbled = TruncatedPage().Replace("Jul 30", "Jul 3O") + "\n\n\n" + new string('x', 50) + "\u0000\u0001 binary";
        var run = CliRun.Process(garbled, "read", "-", "missing.txt", "--as", "jsonl");

        run.ExitCode.Should().Be(1);
        run.StdoutLines.Select(PaperJson.Deserialize).Should().HaveCount(30);
        run.StderrLines.Should().NotBeEmpty().And.OnlyContain(l => ProblemLine.IsMatch(l));
        run.Stderr.Should().Contain("<stdin>(11,1): warning PM1013:").And.Contain("missing.txt: error PM1001:");
        run.Stderr.Should().NotContain("   at ").And.NotContain("Exception");
    }

    [Fact]
    public void Process_usage_error_exits_with_2_without_stack_trace()
    {
        var run = CliRun.Process(null, "read", "--as", "xml", "x.txt");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("papers: error: ").And.NotContain("   at ");
    }
}
