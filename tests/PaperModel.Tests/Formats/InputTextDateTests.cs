using System.Globalization;
using PaperModel.Formats;

namespace PaperModel.Tests.Formats;

public class InputTextDateTests
{
    private static readonly string[] Formats = ["ddd, d MMM yyyy HH:mm:ss 'GMT'", "r", "d MMM yyyy HH:mm:ss 'GMT'"];

    [Theory]
    [InlineData("Mon, 2 Apr 2007 19:18:42 GMT")]
    [InlineData("Tue, 24 Jul 2007 20:10:27 GMT")]
    [InlineData("Tue, 02 Apr 2007 19:18:42 GMT")]
    [InlineData("2 Apr 2007 19:18:42 GMT")]
    [InlineData("mon, 2 apr 2007 19:18:42 GMT")]
    [InlineData("  Mon, 2 Apr 2007 19:18:42 GMT ")]
    [InlineData("Mon, 2 Apr 2007 19:18:42")]
    [InlineData("Mon, 31 Apr 2007 19:18:42 GMT")]
    [InlineData("Thu, 29 Feb 2024 00:00:00 GMT")]
    [InlineData("Fri, 29 Feb 2023 00:00:00 GMT")]
    [InlineData("Mon, 2 Apr 2007 24:00:00 GMT")]
    [InlineData("Mon, 2 Apr 2007 23:60:00 GMT")]
    [InlineData("Mon, 2 Apr 207 19:18:42 GMT")]
    [InlineData("Mon, 123 Apr 2007 19:18:42 GMT")]
    [InlineData("Mon,  2 Apr 2007 19:18:42 GMT")]
    [InlineData("Xyz, 2 Apr 2007 19:18:42 GMT")]
    [InlineData("2007-04-02")]
    [InlineData("")]
    public void The_version_date_parses_as_the_framework_parses_its_formats(string text)
    {
        var expected = Framework(text, out var expectedValue);

        InputText.TryParseRfc1123Date(text, out var value).Should().Be(expected);
        value.Should().Be(expectedValue);
        value.Offset.Should().Be(expectedValue.Offset);
    }

    [Fact]
    public void Random_dates_in_the_written_form_parse_as_the_framework_parses_them()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 2_000; i++)
        {
            var date = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.NextDouble() * 40 * 365 * 86400);
            var day = random.Next(3) == 0 ? date.Day.ToString("00", CultureInfo.InvariantCulture) : date.Day.ToString(CultureInfo.InvariantCulture);
            // A wrong day name now and then: the framework rejects it, so must this reader.
            var dayName = random.Next(10) == 0 ? date.AddDays(1).ToString("ddd", CultureInfo.InvariantCulture) : date.ToString("ddd", CultureInfo.InvariantCulture);
            var text = string.Create(CultureInfo.InvariantCulture, $"{dayName}, {day} {date:MMM yyyy HH:mm:ss} GMT");

            InputText.TryParseRfc1123Date(text, out var value).Should().Be(Framework(text, out var expected), text);
            value.Should().Be(expected, text);
        }
    }

    private static bool Framework(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
