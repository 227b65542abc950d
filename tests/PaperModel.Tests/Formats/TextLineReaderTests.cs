using PaperModel.Formats;

namespace PaperModel.Tests.Formats;

public sealed class TextLineReaderTests
{
    private static List<TextLine> ReadAll(string text, int max = 1000)
    {
        var reader = new TextLineReader(new StringReader(text), max);
        var lines = new List<TextLine>();
        while (Next(reader, out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    // The next line, filling synchronously as often as the reader asks.
    private static bool Next(TextLineReader reader, out TextLine line)
    {
        TextLineReader.Step step;
        while ((step = reader.Next(out line)) == TextLineReader.Step.NeedMore)
        {
            reader.Fill();
        }

        return step == TextLineReader.Step.Line;
    }

    [Fact]
    public void Lf_crlf_and_cr_all_end_lines_and_blank_lines_count()
    {
        ReadAll("a\nb\r\nc\rd\r\n\r\ne").Select(l => (l.Text, l.Number)).Should().Equal(
            ("a", 1), ("b", 2), ("c", 3), ("d", 4), (string.Empty, 5), ("e", 6));
    }

    [Fact]
    public void Crlf_split_across_chunks_is_one_line_break()
    {
        // The reader takes 16 KiB chunks: put the CR at the end of the first chunk and the LF at the start of the next.
        var first = new string('x', (16 * 1024) - 1);
        var lines = ReadAll(first + "\r\nnext\n", max: 20_000);

        lines.Select(l => l.Text).Should().Equal(first, "next");
    }

    [Fact]
    public void Last_line_without_a_break_is_read_and_flagged()
    {
        var reader = new TextLineReader(new StringReader("a\nb"), 100);

        Next(reader, out _).Should().BeTrue();
        reader.LastLineTerminated.Should().BeTrue();
        Next(reader, out var last).Should().BeTrue();
        last.Text.Should().Be("b");
        reader.LastLineTerminated.Should().BeFalse();
        Next(reader, out _).Should().BeFalse();
    }

    [Fact]
    public void Too_long_line_keeps_only_its_start_and_the_next_line_is_intact()
    {
        var lines = ReadAll(new string('y', 100_000) + "\nshort\n", max: 1000);

        lines.Should().HaveCount(2);
        lines[0].IsTooLong.Should().BeTrue();
        lines[0].Text.Should().Be(new string('y', 80));
        lines[1].Should().Be(new TextLine("short", 2, false));
    }

    [Fact]
    public async Task Async_reading_gives_the_same_lines()
    {
        var text = "one\r\ntwo\n\nthree" + new string('z', 5000);
        var reader = new TextLineReader(new StringReader(text), 2000);
        var lines = new List<TextLine>();
        while (true)
        {
            var step = reader.Next(out var line);
            if (step == TextLineReader.Step.NeedMore)
            {
                await reader.FillAsync(CancellationToken.None);
            }
            else if (step == TextLineReader.Step.Line)
            {
                lines.Add(line);
            }
            else
            {
                break;
            }
        }

        lines.Should().Equal(ReadAll(text, 2000));
        lines[^1].IsTooLong.Should().BeTrue();
    }
}
