using System.Text;
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
