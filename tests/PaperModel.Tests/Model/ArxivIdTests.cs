using System.Text.Json;
using PaperModel.Serialization;

namespace PaperModel.Tests.Model;

public sealed class ArxivIdTests
{
    [Theory]
    [InlineData("2310.12345", 2023, 10, 12345, null, "2310.12345")]
    [InlineData("2310.12345v2", 2023, 10, 12345, 2, "2310.12345v2")]
    [InlineData("0704.0001", 2007, 4, 1, null, "0704.0001")]
    [InlineData("1412.9999v12", 2014, 12, 9999, 12, "1412.9999v12")]
    [InlineData("1501.00001", 2015, 1, 1, null, "1501.00001")]
    [InlineData("2606.00683V3", 2026, 6, 683, 3, "2606.00683v3")]
    public void New_style_ids_parse_into_their_parts_and_format_back(string text, int year, int month, int number, int? version, string formatted)
    {
        var id = ArxivId.Parse(text);

        (id.Year, id.Month, id.Number, id.Version).Should().Be((year, month, number, version));
        id.IsOldStyle.Should().BeFalse();
        id.Archive.Should().BeNull();
        id.HasVersion.Should().Be(version is not null);
        id.ToString().Should().Be(formatted);
    }

    [Theory]
    [InlineData("hep-th/9901001v1", "hep-th", 1999, 1, 1, 1, "hep-th/9901001v1")]
    [InlineData("hep-th/9901001", "hep-th", 1999, 1, 1, null, "hep-th/9901001")]
    [InlineData("math.GT/0309136", "math", 2003, 9, 136, null, "math/0309136")]
    [InlineData("cond-mat/0703999v2", "cond-mat", 2007, 3, 999, 2, "cond-mat/0703999v2")]
    [InlineData("HEP-TH/9108001", "hep-th", 1991, 8, 1, null, "hep-th/9108001")]
    public void Old_style_ids_parse_into_archive_and_number(string text, string archive, int year, int month, int number, int? version, string formatted)
    {
        var id = ArxivId.Parse(text);

        id.IsOldStyle.Should().BeTrue();
        (id.Archive, id.Year, id.Month, id.Number, id.Version).Should().Be((archive, year, month, number, version));
        id.ToString().Should().Be(formatted);
    }

    [Theory]
    [InlineData("arXiv:2310.12345v2")]
    [InlineData("arxiv: 2310.12345v2")]
    [InlineData("  2310.12345v2\t")]
    [InlineData("https://arxiv.org/abs/2310.12345v2")]
    [InlineData("http://arxiv.org/abs/2310.12345v2?context=cs")]
    [InlineData("https://arxiv.org/pdf/2310.12345v2")]
    [InlineData("https://arxiv.org/pdf/2310.12345v2.pdf")]
    [InlineData("https://www.arxiv.org/html/2310.12345v2/")]
    [InlineData("arxiv.org/abs/2310.12345v2")]
    [InlineData("https://huggingface.co/papers/2310.12345v2#community")]
    public void Prefixes_and_urls_give_the_bare_id(string text)
    {
        ArxivId.Parse(text).Should().Be(ArxivId.Parse("2310.12345v2"));
        ArxivId.TryParse(text, out var id).Should().BeTrue();
        id.ToString().Should().Be("2310.12345v2");
    }

    [Fact]
    public void Old_style_urls_parse_too()
    {
        ArxivId.Parse("http://arxiv.org/abs/hep-th/9901001v3").ToString().Should().Be("hep-th/9901001v3");
        ArxivId.Parse("arXiv:math.GT/0309136").ToString().Should().Be("math/0309136");
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("arXiv:", "it is empty")]
    [InlineData("2310.1234", "five-digit number")]
    [InlineData("1412.12345", "four-digit number")]
    [InlineData("2310.123456", "five-digit number")]
    [InlineData("2313.12345", "month 13")]
    [InlineData("2300.12345", "month 00")]
    [InlineData("0703.0001", "start in April 2007")]
    [InlineData("2310.12345v0", "version")]
    [InlineData("2310.12345v", "five-digit number")]
    [InlineData("2310.12345v2x", "version")]
    [InlineData("2310.00000", "cannot be zero")]
    [InlineData("23a0.12345", "four digits")]
    [InlineData("12345", "YYMM.NNNNN")]
    [InlineData("hep-th/990100", "seven digits")]
    [InlineData("hep-th/0704001", "end in March 2007")]
    [InlineData("hep_th/9901001", "not an arXiv archive name")]
    [InlineData("/9901001", "starts with its archive")]
    [InlineData("math.G/0309136", "subject class is two letters")]
    [InlineData("hep-th/9913001", "month 13")]
    public void Invalid_ids_fail_with_a_message_that_says_why(string text, string reason)
    {
        ArxivId.TryParse(text, out var id).Should().BeFalse();
        id.Should().Be(default(ArxivId));
        ArxivId.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(reason);
        ArxivId.TryParse(text.AsSpan(), out _, out var spanError).Should().BeFalse();
        spanError.Should().Be(error);

        var act = () => ArxivId.Parse(text);
        act.Should().Throw<FormatException>()
            .Which.Message.Should().Be($"'{text}' is not an arXiv id: {error}");
    }

    [Fact]
    public void Null_is_rejected_by_parse_and_false_for_try_parse()
    {
        ArxivId.TryParse((string?)null, out _).Should().BeFalse();
        var act = () => ArxivId.Parse((string)null!);
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Equality_includes_the_version_and_same_work_ignores_it()
    {
        var bare = ArxivId.Parse("2310.12345");
        var v1 = ArxivId.Parse("2310.12345v1");
        var v2 = ArxivId.Parse("arXiv:2310.12345v2");

        (bare == v1).Should().BeFalse();
        (v1 != v2).Should().BeTrue();
        v1.Equals((object)ArxivId.Parse("2310.12345v1")).Should().BeTrue();
        v1.GetHashCode().Should().Be(ArxivId.Parse("https://arxiv.org/abs/2310.12345v1").GetHashCode());
        v1.IsSameWork(v2).Should().BeTrue();
        bare.IsSameWork(ArxivId.Parse("2310.12346")).Should().BeFalse();
        v2.WithoutVersion().Should().Be(bare);
        bare.WithVersion(2).Should().Be(v2);
        ArxivId.Parse("hep-th/9901001").IsSameWork(ArxivId.Parse("hep-ph/9901001")).Should().BeFalse();
        new HashSet<ArxivId> { bare, v1, v2, ArxivId.Parse("2310.12345v2") }.Should().HaveCount(3);
    }

    [Fact]
    public void Ordering_is_by_month_then_number_then_version()
    {
        var ids = new[] { "2311.00001", "2310.12345v2", "hep-th/9901001", "2310.12345", "0704.0001", "2310.12345v10", "2310.02000", "2310.12345v1" }
            .Select(ArxivId.Parse).ToList();

        ids.Order().Select(i => i.ToString()).Should().Equal(
            "hep-th/9901001", "0704.0001", "2310.02000", "2310.12345", "2310.12345v1", "2310.12345v2", "2310.12345v10", "2311.00001");
        (ArxivId.Parse("2310.12345v1") < ArxivId.Parse("2310.12345v2")).Should().BeTrue();
        (ArxivId.Parse("2311.00001") >= ArxivId.Parse("2310.99999")).Should().BeTrue();
        ((IComparable)ArxivId.Parse("0704.0001")).CompareTo(null).Should().BePositive();
    }

    [Fact]
    public void Urls_point_to_the_abstract_and_pdf_with_the_version_when_given()
    {
        ArxivId.Parse("2310.12345v2").AbsUrl.Should().Be(new Uri("https://arxiv.org/abs/2310.12345v2"));
        ArxivId.Parse("2310.12345").PdfUrl.Should().Be(new Uri("https://arxiv.org/pdf/2310.12345"));
        ArxivId.Parse("hep-th/9901001").AbsUrl.Should().Be(new Uri("https://arxiv.org/abs/hep-th/9901001"));
    }

    [Fact]
    public void The_default_value_is_the_first_new_style_id()
    {
        default(ArxivId).Should().Be(ArxivId.Parse("0704.0001"));
        default(ArxivId).ToString().Should().Be("0704.0001");
        (default(ArxivId).Year, default(ArxivId).Month, default(ArxivId).Number, default(ArxivId).Version).Should().Be((2007, 4, 1, (int?)null));
        default(ArxivId).WithVersion(3).Should().Be(ArxivId.Parse("0704.0001v3"));
        default(ArxivId).GetHashCode().Should().Be(ArxivId.Parse("0704.0001").GetHashCode());
        ArxivId.TryParse("0704.0001", out _, out var error).Should().BeTrue();
        error.Should().BeNull();

        var badVersion = () => ArxivId.Parse("0704.0001").WithVersion(0);
        badVersion.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Json_writes_and_reads_the_string_form()
    {
        var options = new JsonSerializerOptions { Converters = { new ArxivIdJsonConverter() } };

        JsonSerializer.Serialize(ArxivId.Parse("hep-th/9901001v1"), options).Should().Be("\"hep-th/9901001v1\"");
        JsonSerializer.Deserialize<ArxivId>("\"2310.12345v2\"", options).Should().Be(ArxivId.Parse("2310.12345v2"));
        var notAnId = () => JsonSerializer.Deserialize<ArxivId>("\"2310.1\"", options);
        notAnId.Should().Throw<JsonException>().WithMessage("'2310.1' is not an arXiv id: ids from 1501 on have a five-digit number*");
        var notAString = () => JsonSerializer.Deserialize<ArxivId>("2310", options);
        notAString.Should().Throw<JsonException>();
    }

    [Fact]
    public void Span_parsing_and_formatting_match_the_string_forms()
    {
        ArxivId.TryParse("arXiv:0704.0001v2".AsSpan(), out var id).Should().BeTrue();
        Span<char> buffer = stackalloc char[32];
        id.TryFormat(buffer, out var written, default, null).Should().BeTrue();
        buffer[..written].ToString().Should().Be("0704.0001v2");
        id.TryFormat(buffer[..5], out written, default, null).Should().BeFalse();
        written.Should().Be(0);
        $"{id}".Should().Be("0704.0001v2");
        $"{id:G}".Should().Be("0704.0001v2");
        id.ToString(null, null).Should().Be("0704.0001v2");
    }

    [Theory]
    [InlineData("2310.12345")]
    [InlineData("2310.12345v9999")]
    [InlineData("0704.0001")]
    [InlineData("1412.9999v12")]
    [InlineData("hep-th/9901001v1")]
    [InlineData("math/0309136")]
    public void Formatting_into_a_span_writes_exactly_the_string_form(string text)
    {
        var id = ArxivId.Parse(text);
        Span<char> buffer = stackalloc char[text.Length];
        id.TryFormat(buffer, out var written, "G", null).Should().BeTrue();
        buffer[..written].ToString().Should().Be(text);
        id.TryFormat(buffer[..^1], out _, default, null).Should().BeFalse();
        id.ToString().Should().Be(text);
    }

    [Fact]
    public void A_long_archive_name_formats_in_full()
    {
        var archive = new string('q', 60);
        ArxivId.Parse(archive + "/9901001v2").ToString().Should().Be(archive + "/9901001v2");
    }

    [Theory]
    [InlineData("D")]
    [InlineData("x")]
    [InlineData("GG")]
    public void An_unknown_format_string_is_rejected(string format)
    {
        var id = ArxivId.Parse("2310.12345");
        var toString = () => id.ToString(format, null);
        toString.Should().Throw<FormatException>().WithMessage($"'{format}' is not a format of ArxivId*");
        var interpolated = () => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:" + format + "}", id);
        interpolated.Should().Throw<FormatException>();
        var tryFormat = () => id.TryFormat(new char[32], out _, format, null);
        tryFormat.Should().Throw<FormatException>();
    }

    [Fact]
    public void Generic_span_parsing_goes_through_ISpanParsable()
    {
        ParseAny<ArxivId>("arXiv:2310.12345v2").Should().Be(ArxivId.Parse("2310.12345v2"));
        TryParseAny<ArxivId>("2310.1", out _).Should().BeFalse();
        TryParseAny<ArxivId>(" hep-th/9901001 ", out var old).Should().BeTrue();
        old.Should().Be(ArxivId.Parse("hep-th/9901001"));
    }

    private static T ParseAny<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), null);

    private static bool TryParseAny<T>(string text, out T value)
        where T : ISpanParsable<T> => T.TryParse(text.AsSpan(), null, out value!);
}
