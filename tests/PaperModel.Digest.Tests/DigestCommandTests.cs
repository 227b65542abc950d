using PaperModel.Testing;

namespace PaperModel.Digest.Tests;

/// <summary><c>papers digest</c>: the forms it writes and the state file across runs.</summary>
public sealed class DigestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("papermodel-digest-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Second_run_with_the_state_file_lists_nothing_and_a_new_version_stays_out()
    {
        var state = Path.Combine(_folder, "state.json");
        var day1 = TestPapers.WriteJsonLines(_folder, "day1.jsonl", TestPapers.Lora("2507.01234v1"));
        string[] topics = ["--topic", "peft", "--topic", "moe", "--topic", "scaling-laws", "--topic", "alignment"];

        var first = CliRunner.Run(["digest", RepoPaths.DailyPapersPage, day1, "--year", "2025", "--state", state, "--as", "markdown", .. topics]);
        var second = CliRunner.Run(["digest", RepoPaths.DailyPapersPage, day1, "--year", "2025", "--state", state, "--as", "markdown", .. topics]);
        var day2 = TestPapers.WriteJsonLines(_folder, "day2.jsonl", TestPapers.Lora("2507.01234v2"), TestPapers.Lora("2507.05678v1", "MoLoRA: Mixture of LoRA Experts"));
        var third = CliRunner.Run(["digest", day2, "--state", state, "--as", "markdown", .. topics]);

        first.Exit.Should().Be(0, first.Stderr);
        first.Stdout.Should().Contain("## Parameter-efficient fine-tuning").And.Contain("2507.01234");
        second.Exit.Should().Be(0, second.Stderr);
        second.Stdout.Should().Contain("No new papers on your topics.").And.NotContain("## ");
        third.Stdout.Should().NotContain("2507.01234", "v2 of a paper already listed is not news");
        third.Stdout.Should().Contain("MoLoRA").And.Contain("1 paper in");
    }

    [Theory]
    [InlineData("digest.html", "<!DOCTYPE html>")]
    [InlineData("digest.md", "# Papers on your topics")]
    [InlineData("digest.txt", "Papers on your topics\n=====")]
    public void Out_extension_chooses_the_form(string name, string start)
    {
        var path = Path.Combine(_folder, name);

        var run = CliRunner.Run(["digest", RepoPaths.DailyPapersPage, "--year", "2025", "--topic", "moe", "--out", path]);

        run.Exit.Should().Be(0, run.Stderr);
        run.Stdout.Should().BeEmpty();
        File.ReadAllText(path).ReplaceLineEndings("\n").Should().StartWith(start).And.Contain("Mixture of experts");
    }

    [Fact]
    public void Unknown_extension_bad_state_and_bad_smtp_are_clear_errors()
    {
        var unknown = CliRunner.Run(["digest", RepoPaths.DailyPapersPage, "--out", Path.Combine(_folder, "digest.pdf")]);
        unknown.Exit.Should().Be(2);
        unknown.Stderr.Should().Contain("cannot tell the form of").And.Contain(".txt, .md, .html or .eml");

        var state = Path.Combine(_folder, "broken.json");
        File.WriteAllText(state, "{ \"seen\": [ }");
        var broken = CliRunner.Run(["digest", RepoPaths.DailyPapersPage, "--state", state]);
        broken.Exit.Should().Be(1);
        broken.Stderr.Should().StartWith(state + "(1,");

        var smtp = CliRunner.Run(["digest", RepoPaths.DailyPapersPage, "--mail-to", "a@example.org", "--smtp", "no-port"]);
        smtp.Exit.Should().Be(2);
        smtp.Stderr.Should().Contain("--smtp 'no-port' is not host:port");
    }
}
