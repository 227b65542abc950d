using System.Text;

namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>
/// Deterministic mutations of seed inputs: the same seed number always gives the same bytes, on every machine and
/// .NET version (<see cref="Random"/> with a seed is stable), so a failing case is reproduced from its number alone.
/// </summary>
/// <param name="structuralTokens">Tokens of the target's syntax (<c>{</c>, <c>&lt;entry&gt;</c>, a date line...) that insertions use.</param>
internal sealed class Mutator(IReadOnlyList<string> structuralTokens)
{
    /// <summary>The kinds of mutation, one of which (or a few stacked) makes each case.</summary>
    public enum Kind
    {
        BitFlip,
        InterestingByte,
        Truncate,
        InsertToken,
        DeleteRange,
        DuplicateRange,
        InvalidUtf8,
        ByteOrderMark,
        Nul,
        HugeField,
        DeepNesting,
        OddUnicode,
        Splice,
        LineEndings,
        Reencode,
    }

    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x26, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xED, 0xEF, 0xF4, 0xF5, 0xFE, 0xFF];

    private static readonly byte[][] InvalidUtf8Sequences =
    [
        [0x80], // lone continuation byte
        [0xBF, 0xBF],
        [0xC3], // lead byte without its continuation
        [0xE2, 0x82], // cut three-byte sequence
        [0xF0, 0x9F, 0x98], // cut four-byte sequence
        [0xC0, 0xAF], // overlong '/'
        [0xE0, 0x80, 0xAF], // overlong
        [0xED, 0xA0, 0x80], // UTF-8 encoded surrogate U+D800
        [0xED, 0xBF, 0xBF], // U+DFFF
        [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
        [0xF8, 0x88, 0x80, 0x80, 0x80], // five-byte form
        [0xFE],
        [0xFF, 0xFE],
    ];

    private static readonly byte[][] ByteOrderMarks =
    [
        [0xEF, 0xBB, 0xBF], // UTF-8
        [0xFF, 0xFE], // UTF-16 LE
        [0xFE, 0xFF], // UTF-16 BE
        [0xFF, 0xFE, 0x00, 0x00], // UTF-32 LE
        [0x00, 0x00, 0xFE, 0xFF], // UTF-32 BE
        [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], // two UTF-8 marks
    ];

    private static readonly string[] OddUnicode =
    [
        "\uFEFF", "\u2028", "\u2029", "\u0085", "\u200B", "\u200D", "\u00A0", "\u3000", "\u202E", "\u0301\u0301\u0301",
        "\uFFFD", "\uFFFF", "\uFFFE", "\U0001F600", "\U0010FFFF", "\uD835\uDC00", "ﬁ", "İ", "ß", "Σ", "\u0130\u0131",
        "１２３", "\u0660\u0661", "\t", "\v", "\f", "\u001B[31m", "\\ud800", "\\udc00\\ud800", "\\u0000", "\\uDBFF\\uDFFF", "\\", "\\\"",
        "&#0;", "&#xD800;", "&#x10FFFF;", "&lt;", "&bogus;", "\r", "\r\r\n", "\n\n\n",
    ];

    private static readonly Kind[] Kinds = Enum.GetValues<Kind>();

    private readonly IReadOnlyList<string> _tokens = structuralTokens;

    /// <summary>The largest field a <see cref="Kind.HugeField"/> mutation inserts.</summary>
    public int MaxHugeField { get; init; } = 512 * 1024;

    /// <summary>Makes the input of one case: one to four mutations of a seed, or (one case in sixteen) random bytes.</summary>
    /// <param name="seeds">The seed inputs.</param>
    /// <param name="caseNumber">The case; the same number gives the same input.</param>
    /// <param name="description">What was done, for reports.</param>
    public byte[] Create(IReadOnlyList<byte[]> seeds, long caseNumber, out string description)
    {
        var random = new Random(unchecked((int)(caseNumber * 2654435761L) ^ (int)(caseNumber >> 32)));
        if (random.Next(16) == 0)
        {
            return RandomInput(random, out description);
        }

        var seedIndex = random.Next(seeds.Count);
        var data = new List<byte>(seeds[seedIndex]);
        var steps = new List<string> { $"seed {seedIndex}" };
        var count = 1 + random.Next(random.Next(2) == 0 ? 1 : 4);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            steps.Add(Apply(kind, data, seeds, random));
        }

        description = string.Join(", ", steps);
        return [.. data];
    }

    private byte[] RandomInput(Random random, out string description)
    {
        var length = random.Next(4096);
        switch (random.Next(3))
        {
            case 0:
                var bytes = new byte[length];
                random.NextBytes(bytes);
                description = $"random bytes ({length})";
                return bytes;
            case 1:
                var text = new StringBuilder(length);
                for (var i = 0; i < length; i++)
                {
                    text.Append((char)random.Next(0x20, 0x7F));
                }

                description = $"random printable ASCII ({length})";
                return Encoding.UTF8.GetBytes(text.ToString());
            default:
                var soup = new StringBuilder();
                while (soup.Length < length)
                {
                    soup.Append(random.Next(4) == 0 ? OddUnicode[random.Next(OddUnicode.Length)] : _tokens[random.Next(_tokens.Count)]);
                }

                description = $"random token soup ({soup.Length} chars)";
                return Encoding.UTF8.GetBytes(soup.ToString());
        }
    }

    private string Apply(Kind kind, List<byte> data, IReadOnlyList<byte[]> seeds, Random random)
    {
        var at = random.Next(data.Count + 1);
        switch (kind)
        {
            case Kind.BitFlip:
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips && data.Count > 0; i++)
                {
                    data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                }

                return $"{flips} bit flips";
            case Kind.InterestingByte:
                if (data.Count > 0)
                {
                    at = random.Next(data.Count);
                    data[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                }

                return $"byte 0x{(data.Count > 0 ? data[at] : 0):X2} at {at}";
            case Kind.Truncate:
                data.RemoveRange(at, data.Count - at);
                return $"truncated at {at}";
            case Kind.InsertToken:
                var token = _tokens[random.Next(_tokens.Count)];
                data.InsertRange(at, Encoding.UTF8.GetBytes(token));
                return $"token {Quote(token)} at {at}";
            case Kind.DeleteRange:
                var deleted = Math.Min(data.Count - at, 1 + random.Next(random.Next(2) == 0 ? 16 : 2048));
                data.RemoveRange(at, deleted);
                return $"deleted {deleted} at {at}";
            case Kind.DuplicateRange:
                if (data.Count == 0)
                {
                    return "nothing to duplicate";
                }

                var from = random.Next(data.Count);
                var length = Math.Min(data.Count - from, 1 + random.Next(4096));
                var copy = data.GetRange(from, length);
                var times = random.Next(8) == 0 ? 2 + random.Next(30) : 1;
                for (var i = 0; i < times; i++)
                {
                    data.InsertRange(at, copy);
                }

                return $"duplicated {length} from {from} at {at} x{times}";
            case Kind.InvalidUtf8:
                var sequence = InvalidUtf8Sequences[random.Next(InvalidUtf8Sequences.Length)];
                data.InsertRange(InsideString(data, random, at), sequence);
                return $"invalid UTF-8 {Convert.ToHexString(sequence)}";
            case Kind.ByteOrderMark:
                var mark = ByteOrderMarks[random.Next(ByteOrderMarks.Length)];
                var where = random.Next(4) == 0 ? at : 0;
                data.InsertRange(where, mark);
                return $"byte order mark {Convert.ToHexString(mark)} at {where}";
            case Kind.Nul:
                var nuls = 1 + random.Next(random.Next(2) == 0 ? 1 : 64);
                data.InsertRange(at, new byte[nuls]);
                return $"{nuls} NUL at {at}";
            case Kind.HugeField:
                var size = 1024 + random.Next(MaxHugeField);
                var unit = random.Next(3) switch
                {
                    0 => "a",
                    1 => "lora adapters ",
                    _ => _tokens[random.Next(_tokens.Count)],
                };
                var field = new StringBuilder(size + unit.Length);
                while (field.Length < size)
                {
                    field.Append(unit);
                }

                data.InsertRange(InsideString(data, random, at), Encoding.UTF8.GetBytes(field.ToString()));
                return $"huge field of {field.Length} chars ({Quote(unit)}) at {at}";
            case Kind.DeepNesting:
                var depth = 8 + random.Next(random.Next(2) == 0 ? 100 : 5000);
                var (open, close) = random.Next(4) switch
                {
                    0 => ("{\"a\":", "}"),
                    1 => ("<a>", "</a>"),
                    2 => ("[", "]"),
                    _ => ("> ", string.Empty),
                };
                var nested = new StringBuilder();
                for (var i = 0; i < depth; i++)
                {
                    nested.Append(open);
                }

                nested.Append(open[0] == '{' ? "1" : string.Empty);
                if (random.Next(3) > 0)
                {
                    for (var i = 0; i < depth; i++)
                    {
                        nested.Append(close);
                    }
                }

                data.InsertRange(at, Encoding.UTF8.GetBytes(nested.ToString()));
                return $"nesting {Quote(open)} x{depth} at {at}";
            case Kind.OddUnicode:
                var odd = OddUnicode[random.Next(OddUnicode.Length)];
                data.InsertRange(InsideString(data, random, at), Encoding.UTF8.GetBytes(odd));
                return $"odd Unicode {Quote(odd)}";
            case Kind.Splice:
                var other = seeds[random.Next(seeds.Count)];
                var otherFrom = random.Next(other.Length + 1);
                var otherLength = random.Next(other.Length - otherFrom + 1);
                data.InsertRange(at, other.AsSpan(otherFrom, otherLength).ToArray());
                return $"spliced {otherLength} bytes of another seed at {at}";
            case Kind.LineEndings:
                var ending = random.Next(2) == 0 ? "\r\n"u8.ToArray() : "\r"u8.ToArray();
                var converted = new List<byte>(data.Count + 1024);
                foreach (var b in data)
                {
                    if (b == (byte)'\n')
                    {
                        converted.AddRange(ending);
                    }
                    else
                    {
                        converted.Add(b);
                    }
                }

                data.Clear();
                data.AddRange(converted);
                return ending.Length == 2 ? "CRLF line breaks" : "CR line breaks";
            default:
                var encoding = random.Next(4) switch
                {
                    0 => (Encoding)new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
                    1 => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
                    2 => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
                    _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
                };
                var text = new UTF8Encoding(false, false).GetString([.. data]);
                data.Clear();
                data.AddRange(encoding.GetPreamble());
                data.AddRange(encoding.GetBytes(text));
                return $"re-encoded as {encoding.WebName} with byte order mark";
        }
    }

    // Mostly a position just after a '"' or '>' (inside a JSON string or an XML text), else the given one.
    private static int InsideString(List<byte> data, Random random, int at)
    {
        if (random.Next(3) == 0 || data.Count == 0)
        {
            return at;
        }

        for (var i = at; i < data.Count; i++)
        {
            if (data[i] is (byte)'"' or (byte)'>')
            {
                return i + 1;
            }
        }

        return at;
    }

    private static string Quote(string text) =>
        "'" + (text.Length > 24 ? text.Substring(0, 24) + "…" : text).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "'";
}
