using System.Text;

namespace PaperModel.Formats;

/// <summary>
/// Finds, in HTML read forward chunk by chunk, the start tags that carry a <c>data-target</c> of interest and a
/// <c>data-props</c> attribute: the way the Hugging Face pages embed their data (server-rendered Svelte components,
/// <c>&lt;div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{&amp;quot;…"&gt;</c>). A small
/// tokenizer of the HTML syntax, enough to know tags, attributes (quoted either way or not), comments and the raw text
/// of <c>script</c> and <c>style</c>; it keeps only the two attributes' values, and <c>data-props</c> only up to a
/// limit. Lines and columns are counted as it goes. Not thread-safe.
/// </summary>
internal sealed class EmbeddedPropsScanner(string[] targets, int maxPropsBytes)
{
    private const int MaxNameBytes = 64;

    private readonly List<byte> _name = [];
    private readonly List<byte> _value = [];
    private readonly List<byte> _tagName = [];
    private State _state;
    private byte _quote;
    private Attribute _attribute;
    private string? _target;
    private byte[]? _props;
    private bool _propsTooLong;
    private bool _isEndTag;
    private int _rawTextMatch;
    private string? _rawTextEnd;
    private long _line = 1;
    private long _column = 1;
    private long _valueLine;
    private long _valueColumn;
    private long _propsLine;
    private long _propsColumn;

    private enum State
    {
        Text,
        TagOpen,
        TagName,
        BeforeAttribute,
        AttributeName,
        AfterAttributeName,
        BeforeValue,
        QuotedValue,
        UnquotedValue,
        Markup,
        Comment,
        RawText,
    }

    private enum Attribute
    {
        Other,
        Target,
        Props,
    }

    /// <summary>
    /// Scans bytes until a start tag of interest ends. True with the element found (its props may be too long, then
    /// <see cref="EmbeddedProps.Utf8"/> is null); <paramref name="consumed"/> says how many bytes were scanned.
    /// </summary>
    public bool TryScan(ReadOnlySpan<byte> data, out int consumed, out EmbeddedProps found)
    {
        found = default;
        for (consumed = 0; consumed < data.Length;)
        {
            var b = data[consumed++];
            if (Step(b) is { } element)
            {
                found = element;
                Advance(b);
                return true;
            }

            Advance(b);
        }

        return false;
    }

    private void Advance(byte b)
    {
        if (b == (byte)'\n')
        {
            _line++;
            _column = 1;
        }
        else if ((b & 0xC0) != 0x80)
        {
            _column++;
        }
    }

    // One byte of the tokenizer; an element of interest when the byte ends its start tag.
    private EmbeddedProps? Step(byte b)
    {
        switch (_state)
        {
            case State.Text:
                if (b == (byte)'<')
                {
                    _state = State.TagOpen;
                }

                return null;
            case State.TagOpen:
                _isEndTag = b == (byte)'/';
                _tagName.Clear();
                _target = null;
                _props = null;
                _propsTooLong = false;
                if (b == (byte)'!')
                {
                    _state = State.Markup;
                    _rawTextMatch = 0;
                }
                else if (_isEndTag || IsLetter(b))
                {
                    _state = State.TagName;
                    Keep(_tagName, b, _isEndTag ? 0 : MaxNameBytes);
                }
                else
                {
                    _state = b == (byte)'<' ? State.TagOpen : State.Text;
                }

                return null;
            case State.Markup:
                // "<!--" opens a comment; any other "<!…>" (DOCTYPE, CDATA) ends at '>'.
                if (_rawTextMatch < 2 && b == (byte)'-')
                {
                    if (++_rawTextMatch == 2)
                    {
                        _state = State.Comment;
                        _rawTextMatch = 0;
                    }
                }
                else if (b == (byte)'>')
                {
                    _state = State.Text;
                }
                else
                {
                    _rawTextMatch = 3;
                }

                return null;
            case State.Comment:
                _rawTextMatch = b == (byte)'-' ? Math.Min(_rawTextMatch + 1, 2) : b == (byte)'>' && _rawTextMatch == 2 ? 3 : 0;
                if (_rawTextMatch == 3)
                {
                    _state = State.Text;
                }

                return null;
            case State.RawText:
                return RawText(b);
            case State.TagName:
                if (IsSpace(b) || b == (byte)'/')
                {
                    _state = State.BeforeAttribute;
                    return null;
                }

                if (b == (byte)'>')
                {
                    return EndOfTag();
                }

                Keep(_tagName, b, _isEndTag ? 0 : MaxNameBytes);
                return null;
            case State.BeforeAttribute:
                if (IsSpace(b) || b == (byte)'/')
                {
                    return null;
                }

                if (b == (byte)'>')
                {
                    return EndOfTag();
                }

                _name.Clear();
                Keep(_name, b, MaxNameBytes);
                _state = State.AttributeName;
                return null;
            case State.AttributeName:
                if (b == (byte)'=')
                {
                    StartValue();
                    return null;
                }

                if (IsSpace(b) || b == (byte)'/' || b == (byte)'>')
                {
                    _state = State.AfterAttributeName;
                    return b == (byte)'>' ? EndOfTag() : null;
                }

                Keep(_name, b, MaxNameBytes);
                return null;
            case State.AfterAttributeName:
                if (b == (byte)'=')
                {
                    StartValue();
                }
                else if (b == (byte)'>')
                {
                    return EndOfTag();
                }
                else if (!IsSpace(b) && b != (byte)'/')
                {
                    _name.Clear();
                    Keep(_name, b, MaxNameBytes);
                    _state = State.AttributeName;
                }

                return null;
            case State.BeforeValue:
                if (IsSpace(b))
                {
                    return null;
                }

                if (b == (byte)'>')
                {
                    return EndOfTag();
                }

                _valueLine = _line;
                _valueColumn = _column + (b is (byte)'"' or (byte)'\'' ? 1 : 0);
                if (b is (byte)'"' or (byte)'\'')
                {
                    _quote = b;
                    _state = State.QuotedValue;
                }
                else
                {
                    _state = State.UnquotedValue;
                    KeepValue(b);
                }

                return null;
            case State.QuotedValue:
                if (b == _quote)
                {
                    EndValue();
                    _state = State.BeforeAttribute;
                }
                else
                {
                    KeepValue(b);
                }

                return null;
            default:
                if (IsSpace(b) || b == (byte)'>')
                {
                    EndValue();
                    _state = State.BeforeAttribute;
                    return b == (byte)'>' ? EndOfTag() : null;
                }

                KeepValue(b);
                return null;
        }
    }

    // The text of <script> and <style> is not markup: it ends only at "</script" or "</style".
    private EmbeddedProps? RawText(byte b)
    {
        var end = _rawTextEnd!;
        _rawTextMatch = _rawTextMatch < end.Length && ToLower(b) == end[_rawTextMatch] ? _rawTextMatch + 1 : b == (byte)'<' ? 1 : 0;
        if (_rawTextMatch == end.Length)
        {
            _isEndTag = true;
            _tagName.Clear();
            _state = State.TagName;
        }

        return null;
    }

    private void StartValue()
    {
        var name = Encoding.ASCII.GetString([.. _name]).ToLowerInvariant();
        _attribute = _isEndTag ? Attribute.Other : name == "data-target" ? Attribute.Target : name == "data-props" ? Attribute.Props : Attribute.Other;
        _value.Clear();
        _state = State.BeforeValue;
    }

    private void KeepValue(byte b)
    {
        switch (_attribute)
        {
            case Attribute.Target:
                Keep(_value, b, MaxNameBytes);
                break;
            case Attribute.Props when _value.Count < maxPropsBytes:
                _value.Add(b);
                break;
            case Attribute.Props:
                _propsTooLong = true;
                break;
        }
    }

    private void EndValue()
    {
        if (_attribute == Attribute.Target)
        {
            _target = Encoding.UTF8.GetString([.. _value]);
        }
        else if (_attribute == Attribute.Props)
        {
            _props = _propsTooLong ? [] : [.. _value];
            (_propsLine, _propsColumn) = (_valueLine, _valueColumn);
        }

        _value.Clear();
        _attribute = Attribute.Other;
    }

    private EmbeddedProps? EndOfTag()
    {
        _state = State.Text;
        if (_isEndTag)
        {
            return null;
        }

        var tag = Encoding.ASCII.GetString([.. _tagName]).ToLowerInvariant();
        if (tag is "script" or "style")
        {
            _rawTextEnd = "</" + tag;
            _rawTextMatch = 0;
            _state = State.RawText;
        }

        if (_target is null || _props is null || Array.IndexOf(targets, _target) < 0)
        {
            return null;
        }

        var found = new EmbeddedProps(_target, _propsTooLong ? null : _props, _propsLine, _propsColumn);
        _props = null;
        return found;
    }

    private static void Keep(List<byte> into, byte b, int max)
    {
        if (into.Count < max)
        {
            into.Add(b);
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f';

    private static bool IsLetter(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z');

    private static char ToLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (char)(b + 32) : (char)b;
}

/// <summary>An element that embeds data: its <c>data-target</c>, its <c>data-props</c> bytes as written (entities not yet decoded; null when longer than the limit) and where the value starts.</summary>
internal readonly record struct EmbeddedProps(string Target, byte[]? Utf8, long Line, long Column);
