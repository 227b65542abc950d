using System.Text;

namespace PaperModel.Formats;

/// <summary>Text helpers shared by the readers.</summary>
internal static class PaperText
{
    /// <summary>
    /// Normalises whitespace the way <see cref="Paper"/> documents it: every run of whitespace (spaces, tabs, line breaks,
    /// no-break spaces) becomes one space, and the ends are trimmed. Everything else is kept as written.
    /// </summary>
    public static string NormalizeWhitespace(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (!NeedsNormalizing(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool NeedsNormalizing(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]))
        {
            return true;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || text[i - 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
