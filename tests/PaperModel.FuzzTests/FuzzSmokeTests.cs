using PaperModel.FuzzTests.Fuzzing;

namespace PaperModel.FuzzTests;

/// <summary>
/// The normal test run's share of the fuzzing campaign: a fixed range of deterministic cases per target, so that a
/// failure names a case that `dotnet run -- replay` or a rerun reproduces. The long campaign runs the same targets
/// over 100,000+ cases each (docs/reliability.md).
/// </summary>
public sealed class FuzzSmokeTests
{
    private const int CasesPerFormat = 250;

    // Smaller huge fields than the long campaign's, so that the normal test run stays short.
    private const int MaxHugeField = 48 * 1024;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("hf-daily-text")]
    [InlineData("hf-api-json")]
    [InlineData("arxiv-atom")]
    [InlineData("arxiv-oai")]
    [InlineData("arxiv-metadata-jsonl")]
    [InlineData("paper-jsonl")]
    [InlineData("arxiv-rss")]
    [InlineData("hf-daily-html")]
    public void Every_invariant_holds_for_mutated_and_random_input(string format) =>
        ShouldFindNothing(ReaderTarget.For(format), CasesPerFormat);

    [Fact]
    public void The_taxonomy_reader_and_its_classifier_hold_for_mutated_and_random_input() =>
        ShouldFindNothing(new TaxonomyTarget(), 500);

    [Fact]
    public void The_generator_never_throws_into_the_compiler_and_positions_every_diagnostic() =>
        ShouldFindNothing(new GeneratorTarget(), 100);

    private static void ShouldFindNothing(FuzzTarget target, int cases)
    {
        var result = Campaign.Run(target, 0, cases, CaseTimeout, maxHugeField: MaxHugeField);
        result.CountsByKind.Should().BeEmpty(result.Summary());
    }
}
