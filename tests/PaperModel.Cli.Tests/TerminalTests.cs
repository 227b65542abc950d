using PaperModel.Testing;

namespace PaperModel.Cli.Tests;

/// <summary>The CLI at a terminal: progress on standard error, colour in the classify table, --limit.</summary>
public sealed class TerminalTests
{
    [Fact]
    public void Progress_shows_count_rate_elapsed_and_percent_on_a_terminal_after_two_seconds_then_is_erased()
    {
        var run = Run(["read", RepoPaths.DailyPapersPage, "--year", "2025"], errorIsTerminal: true, secondsPerTick: 0.5);

        run.Exit.Should().Be(0);
        run.Stderr.Should().MatchRegex(@"\r\u001b\[2K  \d+ papers · [\d,]+/s · 0:0\d · \d+%", "after two seconds the line shows papers, rate, elapsed and percent");
        run.Stderr.Should().EndWith("\r\u001b[2K", "the line is erased at the end");
        run.Stderr.Replace("\r\u001b[2K", "\n", StringComparison.Ordinal).Split('\n').Where(static l => l.Length > 0)
            .Select(static l => int.Parse(l.Split('%')[0].Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeInAscendingOrder().And.Subject.Last().Should().BeGreaterThan(90);
        run.Stdout.Should().NotContain("\u001b", "progress goes to standard error only");
    }

    [Fact]
    public void No_progress_for_short_runs_when_not_a_terminal_or_with_quiet()
    {
        Run(["read", RepoPaths.DailyPapersPage, "--year", "2025"], errorIsTerminal: true, secondsPerTick: 0.001).Stderr.Should().BeEmpty("a run under two seconds stays silent");
        Run(["read", RepoPaths.DailyPapersPage, "--year", "2025"], errorIsTerminal: false, secondsPerTick: 0.5).Stderr.Should().BeEmpty("standard error is not a terminal");
        Run(["read", RepoPaths.DailyPapersPage, "--year", "2025", "--quiet"], errorIsTerminal: true, secondsPerTick: 0.5).Stderr.Should().BeEmpty("--quiet");
    }

    [Fact]
    public void Progress_line_is_erased_before_a_problem_is_written()
    {
        var input = Path.Combine(Path.GetTempPath(), $"papers-progress-{Guid.NewGuid():N}.jsonl");
        var good = File.ReadAllText(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        File.WriteAllLines(input, [good, good, good, "{ not json", good]);
        try
        {
            var run = Run(["read", input], errorIsTerminal: true, secondsPerTick: 1);

            run.Stderr.Should().MatchRegex(@"\r\u001b\[2K" + System.Text.RegularExpressions.Regex.Escape(input) + @"\(4,\d+\): error PM\d+", "the problem starts on a clean line");
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Limit_stops_after_n_papers()
    {
        var run = Run(["read", RepoPaths.DailyPapersPage, "--year", "2025", "--limit", "3", "--output", "jsonl"], errorIsTerminal: false, secondsPerTick: 0);

        run.Exit.Should().Be(0);
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3);
        Run(["classify", RepoPaths.DailyPapersPage, "--limit", "0"], errorIsTerminal: false, secondsPerTick: 0).Stderr.Should().Contain("--limit must be at least 1, not 0.");
    }

    [Fact]
    public void Classify_table_shows_the_matched_text_highlighted_only_with_colour()
    {
        var plain = Run(["classify", RepoPaths.DailyPapersPage, "--year", "2025", "--topic", "lora"], errorIsTerminal: false, secondsPerTick: 0);
        var colour = Run(["classify", RepoPaths.DailyPapersPage, "--year", "2025", "--topic", "lora"], errorIsTerminal: false, secondsPerTick: 0, color: true);

        plain.Stdout.Should().MatchRegex(@"peft/lora \d\.\d\d ""LoRA""").And.NotContain("\u001b");
        colour.Stdout.Should().Contain("peft/lora").And.MatchRegex("\"\u001b\\[1;33m[^\u001b]+\u001b\\[0m\"");
        colour.Stdout.Replace("\u001b[1;33m", string.Empty, StringComparison.Ordinal).Replace("\u001b[0m", string.Empty, StringComparison.Ordinal)
            .Should().Be(plain.Stdout, "colour changes nothing but the highlight");
    }

    private static (int Exit, string Stdout, string Stderr) Run(string[] args, bool errorIsTerminal, double secondsPerTick, bool color = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(Stream.Null, stdout, stderr) { ErrorIsTerminal = errorIsTerminal, OutputColor = color, Time = new TickingTime(secondsPerTick) };
        var exit = PapersCommand.Run(args, context);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A clock that moves forward a fixed step each time it is read, so a run "takes" as long as the test says.</summary>
    private sealed class TickingTime(double secondsPerTick) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += (long)(secondsPerTick * TimeSpan.TicksPerSecond);
    }
}
