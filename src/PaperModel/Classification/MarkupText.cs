#if NET8_0_OR_GREATER
using System.Buffers;
#endif

namespace PaperModel.Classification;

/// <summary>
/// The text that phrases are matched in, with TeX and Markdown markup taken out, and the way back from its offsets to
/// the original text. Titles and abstracts arrive with <c>$\mu$P</c>, <c>\textit{LoRA}</c>, <c>**mixture of
/// experts**</c>, <c>S$^3$Net</c> and words hyphenated at a line end (<c>param-\neter</c>); the matcher should see
/// <c>μP</c>, <c>LoRA</c>, <c>mixture of experts</c>, <c>S3Net</c> and <c>parameter</c>, while evidence keeps pointing
/// into the original. Text without markup is used as it is (nothing is copied). Reused per field and thread; not
/// thread-safe.
/// </summary>
/// <remarks>
/// The rules: <c>$</c> opens and closes math and is dropped; in math <c>^</c> and <c>_</c> are dropped
/// (<c>$^3$</c> reads <c>3</c>, <c>Li_2</c> reads <c>Li2</c>). A command <c>\name</c> is a Greek letter
/// (<c>\mu</c> reads <c>μ</c>), a formatting command (<c>\textit</c>, <c>\mathbf</c>, <c>\emph</c>…, dropped with
/// its braces) or anything else (read as a space, so it separates words); <c>\</c> before another character reads as
/// that character. Braces are dropped, runs of <c>*</c> (Markdown emphasis) are dropped, <c>~</c> reads as a space,
/// and a hyphen at a line end between two letters is dropped with the line break, joining the word. A dropped opening
/// mark (<c>$</c> entering math, <c>{</c>, a formatting command, <c>**</c> before a word) belongs to the character
/// after it and a closing one to the character before it, so the offsets of <c>μP</c> cover <c>$\mu$P</c> and those
/// of <c>LoRA</c> cover <c>**LoRA**</c>.
/// </remarks>
internal sealed class MarkupText
{
    private static readonly Dictionary<string, char> Greek =
        "alpha=α beta=β gamma=γ delta=δ epsilon=ε varepsilon=ε zeta=ζ eta=η theta=θ vartheta=θ iota=ι kappa=κ lambda=λ mu=μ nu=ν xi=ξ pi=π rho=ρ sigma=σ tau=τ upsilon=υ phi=φ varphi=φ chi=χ psi=ψ omega=ω Gamma=Γ Delta=Δ Theta=Θ Lambda=Λ Xi=Ξ Pi=Π Sigma=Σ Upsilon=Υ Phi=Φ Psi=Ψ Omega=Ω"
            .Split(' ')
            .ToDictionary(static pair => pair[..^2], static pair => pair[^1], StringComparer.Ordinal);

    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "text", "textit", "textbf", "textsc", "texttt", "textrm", "textsf", "textnormal", "emph", "underline",
        "mathbf", "mathrm", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak", "mathscr", "boldsymbol",
        "bm", "operatorname", "textup", "textmd", "mbox", "hbox",
    };

#if NET8_0_OR_GREATER
    private static readonly SearchValues<char> MarkupStarts = SearchValues.Create("$\\{}*~-");
    private static readonly SearchValues<char> MathMarkupStarts = SearchValues.Create("$\\{}*~-^_");
#else
    private static readonly char[] MarkupStarts = "$\\{}*~-".ToCharArray();
    private static readonly char[] MathMarkupStarts = "$\\{}*~-^_".ToCharArray();
#endif

#if NET9_0_OR_GREATER
    private static readonly Dictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> GreekBySpan = Greek.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FormattingBySpan = Formatting.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    private char[] _chars = new char[256];
    private int[] _starts = new int[256];
    private int[] _ends = new int[256];
    private int _count;
    private bool _changed;

    /// <summary>The text to match in: the original when it has no markup.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Prepares the view of <paramref name="original"/>.</summary>
    public void Reset(string original)
    {
        _changed = HasMarkup(original);
        Text = _changed ? Normalize(original) : original;
    }

    /// <summary>The span of the original text that a span of <see cref="Text"/> was read from.</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        if (!_changed || length == 0)
        {
            return (start, length);
        }

        var from = _starts[start];
        return (from, _ends[start + length - 1] - from);
    }

    /// <summary>Whether the text has a markup character or a hyphen before a line break (a vectorised search on .NET 8 and later).</summary>
    private static bool HasMarkup(string text)
    {
        var rest = text.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(MarkupStarts)) >= 0)
        {
            if (rest[at] != '-' || (at + 1 < rest.Length && rest[at + 1] is '\n' or '\r'))
            {
                return true;
            }

            rest = rest.Slice(at + 1);
        }

        return false;
    }

    private string Normalize(string text)
    {
        if (_chars.Length < text.Length)
        {
            var size = Math.Max(text.Length, _chars.Length * 2);
            _chars = new char[size];
            _starts = new int[size];
            _ends = new int[size];
        }

        _count = 0;
        var pending = -1;
        var math = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '$')
            {
                var end = i + 1 < text.Length && text[i + 1] == '$' ? i + 2 : i + 1;
                math = !math;
                if (math)
                {
                    Forward(ref pending, i);
                }
                else
                {
                    Backward(i, end);
                }

                i = end;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                var end = i + 1;
                while (end < text.Length && IsAsciiLetter(text[end]))
                {
                    end++;
                }

                if (end == i + 1)
                {
                    Emit(ref pending, text[i + 1] == '\\' ? ' ' : text[i + 1], i, i + 2);
                    i += 2;
                    continue;
                }

#if NET9_0_OR_GREATER
                var name = text.AsSpan(i + 1, end - i - 1);
                var (greek, formatting) = (GreekBySpan, FormattingBySpan);
#else
                var name = text.Substring(i + 1, end - i - 1);
                var (greek, formatting) = (Greek, Formatting);
#endif
                if (greek.TryGetValue(name, out var letter))
                {
                    Emit(ref pending, letter, i, end);
                }
                else if (formatting.Contains(name))
                {
                    Forward(ref pending, i);
                }
                else
                {
                    Emit(ref pending, ' ', i, end);
                }

                i = end;
            }
            else if (c == '{' || (math && c is '^' or '_'))
            {
                Forward(ref pending, i);
                i++;
            }
            else if (c == '}')
            {
                Backward(i, i + 1);
                i++;
            }
            else if (c == '*')
            {
                var end = i;
                while (end < text.Length && text[end] == '*')
                {
                    end++;
                }

                if (end < text.Length && !char.IsWhiteSpace(text[end]) && (_count == 0 || char.IsWhiteSpace(_chars[_count - 1]) || pending >= 0))
                {
                    Forward(ref pending, i);
                }
                else
                {
                    Backward(i, end);
                }

                i = end;
            }
            else if (c == '~')
            {
                Emit(ref pending, ' ', i, i + 1);
                i++;
            }
            else if (c == '-' && LineWrapEnd(text, i) is var wrapEnd && wrapEnd > 0)
            {
                Backward(i, wrapEnd);
                i = wrapEnd;
            }
            else
            {
                i = EmitRun(ref pending, text, i, math);
            }
        }

        return new string(_chars, 0, _count);
    }

    /// <summary>
    /// Where the word continues after a hyphen that ends a line between two letters (<c>param-\neter</c>), or 0 when
    /// the hyphen at <paramref name="hyphen"/> is not such a line-end hyphen.
    /// </summary>
    private static int LineWrapEnd(string text, int hyphen)
    {
        if (hyphen == 0 || !char.IsLetter(text[hyphen - 1]))
        {
            return 0;
        }

        var j = hyphen + 1;
        var sawLineBreak = false;
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            sawLineBreak |= text[j] is '\n' or '\r';
            j++;
        }

        return sawLineBreak && j < text.Length && char.IsLower(text[j]) ? j : 0;
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static void Forward(ref int pending, int start)
    {
        if (pending < 0)
        {
            pending = start;
        }
    }

    private void Backward(int start, int end)
    {
        if (_count > 0 && _ends[_count - 1] == start)
        {
            _ends[_count - 1] = end;
        }
    }

    /// <summary>
    /// Emits the character at <paramref name="start"/> and the plain characters after it, up to the next one that may be
    /// markup; returns where the run ends.
    /// </summary>
    private int EmitRun(ref int pending, string text, int start, bool math)
    {
        var rest = text.AsSpan(start + 1);
        var length = rest.IndexOfAny(math ? MathMarkupStarts : MarkupStarts);
        var end = start + 1 + (length < 0 ? rest.Length : length);
        Emit(ref pending, text[start], start, start + 1);
        text.AsSpan(start + 1, end - start - 1).CopyTo(_chars.AsSpan(_count));
        for (var k = start + 1; k < end; k++)
        {
            _starts[_count] = k;
            _ends[_count] = k + 1;
            _count++;
        }

        return end;
    }

    private void Emit(ref int pending, char c, int start, int end)
    {
        _chars[_count] = c;
        _starts[_count] = pending >= 0 ? pending : start;
        _ends[_count] = end;
        _count++;
        pending = -1;
    }
}
