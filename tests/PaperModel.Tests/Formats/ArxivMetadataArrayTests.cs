using System.Text;
using PaperModel.Formats;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Formats;

/// <summary>
/// The snapshot saved as one JSON array. No such file was found in a public repository, so the input is written here:
/// the real records of the JSON Lines sample, whole and unchanged, as the elements of one indented array.
/// </summary>
public sealed class ArxivMetadataArrayTests
{
    private const string Sample = "arxiv-metadata-snapshot.sample.jsonl";

    private static readonly ArxivMetadataFormat Format = PaperFormats.ArxivMetadata;

    private static string[] Records => SampleText(Sample).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string AsArray(IEnumerable<string> records) => "[\n  " + string.Join(",\n  ", records) + "\n]\n";

    [Fact]
    public void The_records_as_one_array_read_exactly_as_the_json_lines_do()
    {
        var result = ReadText(Format, AsArray(Records));

        result.Problems.Should().BeEmpty();
        result.Papers.Should().Equal(ReadSample(Format, Sample).Papers);
        result.Papers.Should().HaveCount(10);
    }

    [Fact]
    public void The_array_is_detected_as_the_snapshot_and_other_arrays_are_not()
    {
        FormatDetector.Detect(Encoding.UTF8.GetBytes(AsArray(Records))).Should().Be("arxiv-metadata-jsonl");
        FormatDetector.Detect(File.ReadAllBytes(PaperModel.Testing.RepoPaths.Format("hf-papers-search.sample.json"))).Should().Be("hf-api-json");
        FormatDetector.Detect("[{\"paper\":{\"id\":\"2310.00001\"}}]"u8).Should().Be("hf-api-json");

        var read = PaperReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(AsArray(Records))));
        read.Papers.Should().HaveCount(10).And.OnlyContain(static p => p.Source == PaperSource.ArxivMetadata);
    }

    [Fact]
    public void A_bad_value_is_located_in_its_element_and_the_others_are_read()
    {
        var records = Records;
        records[2] = records[2].Replace("\"versions\":[", "\"versions\":7,\"x\":[", StringComparison.Ordinal);
        var text = AsArray(records);

        var result = ReadText(Format, text);

        result.Papers.Should().HaveCount(9);
        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Code, problem.Record).Should().Be(("PM1072", 3L));
        problem.Message.Should().Contain("$.versions");
        (problem.Line, problem.Column).Should().Be(PositionOf(text, text.IndexOf("7,\"x\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_element_longer_than_the_limit_is_skipped_with_its_number()
    {
        var records = Records.Take(3).ToArray();
        var limit = records.Max(static r => Encoding.UTF8.GetByteCount(r)) - 1;
        var longest = Array.FindIndex(records, r => Encoding.UTF8.GetByteCount(r) > limit);

        var result = ReadText(Format, AsArray(records), new PaperReadOptions { SourceName = "input", MaxRecordLength = limit });

        result.Papers.Should().HaveCount(2);
        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Code, problem.Record).Should().Be(("PM1079", longest + 1L));
        (problem.Line, problem.Column).Should().Be((longest + 2, 3));
    }

    [Fact]
    public void Broken_json_keeps_the_records_before_it_and_says_where()
    {
        var text = AsArray(Records.Take(2)).Replace("\n]", ",\n  {\"id\": ]", StringComparison.Ordinal);

        var result = ReadText(Format, text);

        result.Papers.Should().HaveCount(2);
        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Code, problem.Line).Should().Be(("PM1077", 4));
    }

    [Fact]
    public void Json_lines_are_still_handed_out_to_be_mapped_on_other_threads_and_an_array_is_read_as_it_comes()
    {
        var lines = RecordDriver.ReadDeferred(() => InputParser.ForStream(new MemoryStream(Encoding.UTF8.GetBytes(SampleText(Sample))), Format, PaperReadOptions.Default), default).ToList();
        var array = RecordDriver.ReadDeferred(() => InputParser.ForStream(new MemoryStream(Encoding.UTF8.GetBytes(AsArray(Records))), Format, PaperReadOptions.Default), default).ToList();

        lines.Should().HaveCount(10).And.OnlyContain(static r => r.GetType().DeclaringType == typeof(JsonLinesParser));
        array.SelectMany(static r => r.Map()).Select(static i => i.Paper).Should().Equal(ReadSample(Format, Sample).Papers);
    }

    [Fact]
    public void An_array_of_something_else_is_one_problem_per_element()
    {
        var result = ReadText(Format, "[1, \"x\"]");

        result.Papers.Should().BeEmpty();
        result.Problems.Should().HaveCount(2).And.OnlyContain(static p => p.Severity == ProblemSeverity.Error);
    }
}
