namespace PaperModel.Formats.DailyPage;

/// <summary>
/// The thresholds by which the Daily Papers page reader tells the parts of a copied page apart. They were set on the
/// real page copies in <c>samples/</c> and the variants in the tests; each says why it has its value. Lengths are in
/// characters after whitespace is normalised.
/// </summary>
internal static class DailyPageHeuristics
{
    /// <summary>
    /// A paragraph at least this long is an abstract whatever its shape: the longest titles on the page are about
    /// 250 characters, and the shortest abstracts with no full stop at the end (cut by the page) are longer.
    /// </summary>
    public const int AbstractLength = 320;

    /// <summary>A paragraph at least this long that ends with a full stop is an abstract: titles do not end with one.</summary>
    public const int SentenceAbstractLength = 60;

    /// <summary>
    /// A paragraph at least this long with a sentence break (<c>". "</c>) inside is an abstract: titles with a full
    /// stop inside ("Vision-R1. A study") are short.
    /// </summary>
    public const int MultiSentenceAbstractLength = 150;

    /// <summary>
    /// A line at least this long is a one-line abstract: when copies lose the blank line between a title and its
    /// abstract, such a line after a shorter one starts a new paragraph (and so does any line after one).
    /// </summary>
    public const int OneLineAbstractLength = 200;

    /// <summary>
    /// A line shorter than this is title-length: a one-line abstract after it starts a new paragraph. Lines between
    /// this and <see cref="OneLineAbstractLength"/> are wrapped abstract lines, which the next line continues.
    /// </summary>
    public const int TitleLineLength = 160;

    /// <summary>The longest one-line paragraph taken as the submitter's name after a bare <c>Submitted by</c>: user names are short.</summary>
    public const int SubmitterNameLength = 80;

    /// <summary>The longest line taken as a broken date ("Jul 32", "Feb 30, 2025"): longer lines that start with a month are text.</summary>
    public const int DateLineLength = 20;

    /// <summary>Whether a paragraph reads like an abstract (or an AI summary) rather than a title.</summary>
    public static bool IsAbstractLike(string text)
    {
        if (text.Length >= AbstractLength)
        {
            return true;
        }

        var last = text.Length == 0 ? '\0' : text[text.Length - 1];
        if (text.Length >= SentenceAbstractLength && last == '.')
        {
            return true;
        }

        return text.Length >= MultiSentenceAbstractLength && text.IndexOf(". ", StringComparison.Ordinal) > 0;
    }

    /// <summary>
    /// Whether the next line starts a new paragraph although no blank line came between: copies do not always keep
    /// blank lines, so a one-line abstract after a title-length line (or any line after a one-line abstract) does,
    /// unless a wrap marker joins them.
    /// </summary>
    public static bool StartsNewParagraph(bool continues, int lastLineLength, int nextLineLength) =>
        !continues && (lastLineLength >= OneLineAbstractLength || (lastLineLength < TitleLineLength && nextLineLength >= OneLineAbstractLength));

    /// <summary>
    /// Whether an abstract cut off by the end of the input looks cut: it ends in the middle of a word or sentence, not
    /// like "…results." or a URL.
    /// </summary>
    public static bool LooksCut(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var last = trimmed[trimmed.Length - 1];
        if (!(char.IsLetterOrDigit(last) || last is ',' or ';' or ':' or '-' or '('))
        {
            return false;
        }

        var space = trimmed.LastIndexOf(' ');
        var lastWord = trimmed.Substring(space + 1);
        return lastWord.IndexOf('/') < 0 && lastWord.IndexOf('.') < 0;
    }
}
