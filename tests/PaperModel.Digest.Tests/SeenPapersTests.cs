namespace PaperModel.Digest.Tests;

/// <summary>The state file behind "only papers not seen before".</summary>
public sealed class SeenPapersTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("papermodel-digest-state-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Second_digest_with_the_saved_state_is_empty_and_a_new_version_stays_out()
    {
        var path = Path.Combine(_folder, "sub", "state.json");
        var seen = SeenPapers.Load(path);
        seen.Count.Should().Be(0, "a state file that does not exist yet is empty");
        var first = PaperDigest.Create([.. TestPapers.SamplePage, TestPapers.Lora("2507.01234v1")], TestPapers.Classifier, new DigestOptions { Seen = seen });
        first.Papers.Should().Contain(static p => p.Key == "2507.01234");
        seen.Add(first, new DateTimeOffset(2025, 7, 30, 8, 0, 0, TimeSpan.Zero));
        seen.Save(path);

        var reloaded = SeenPapers.Load(path);
        reloaded.Count.Should().Be(first.Papers.Count);
        var second = PaperDigest.Create([.. TestPapers.SamplePage, TestPapers.Lora("2507.01234v2"), TestPapers.Lora("2507.09999v1")], TestPapers.Classifier, new DigestOptions { Seen = reloaded });

        second.Papers.Select(static p => p.Key).Should().Equal(["2507.09999"], "only the paper never listed is news; v2 of a listed paper is not");
        File.ReadAllText(path).Should().Contain("\"2507.01234\": \"2025-07-30\"");
    }

    [Fact]
    public void Broken_state_file_is_a_located_error()
    {
        var path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{\n  \"seen\": {\n    \"2507.01234\": \"2025-07-30\",\n    oops\n}");

        var act = () => SeenPapers.Load(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}(4,*): error: *");
    }

    [Fact]
    public void State_file_of_another_shape_is_an_error_naming_the_file()
    {
        var path = Path.Combine(_folder, "other.json");
        File.WriteAllText(path, "[1, 2]");

        var act = () => SeenPapers.Load(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}: error: not a digest state file*");
    }
}
