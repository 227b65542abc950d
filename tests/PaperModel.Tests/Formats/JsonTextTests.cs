using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperModel.Formats;

namespace PaperModel.Tests.Formats;

public class JsonTextTests
{
    [Theory]
    [InlineData("\"  A fully differential\\ncalculation\\n  \"", "A fully differential calculation")]
    [InlineData("\"no\\u00a0break\\tand\\r\\nlines\"", "no break and lines")]
    [InlineData("\"Bal\\\\'azs \\u00e1 \\ud83d\\ude00 end\"", "Bal\\'azs á 😀 end")]
    [InlineData("\"   \"", "")]
    [InlineData("\"\"", "")]
    [InlineData("\"already normal\"", "already normal")]
    public void A_string_is_unescaped_and_whitespace_normalised_in_one_read(string json, string expected)
    {
        Read(json).Should().Be(expected);
    }

    [Fact]
    public void Random_strings_read_as_reading_then_normalising_would()
    {
        var random = new Random(20261201);
        char[] alphabet = ['a', 'Z', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u0085', 'é', '"', '\\', '€', '\u0001'];
        for (var i = 0; i < 500; i++)
        {
            // Short texts, and now and then one longer than the thread's kept buffer (a pooled one is rented).
            var length = i % 50 == 0 ? random.Next(16_000, 40_000) : random.Next(0, 700);
            var text = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var json = JsonSerializer.Serialize(text);

            Read(json).Should().Be(Reference(text), "for {0}", json);
            InputText.NormalizeWhitespace(text).Should().Be(Reference(text));
        }
    }

    [Fact]
    public void Random_strings_written_as_raw_UTF8_read_as_reading_then_normalising_would()
    {
        // Non-ASCII text as it stands in the arXiv files (not escaped), with every whitespace character beyond ASCII
        // and characters that share their first UTF-8 byte with one (U+2019, U+2013, U+00E9).
        var random = new Random(20261202);
        char[] alphabet = ['a', ' ', ' ', '\n', '\u00a0', '\u0085', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\u2019', '\u2013', '\u00e9', '\u00c2', '"', '\\', '\u001c'];
        var raw = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (var i = 0; i < 500; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var json = JsonSerializer.Serialize(text, raw);

            Read(json).Should().Be(Reference(text), "for {0}", json);
            ReadList(json).Should().Equal(Reference(text).Split(' ', StringSplitOptions.RemoveEmptyEntries), "for {0}", json);
        }
    }

    [Theory]
    [InlineData(new byte[] { (byte)'"', (byte)'a', 0xFF, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xE2, (byte)' ', 0x80, 0x80, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xC3, (byte)' ', (byte)' ', (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', (byte)' ', 0x80, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' })]
    public void Bytes_that_are_not_UTF8_fail_as_reading_them_does(byte[] json)
    {
        FluentActions.Invoking(() => GetString(json)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => ReadNormalized(json)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => ReadList(json)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => Check(json)).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"x \\udc00 y\"")]
    [InlineData("\"\\ud83d\\u0041\"")]
    [InlineData("\"\\ud83d\\ud83d\"")]
    [InlineData("\"end \\ud83d\"")]
    public void A_lone_surrogate_escape_fails_as_reading_it_does(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        FluentActions.Invoking(() => GetString(utf8)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => ReadNormalized(utf8)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => Check(utf8)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Repeated_list_items_are_one_string()
    {
        var first = ReadList("\"cs.LG  stat.ML\"");
        var second = ReadList("\"stat.ML\\tcs.LG\"");

        first.Should().Equal("cs.LG", "stat.ML");
        second.Should().Equal("stat.ML", "cs.LG");
        second[0].Should().BeSameAs(first[1]);
        second[1].Should().BeSameAs(first[0]);
    }

    private static string GetString(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return reader.GetString()!;
    }

    private static string ReadNormalized(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return JsonText.ReadNormalized(ref reader);
    }

    private static string[] ReadList(string json) => ReadList(Encoding.UTF8.GetBytes(json));

    private static string[] ReadList(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return JsonText.ReadList(ref reader);
    }

    private static void Check(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        JsonText.Check(ref reader);
    }

    private static string Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonText.ReadNormalized(ref reader);
    }

    // Paper's rule written plainly: runs of whitespace become one space, the ends are trimmed.
    private static string Reference(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
