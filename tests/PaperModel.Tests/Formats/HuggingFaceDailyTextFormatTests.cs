using System.Text;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Formats;

public sealed class HuggingFaceDailyTextFormatTests
{
    private static readonly PaperReadOptions Options = new() { SourceName = "page.txt", Year = 2025 };

    private static IReadOnlyList<string> Titles => DailyPageSample.Pairs.Select(p => p.Title).ToList();

    private static IReadOnlyList<string> Abstracts => DailyPageSample.Pairs.Select(p => p.Abstract).ToList();

    private static PaperReadResult ReadText(string text, PaperReadOptions? options = null) =>
        PaperReadResult.From(PaperFormats.HuggingFaceDailyText.Read(new StringReader(text), options ?? Options));

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Real_page_gives_the_50_papers_of_the_labels_file_with_exact_titles_and_abstracts()
    {
        var result = PaperReader.ReadFile(RepoPaths.DailyPapersPage, PaperFormats.HuggingFaceDailyText, Options);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(DailyPageSample.LabelTitles);
        result.Papers.Select(p => p.Abstract).Should().Equal(Abstracts);
        result.Papers.Should().OnlyContain(p => p.ListedOn == Day(2025, 7, 30) && p.Source == PaperSource.HuggingFaceDailyPage
            && p.ArxivId == null && p.Upvotes == null && p.Links.Count == 0);
        result.Papers.Select(p => p.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.StartsWith("hf-daily:"));
    }

    [Fact]
    public void Real_page_keeps_latex_and_escapes_as_written()
    {
        var papers = ReadText(DailyPageSample.Text).Papers;

        papers[0].Abstract.Should().Contain(@"(\eg adapters)");
        papers.Should().Contain(p => p.Abstract.Contains(@"0.07\% away"));
        papers.Should().Contain(p => p.Title == "Yi: Open Foundation Models by 01.AI");
    }

    [Fact]
    public void Ids_are_a_title_slug_and_hash_that_do_not_depend_on_the_copy()
    {
        var plain = ReadText(DailyPageSample.Text).Papers;
        var crlf = ReadText(DailyPageSample.Text.Replace("\n", "\r\n").Replace("Jul 30", "Jul 31")).Papers;

        plain[0].Id.Should().MatchRegex("^hf-daily:scalearn-simple-and-highly-parameter-[0-9a-f]{8}$");
        plain.Should().OnlyContain(p => p.Id.Length <= "hf-daily:".Length + 40 + 9);
        crlf.Select(p => p.Id).Should().Equal(plain.Select(p => p.Id));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData(" \t \r\n")]
    [InlineData("\n\n\n")]
    public void Line_breaks_trailing_spaces_and_extra_blank_lines_do_not_change_the_papers(string lineBreak)
    {
        var result = ReadText(DailyPageSample.Text.Replace("\n", lineBreak));

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(Titles);
        result.Papers.Select(p => p.Abstract).Should().Equal(Abstracts);
    }

    [Fact]
    public void Blank_lines_between_title_and_abstract_may_be_missing()
    {
        var text = string.Join("\n", DailyPageSample.Pairs.Select(p => p.Title + "\n" + p.Abstract));

        var result = ReadText(text);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(Titles);
        result.Papers.Select(p => p.Abstract).Should().Equal(Abstracts);
    }

    [Fact]
    public void A_page_without_header_or_date_gives_the_papers_without_a_listing_date()
    {
        var text = string.Join("\n", DailyPageSample.Lines.Skip(12));

        var result = ReadText(text);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(Titles);
        result.Papers.Should().OnlyContain(p => p.ListedOn == null);
    }

    [Fact]
    public void Each_date_section_dates_the_papers_below_it()
    {
        var lines = DailyPageSample.Lines.ToList();
        lines.Insert(12 + (40 * 4), "Feb 27, 2024\n");   // before the 41st paper
        lines.Insert(12 + (25 * 4), "Jul 31\n");         // before the 26th paper

        var result = ReadText(string.Join("\n", lines), Options with { Year = null, ReferenceDate = Day(2026, 3, 1) });

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(Titles);
        result.Papers.Take(25).Should().OnlyContain(p => p.ListedOn == Day(2025, 7, 30), "Jul 30 lies after the reference date in 2026");
        result.Papers.Skip(25).Take(15).Should().OnlyContain(p => p.ListedOn == Day(2025, 7, 31));
        result.Papers.Skip(40).Should().OnlyContain(p => p.ListedOn == Day(2024, 2, 27));
    }

    [Fact]
    public void Year_option_sets_the_year_of_dates_without_one()
    {
        ReadText(DailyPageSample.Text, Options with { Year = 2023 }).Papers.Should().OnlyContain(p => p.ListedOn == Day(2023, 7, 30));
        ReadText(DailyPageSample.Text, Options with { Year = null, ReferenceDate = Day(2026, 7, 30) })
            .Papers.Should().OnlyContain(p => p.ListedOn == Day(2026, 7, 30));
    }

    [Fact]
    public void Rich_plain_text_cards_give_the_same_papers_with_upvotes_comments_organizations_dates_and_submitters()
    {
        var result = ReadText(DailyPageVariants.RichPlainText());

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(Titles);
        result.Papers.Select(p => p.Abstract).Should().Equal(Abstracts);
        for (var i = 0; i < result.Papers.Count; i++)
        {
            var paper = result.Papers[i];
            paper.Upvotes.Should().Be(DailyPageVariants.UpvotesOf(i), paper.Title);
            paper.CommentCount.Should().Be(DailyPageVariants.CommentsOf(i), paper.Title);
            paper.Organization.Should().Be(DailyPageVariants.OrganizationOf(i), paper.Title);
            paper.Published.Should().Be(i % 5 == 0 ? Day(2024, 2, 27) : Day(2025, 7, 29), paper.Title);
            paper.Submitter.Should().Be(i % 8 == 0 ? "akhaliq" : null, paper.Title);
            paper.ListedOn.Should().Be(Day(2025, 7, 30));
        }
    }

    [Fact]
    public void Markdown_copies_give_the_same_papers_with_arxiv_ids_from_the_links()
    {
        var result = ReadText(DailyPageVariants.Markdown());

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(Titles);
        result.Papers.Select(p => p.Abstract).Should().Equal(Abstracts);
        for (var i = 0; i < result.Papers.Count; i++)
        {
            var paper = result.Papers[i];
            paper.Id.Should().Be(DailyPageVariants.IdOf(i));
            paper.ArxivId.Should().Be(ArxivId.Parse(DailyPageVariants.IdOf(i)));
            paper.Links.Should().Contain(new PaperLink(PaperLinkKinds.HuggingFace, new Uri("https://huggingface.co/papers/" + DailyPageVariants.IdOf(i))));
            paper.Upvotes.Should().Be(DailyPageVariants.UpvotesOf(i), paper.Title);
            paper.CommentCount.Should().Be(DailyPageVariants.CommentsOf(i), paper.Title);
            paper.Organization.Should().Be(DailyPageVariants.OrganizationOf(i), paper.Title);
            paper.Published.Should().Be(i % 5 == 0 ? Day(2025, 2, 27) : Day(2025, 5, 29), paper.Title);
            paper.ListedOn.Should().Be(Day(2025, 10, 2));
        }
    }

    [Fact]
    public void Text_mode_browser_dumps_give_the_same_papers()
    {
        var result = ReadText(DailyPageVariants.TextModeBrowser());

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(Titles);
        result.Papers.Select(p => p.Abstract).Should().Equal(Abstracts);
        result.Papers.Select(p => p.Upvotes).Should().Equal(Enumerable.Range(0, 50).Select(i => (int?)DailyPageVariants.UpvotesOf(i)));
        result.Papers.Select(p => p.CommentCount).Should().Equal(Enumerable.Range(0, 50).Select(DailyPageVariants.CommentsOf));
        result.Papers.Select(p => p.Organization).Should().Equal(Enumerable.Range(0, 50).Select(DailyPageVariants.OrganizationOf));
    }

    [Fact]
    public void Notebook_exports_with_link_targets_on_their_own_lines_give_ids_organizations_and_counts()
    {
        var (title1, abstract1) = DailyPageSample.Pairs[0];
        var (title2, abstract2) = DailyPageSample.Pairs[1];
        var text = $"""
            by
            AK
            https://huggingface.co/akhaliq
             and the research community
            Oct 7
             [-] 12
            https://huggingface.co/login?next=%2Fpapers%2F2410.05434
            {title1}
            https://huggingface.co/papers/2410.05434
            {abstract1}
            https://huggingface.co/papers/2410.05434
            [

            2 authors](https://huggingface.co/papers/2410.05434)
            ·
            Oct 7, 2024
             Google
            https://huggingface.co/google
            2
            https://huggingface.co/papers/2410.05434#community
             [-] -
            https://huggingface.co/login?next=%2Fpapers%2F2410.05435
            {title2}
            https://huggingface.co/papers/2410.05435
            {abstract2}
            """;

        var result = ReadText(text);

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => (p.Id, p.Title, p.Abstract, p.Upvotes)).Should().Equal(
            ("2410.05434", title1, abstract1, 12),
            ("2410.05435", title2, abstract2, 0));
        result.Papers[0].Organization.Should().Be("Google");
        result.Papers[0].CommentCount.Should().Be(2);
        result.Papers[0].Published.Should().Be(Day(2024, 10, 7));
        result.Papers.Should().OnlyContain(p => p.ListedOn == Day(2025, 10, 7));
    }

    [Fact]
    public void Wrapped_abstracts_and_wrap_markers_are_joined()
    {
        var result = ReadText(DailyPageVariants.Wrapped());

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(Titles);
        result.Papers.Select(p => p.Abstract).Should().Equal(Abstracts);
    }

    [Fact]
    public void Truncated_title_is_reported_with_its_line_and_the_papers_before_it_are_kept()
    {
        var text = string.Join("\n", DailyPageSample.Lines.Take(12 + (30 * 4) + 1));   // ends on the 31st title

        var result = ReadText(text);

        result.Papers.Select(p => p.Title).Should().Equal(Titles.Take(30));
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM1011");
        (problem.Line, problem.Column, problem.Severity).Should().Be((133, 1, ProblemSeverity.Error));
        problem.ToString().Should().Be($"page.txt(133,1): error PM1011: '{Titles[30]}' has a title but no abstract; the paper is skipped (the copy may be truncated or garbled).");
    }

    [Fact]
    public void Abstract_cut_off_at_the_end_is_kept_with_a_warning()
    {
        // Cut the last abstract (line 211, which has no line break) in the middle, after a word.
        var text = DailyPageSample.Text;
        var cutAt = text.IndexOf(' ', text.LastIndexOf('\n') + 600);
        while (!char.IsLetter(text[cutAt - 1]))
        {
            cutAt = text.IndexOf(' ', cutAt + 1);
        }

        var cut = text.Substring(0, cutAt);

        var result = ReadText(cut);

        result.Papers.Should().HaveCount(50);
        result.Papers[^1].Abstract.Should().Be(Abstracts[^1].Substring(0, result.Papers[^1].Abstract.Length));
        result.Problems.Should().ContainSingle(p => p.Code == "PM1016" && p.Severity == ProblemSeverity.Warning && p.Line == 211);
    }

    [Fact]
    public void Garbled_page_reports_each_damage_where_it_is_and_keeps_every_other_paper()
    {
        var lines = DailyPageSample.Lines.ToList();
        lines[10] = "Jul 32";                 // line 11: the date
        lines[12 + (4 * 4)] = string.Empty;   // line 29: the 5th title is gone
        lines[12 + (9 * 4) + 2] = string.Empty; // line 51: the 10th abstract is gone

        var result = ReadText(string.Join("\n", lines));

        result.Papers.Select(p => p.Title).Should().Equal(Titles.Where((_, i) => i is not 4 and not 9));
        result.Papers.Should().OnlyContain(p => p.ListedOn == null);
        result.Problems.Select(p => (p.Code, p.Line, p.Severity)).Should().Equal(
            ("PM1013", 11, ProblemSeverity.Warning),
            ("PM1012", 31, ProblemSeverity.Error),
            ("PM1011", 49, ProblemSeverity.Error));
        result.Problems[1].Message.Should().Contain(Abstracts[4].Substring(0, 40));
        result.Problems[2].Message.Should().Contain(Titles[9]);
    }

    [Theory]
    [InlineData("Feb 30")]
    [InlineData("Jul 3O")]
    [InlineData("Sep 0")]
    [InlineData("Feb 29, 2023")]
    public void Dates_that_do_not_exist_are_reported(string date)
    {
        var result = ReadText(DailyPageSample.Text.Replace("Jul 30", date));

        result.Papers.Should().HaveCount(50).And.OnlyContain(p => p.ListedOn == null);
        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Code, problem.Line, problem.Column).Should().Be(("PM1013", 11, 1));
        problem.Message.Should().Contain(date);
    }

    [Fact]
    public void Feb_29_without_a_year_goes_back_to_the_last_leap_year()
    {
        var result = ReadText(DailyPageSample.Text.Replace("Jul 30", "Feb 29"), Options with { Year = null, ReferenceDate = Day(2027, 3, 1) });

        result.Problems.Should().BeEmpty();
        result.Papers.Should().OnlyContain(p => p.ListedOn == Day(2024, 2, 29));
    }

    [Fact]
    public void Empty_input_is_a_warning_not_an_error()
    {
        var result = ReadText(string.Empty);

        result.Papers.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.Should().Be(
            new ParseProblem("PM1010", "no paper found: the input has no title followed by an abstract.", "page.txt", 1, 1, ProblemSeverity.Warning));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_skipped_and_reported()
    {
        var result = ReadText(DailyPageSample.Text, Options with { MaxRecordLength = 1500 });

        // Abstracts 3 and 10 of the page (lines 23 and 59) are longer than 1,500 characters.
        var longLines = DailyPageSample.Lines.Select((l, i) => (l, i)).Where(x => x.l.Length > 1500).Select(x => x.i + 1).ToList();
        longLines.Should().NotBeEmpty();
        result.Problems.Where(p => p.Code == "PM1014").Select(p => p.Line).Should().Equal(longLines);
        result.Problems.Where(p => p.Code == "PM1011").Select(p => p.Line).Should().Equal(longLines.Select(l => l - 2));
        result.Papers.Should().HaveCount(50 - longLines.Count);
    }

    [Fact]
    public void Binary_input_is_reported_not_turned_into_papers()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);

        var result = PaperReadResult.From(PaperFormats.HuggingFaceDailyText.Read(new MemoryStream(bytes), Options));

        result.Papers.Should().BeEmpty();
        result.Problems.Should().NotBeEmpty().And.OnlyContain(p => p.Code.StartsWith("PM101") && p.Line >= 0);
    }

    [Fact]
    public void Text_that_is_not_utf8_keeps_the_paper_with_a_warning()
    {
        var latin1 = Encoding.Latin1.GetBytes(DailyPageSample.Text.Replace("ScaLearn: Simple", "ScaLéarn: Simple"));

        var result = PaperReadResult.From(PaperFormats.HuggingFaceDailyText.Read(new MemoryStream(latin1), Options));

        result.Papers.Should().HaveCount(50);
        result.Papers[0].Title.Should().StartWith("ScaL\uFFFDarn");
        result.Problems.Should().ContainSingle().Which.Code.Should().Be("PM1018");
    }

    [Fact]
    public void Utf16_with_byte_order_mark_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(DailyPageSample.Text)).ToArray();

        var result = PaperReadResult.From(PaperFormats.HuggingFaceDailyText.Read(new MemoryStream(bytes), Options));

        result.Problems.Should().BeEmpty();
        result.Papers.Select(p => p.Title).Should().Equal(Titles);
    }

    [Fact]
    public async Task Async_reading_gives_the_same_items_as_sync_reading()
    {
        var text = DailyPageVariants.RichPlainText() + "\nA dangling title";
        var expected = PaperFormats.HuggingFaceDailyText.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), Options).ToList();

        var actual = new List<PaperReadItem>();
        await foreach (var item in PaperFormats.HuggingFaceDailyText.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), Options))
        {
            actual.Add(item);
        }

        actual.Should().HaveCount(51);
        actual.Select(i => i.Paper).Should().Equal(expected.Select(i => i.Paper));
        actual.Select(i => i.Problem).Should().Equal(expected.Select(i => i.Problem));
    }

    [Fact]
    public void Reading_streams_the_input_instead_of_loading_it()
    {
        var page = Encoding.UTF8.GetBytes(DailyPageSample.Text);
        using var stream = new CountingStream(page);

        using var items = PaperFormats.HuggingFaceDailyText.Read(stream, Options).GetEnumerator();
        items.MoveNext().Should().BeTrue();

        items.Current.Paper!.Title.Should().Be(Titles[0]);
        stream.BytesRead.Should().BeLessThan(page.Length / 4, "the first paper needs only the start of the page");
    }

    [Fact]
    public void Cancellation_stops_the_enumeration()
    {
        using var cancellation = new CancellationTokenSource();
        var items = PaperFormats.HuggingFaceDailyText.Read(new StringReader(DailyPageSample.Text), Options, cancellation.Token);

        var read = 0;
        var act = () =>
        {
            foreach (var unused in items)
            {
                if (++read == 3)
                {
                    cancellation.Cancel();
                }
            }
        };

        act.Should().Throw<OperationCanceledException>();
        read.Should().Be(3);
    }

    /// <summary>A read-only, non-seekable stream that counts the bytes handed out.</summary>
    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }

        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, Math.Min(count, 4096));
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer[..Math.Min(buffer.Length, 4096)]);
            BytesRead += read;
            return read;
        }
    }
}
