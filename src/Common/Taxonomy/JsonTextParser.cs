// Longer than most files on purpose: one tokenizer and one recursive-descent parser that share the position
// bookkeeping (line, column, offset and length of every token), read best in one place; split, they would pass the
// position state between files.
using System.Globalization;
using System.Text;

namespace PaperModel.Common.Taxonomy;

/// <summary>A JSON syntax error: what is wrong and where.</summary>
internal sealed record JsonSyntaxError(string Message, TextPosition Position);

/// <summary>
/// A small JSON parser (RFC 8259, plus <c>//</c> and <c>/* */</c> comments) that records the line, column, offset and
/// length of every token. It has no dependencies, so it runs inside the compiler as well as at run time.
/// Line breaks are <c>\n</c>, <c>\r\n</c> and <c>\r</c>; columns count UTF-16 code units from 1.
/// </summary>
internal sealed class JsonTextParser
{
    /// <summary>How deeply objects and arrays may nest (a guard against stack exhaustion).</summary>
    public const int MaxNesting = 64;

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private readonly StringBuilder _buffer = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private JsonTextParser(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;

        // A byte order mark that survived decoding is not part of the document.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    /// <summary>Parses a whole document: exactly one value, surrounded only by white space and comments.</summary>
    /// <returns>The root value, or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static JsonNode? Parse(string text, out JsonSyntaxError? error, CancellationToken cancellationToken = default)
    {
        var parser = new JsonTextParser(text, cancellationToken);
        try
        {
            parser.SkipTrivia();
            if (parser._pos >= text.Length)
            {
                throw parser.Error("the file is empty; expected a JSON object", 0);
            }

            var root = parser.ParseValue(0);
            parser.SkipTrivia();
            if (parser._pos < text.Length)
            {
                throw parser.Error($"unexpected {parser.DescribeCurrent()} after the end of the document", 1);
            }

            error = null;
            return root;
        }
        catch (SyntaxException ex)
        {
            error = ex.Error;
            return null;
        }
    }

    private JsonNode ParseValue(int nesting)
    {
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of file; expected a value", 0);
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject(nesting + 1);
            case '[':
                return ParseArray(nesting + 1);
            case '"':
                var start = Here(0);
                var value = ParseString();
                return JsonNode.CreateString(start with { Length = _pos - start.Offset }, value);
            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw Error($"unexpected {DescribeCurrent()}; expected a value", 1);
        }
    }

    private JsonNode ParseObject(int nesting)
    {
        var open = OpenContainer(nesting, "object");
        var properties = new List<JsonProperty>();
        SkipTrivia();
        if (TryConsume('}'))
        {
            return JsonNode.CreateObject(open, properties);
        }

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_pos >= _text.Length)
            {
                throw Error("unexpected end of file; the object has no closing '}'", 0);
            }

            if (_text[_pos] != '"')
            {
                throw Error($"unexpected {DescribeCurrent()}; expected a property name in double quotes", 1);
            }

            var nameStart = Here(0);
            var name = ParseString();
            var namePosition = nameStart with { Length = _pos - nameStart.Offset };
            SkipTrivia();
            if (!TryConsume(':'))
            {
                throw Error($"unexpected {DescribeCurrent()}; expected ':' after the property name \"{name}\"", 1);
            }

            SkipTrivia();
            properties.Add(new JsonProperty(name, namePosition, ParseValue(nesting)));
            SkipTrivia();
            if (TryConsumeComma('}'))
            {
                continue;
            }

            if (TryConsume('}'))
            {
                return JsonNode.CreateObject(open, properties);
            }

            throw Error($"unexpected {DescribeCurrent()}; expected ',' or '}}' in the object", 1);
        }
    }

    private JsonNode ParseArray(int nesting)
    {
        var open = OpenContainer(nesting, "array");
        var items = new List<JsonNode>();
        SkipTrivia();
        if (TryConsume(']'))
        {
            return JsonNode.CreateArray(open, items);
        }

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            items.Add(ParseValue(nesting));
            SkipTrivia();
            if (TryConsumeComma(']'))
            {
                continue;
            }

            if (TryConsume(']'))
            {
                return JsonNode.CreateArray(open, items);
            }

            if (_pos >= _text.Length)
            {
                throw Error("unexpected end of file; the array has no closing ']'", 0);
            }

            throw Error($"unexpected {DescribeCurrent()}; expected ',' or ']' in the array", 1);
        }
    }

    private TextPosition OpenContainer(int nesting, string what)
    {
        var open = Here(1);
        if (nesting > MaxNesting)
        {
            throw new SyntaxException(new JsonSyntaxError($"the {what} is nested more than {MaxNesting} levels deep", open));
        }

        _pos++;
        return open;
    }

    private string ParseString()
    {
        var start = Here(1);
        _pos++; // opening quote
        _buffer.Clear();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new SyntaxException(new JsonSyntaxError("unterminated string", start));
            }

            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return _buffer.ToString();
            }

            if (c == '\\')
            {
                ParseEscape();
                continue;
            }

            if (c < ' ')
            {
                throw c is '\n' or '\r'
                    ? new SyntaxException(new JsonSyntaxError("unterminated string (a string cannot span lines)", start))
                    : Error(string.Format(CultureInfo.InvariantCulture, "control character U+{0:X4} in a string; escape it", (int)c), 1);
            }

            _buffer.Append(c);
            _pos++;
        }
    }

    private void ParseEscape()
    {
        var escapeStart = Here(2);
        if (_pos + 1 >= _text.Length)
        {
            throw new SyntaxException(new JsonSyntaxError("unterminated string", escapeStart));
        }

        var c = _text[_pos + 1];
        _pos += 2;
        var simple = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => (char?)null,
        };
        if (simple is not null)
        {
            _buffer.Append(simple.Value);
            return;
        }

        if (c != 'u')
        {
            throw new SyntaxException(new JsonSyntaxError($"invalid escape sequence '\\{c}'", escapeStart));
        }

        if (_pos + 4 > _text.Length
            || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw new SyntaxException(new JsonSyntaxError("'\\u' must be followed by four hexadecimal digits", escapeStart));
        }

        _buffer.Append((char)code);
        _pos += 4;
    }

    private JsonNode ParseNumber()
    {
        var start = _pos;
        var position = Here(0);
        if (_text[_pos] == '-')
        {
            _pos++;
        }

        if (_pos < _text.Length && _text[_pos] == '0')
        {
            _pos++;
        }
        else if (!SkipDigits())
        {
            throw Error("invalid number: expected a digit", 1);
        }

        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            if (!SkipDigits())
            {
                throw Error("invalid number: expected a digit after '.'", 1);
            }
        }

        if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            _pos++;
            if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
            {
                _pos++;
            }

            if (!SkipDigits())
            {
                throw Error("invalid number: expected a digit in the exponent", 1);
            }
        }

        if (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            throw Error($"invalid number: unexpected {DescribeCurrent()}", 1);
        }

        var raw = _text.Substring(start, _pos - start);
        var value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return JsonNode.CreateNumber(position with { Length = raw.Length }, value);
    }

    private bool SkipDigits()
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
        {
            _pos++;
        }

        return _pos > start;
    }

    private JsonNode ParseLiteral(string literal, JsonKind kind)
    {
        var position = Here(literal.Length);
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0
            || (_pos + literal.Length < _text.Length && char.IsLetterOrDigit(_text[_pos + literal.Length])))
        {
            throw Error($"unexpected {DescribeCurrent()}; expected a value (strings need double quotes)", WordLength());
        }

        _pos += literal.Length;
        return JsonNode.CreateLiteral(kind, position);
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t')
            {
                _pos++;
            }
            else if (c is '\n' or '\r')
            {
                NewLine();
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (_pos < _text.Length && _text[_pos] is not '\n' and not '\r')
                {
                    _pos++;
                }
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var start = Here(2);
                _pos += 2;
                while (true)
                {
                    if (_pos >= _text.Length)
                    {
                        throw new SyntaxException(new JsonSyntaxError("unterminated comment", start));
                    }

                    if (_text[_pos] == '*' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                    {
                        _pos += 2;
                        break;
                    }

                    if (_text[_pos] is '\n' or '\r')
                    {
                        NewLine();
                    }
                    else
                    {
                        _pos++;
                    }
                }
            }
            else
            {
                return;
            }
        }
    }

    private void NewLine()
    {
        if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
        {
            _pos++;
        }

        _pos++;
        _line++;
        _lineStart = _pos;
    }

    /// <summary>Consumes a comma and the trivia after it; a comma right before <paramref name="close"/> is an error at the comma.</summary>
    private bool TryConsumeComma(char close)
    {
        var comma = Here(1);
        if (!TryConsume(','))
        {
            return false;
        }

        SkipTrivia();
        if (_pos < _text.Length && _text[_pos] == close)
        {
            throw new SyntaxException(new JsonSyntaxError($"trailing comma before '{close}'", comma));
        }

        return true;
    }

    private bool TryConsume(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private TextPosition Here(int length) =>
        new(_line, _pos - _lineStart + 1, _pos, Math.Min(length, _text.Length - _pos));

    private int WordLength()
    {
        var end = _pos;
        while (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] == '_'))
        {
            end++;
        }

        return Math.Max(1, end - _pos);
    }

    private string DescribeCurrent()
    {
        if (_pos >= _text.Length)
        {
            return "end of file";
        }

        var c = _text[_pos];
        if (char.IsLetter(c))
        {
            return $"'{_text.Substring(_pos, WordLength())}'";
        }

        if (c == '\'')
        {
            return "single quote (JSON strings need double quotes)";
        }

        return c < ' '
            ? string.Format(CultureInfo.InvariantCulture, "character U+{0:X4}", (int)c)
            : $"'{c}'";
    }

    private SyntaxException Error(string message, int length) => new(new JsonSyntaxError(message, Here(length)));

    private sealed class SyntaxException(JsonSyntaxError error) : Exception(error.Message)
    {
        public JsonSyntaxError Error { get; } = error;
    }
}
