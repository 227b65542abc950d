using System.Text.RegularExpressions;

namespace PaperModel.Formats.DailyPage;

/// <summary>Markdown in page copies: whole-line links, the text a reader sees, and line-wrap markers.</summary>
internal static partial class DailyPageLineClassifier
{
    private static readonly Regex Images = new(@"!\[[^\]]*\]\([^)]*\)", Options, Timeout);
    private static readonly Regex LeadingImageLabel = new(@"^\s*\[[^\[\]]*\]\s+(?=\S)", Options, Timeout);
    private static readonly Regex MidLineWrapMarker = new(@"\\{1,2}\s{2,}", Options, Timeout);

    private static bool ClosesMoreThanOpens(string text)
    {
        var balance = 0;
        foreach (var c in text)
        {
            balance += c switch
            {
                '[' => 1,
                ']' => -1,
                _ => 0,
            };
        }

        return balance < 0;
    }

    /// <summary>Splits a whole-line Markdown or reference link <c>[text](url)</c> / <c>[text][12]</c>, allowing nested brackets in the text.</summary>
    private static bool TrySplitLink(string text, out string inner, out string? url)
    {
        inner = string.Empty;
        url = null;
        if (text.Length < 3 || text[0] != '[')
        {
            return false;
        }

        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '[' or ']')
            {
                i++;
                continue;
            }

            if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                var tail = text.Substring(i + 1);
                if (tail.Length >= 2 && tail[0] == '(' && tail[tail.Length - 1] == ')')
                {
                    url = tail.Substring(1, tail.Length - 2).Trim();
                }
                else if (!(tail.Length >= 3 && tail[0] == '[' && tail[tail.Length - 1] == ']'))
                {
                    return false;
                }

                inner = text.Substring(1, i - 1).Trim();
                return true;
            }
        }

        return false;
    }

    /// <summary>The text a reader sees: images and text-mode image labels dropped, a whole-line link replaced by its text.</summary>
    private static string VisibleText(string text)
    {
        if (text.IndexOf('[') < 0)
        {
            return text.Trim();
        }

        var visible = LeadingImageLabel.Replace(Images.Replace(text, string.Empty), string.Empty).Trim();
        return TrySplitLink(visible, out var inner, out _) ? inner : visible;
    }

    /// <summary>
    /// Removes line-wrap markers: a trailing <c>\</c> or <c>\\</c> (the next line continues this one) and a <c>\</c>
    /// followed by several spaces inside a line (a wrap joined into one line). <c>\%</c> and LaTeX macros stay.
    /// </summary>
    private static string RemoveWrapMarkers(string text, out bool continues)
    {
        continues = false;
        var trimmed = text;
        if (trimmed.EndsWith("\\", StringComparison.Ordinal))
        {
            continues = true;
            trimmed = trimmed.TrimEnd('\\').TrimEnd();
        }

        return trimmed.IndexOf('\\') >= 0 ? MidLineWrapMarker.Replace(trimmed, " ") : trimmed;
    }
}
