using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperModel.Formats.DailyPage;

/// <summary>
/// Classifies the lines of a copied Daily Papers page into <see cref="LineKind"/>s: the page furniture and line
/// shapes here, dates in <c>DailyPageLineClassifier.Dates.cs</c>, Markdown links and wrap markers in
/// <c>DailyPageLineClassifier.Markdown.cs</c>. Stateless and thread-safe.
/// </summary>
internal static partial class DailyPageLineClassifier
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static TimeSpan Timeout => TimeSpan.FromSeconds(1);

    // Exact lines that are page furniture (header, menus, buttons, footer), compared after list markers are removed.
    private static readonly HashSet<string> Furniture = new(StringComparer.Ordinal)
    {
        "new", "Subscribe", "Daily Papers", "Trending Papers", "Daily", "Weekly", "Monthly", "by", "AK",
        "and the research community", "Upvote", "View arXiv page", "View PDF", "Project page", "Add to collection",
        "Community", "Abstract", "Authors:", "Papers", "Previous", "Next", "System theme", "Company", "TOS", "Privacy",
        "About", "Jobs", "Website", "Models", "Datasets", "Spaces", "Docs", "Pricing", "Enterprise", "Log In", "Sign Up",
        "Copy link", "Share", "Collections", "Cite", "Get this paper in your agent:", "Search", ",",
    };

    private static readonly Regex CountLine = new(@"^(?<n>\d{1,3}(,\d{3})+|\d+(\.\d+)?)(?<k>[kK])?$", Options, Timeout);
    private static readonly Regex BracketCountLine = new(@"^\[-\]\s*(?<n>\d+|-)$", Options, Timeout);
    private static readonly Regex AuthorsLine = new(@"^([-*]\s*)?(?<n>\d+)\s+authors?$", Options, Timeout);
    private static readonly Regex AuthorsTail = new(@"(^|[\s\\-])(?<n>\d+)\s+authors?\s*$", Options, Timeout);
    private static readonly Regex GitHubLine = new(@"^GitHub(\s*[★⭐*]?\s*(?<n>[\d.,]+)(?<k>[kK])?)?$", Options, Timeout);
    private static readonly Regex SubmittedByLine = new(@"^Submitted\s+by\b\s*(?<name>.*)$", Options, Timeout);
    private static readonly Regex SubmittedOn = new(@"^on\s+[A-Za-z]{3,9}\.?\s+\d{1,2}(,\s*\d{4})?$", Options, Timeout);
    private static readonly Regex UrlLine = new(@"^<?(?<url>https?://\S+?)>?$", Options, Timeout);
    private static readonly Regex ArxivLine = new(@"^arxiv:\s*(?<id>\S+)$", Options | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex ReferenceDefinition = new(@"^\[\d+\]:\s*\S+", Options, Timeout);
    private static readonly Regex ImagesOnly = new(@"^(!\[[^\]]*\]\([^)]*\)\s*)+$", Options, Timeout);
    private static readonly Regex NavigationItem = new(@"^[-*]\s+\[.*\](\([^)]*\)|\[\d+\])$", Options, Timeout);
    private static readonly Regex PaperRank = new(@"^#\d+\s+Paper of the (day|week|month)$", Options, Timeout);
    private static readonly Regex UpvoteDelta = new(@"^\+\d+$", Options, Timeout);
    private static readonly Regex LinkCloseTail = new(@"\](\((?<url>[^()\s]*)\)|\[(?<ref>\d+)\])$", Options, Timeout);

    /// <summary>Classifies a line (already known not to be too long). Returns one or two pieces.</summary>
    public static IReadOnlyList<PageLine> Classify(string line)
    {
        var start = 0;
        while (start < line.Length && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        var end = line.Length;
        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        if (end == start)
        {
            return [new PageLine(LineKind.Blank, string.Empty, 1)];
        }

        var text = line.Substring(start, end - start);
        var column = start + 1;

        // A line that ends a multi-line link: "text](url)", "](url)", "][33]".
        if (!text.StartsWith("[", StringComparison.Ordinal) && LinkCloseTail.Match(text) is { Success: true } close
            && ClosesMoreThanOpens(text))
        {
            var url = close.Groups["url"].Success ? close.Groups["url"].Value : null;
            var closing = new PageLine(LineKind.LinkClose, string.Empty, column + close.Index) { Url = url };
            var before = text.Substring(0, close.Index).TrimEnd();
            return before.Length == 0 ? [closing] : [ClassifyContent(before, column), closing];
        }

        return [ClassifyContent(text, column)];
    }

    private static PageLine ClassifyContent(string text, int column)
    {
        if (text == "[")
        {
            return new PageLine(LineKind.LinkOpen, string.Empty, column);
        }

        if (text.StartsWith("#", StringComparison.Ordinal))
        {
            var heading = ClassifyHeading(text, column);
            if (heading is not null)
            {
                return heading;
            }
        }

        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            return ClassifyLinkLine(text, column);
        }

        return ClassifyPlain(text, column);
    }

    private static PageLine? ClassifyHeading(string text, int column)
    {
        var level = 0;
        while (level < text.Length && text[level] == '#')
        {
            level++;
        }

        if (level > 6 || level >= text.Length || text[level] != ' ')
        {
            return null;
        }

        var content = text.Substring(level).Trim();
        if (level <= 2 || IsFurniture(VisibleText(content)))
        {
            // "# Daily Papers", "## by [AK](…) and the research community".
            return new PageLine(LineKind.Ignored, content, column);
        }

        var contentColumn = column + text.IndexOf(content, StringComparison.Ordinal);
        if (TrySplitLink(content, out var inner, out var url))
        {
            return new PageLine(LineKind.Title, RemoveWrapMarkers(inner, out _), contentColumn + 1) { Url = url };
        }

        return new PageLine(LineKind.Title, RemoveWrapMarkers(content, out _), contentColumn);
    }

    private static PageLine ClassifyLinkLine(string text, int column)
    {
        if (ReferenceDefinition.IsMatch(text))
        {
            return new PageLine(LineKind.Ignored, text, column);
        }

        if (BracketCountLine.Match(text) is { Success: true } bracketCount)
        {
            return Count(bracketCount.Groups["n"].Value, null, column);
        }

        if (!TrySplitLink(text, out var inner, out var url))
        {
            // The link text goes on over the next lines: "[first line of an abstract".
            var rest = text.Substring(1).TrimStart();
            return rest.Length == 0
                ? new PageLine(LineKind.LinkOpen, string.Empty, column)
                : ClassifyPlain(rest, column + text.Length - rest.Length);
        }

        var visible = VisibleText(inner);
        if (CountLine.IsMatch(inner.Trim()) || inner.Trim() == "-")
        {
            var counted = Count(inner.Trim(), null, column + 1);
            return DailyPageUrls.IsComments(url)
                ? new PageLine(LineKind.Count, inner, column + 1) { Count = counted.Count, Url = url, Comments = counted.Count }
                : counted;
        }

        if (AuthorsTail.Match(visible) is { Success: true } authors)
        {
            return new PageLine(LineKind.Authors, visible, column) { Count = ParseInt(authors.Groups["n"].Value) };
        }

        if (IsFurniture(visible) || visible.Length == 0)
        {
            return new PageLine(LineKind.Ignored, visible, column);
        }

        if (DailyPageUrls.IsOrganization(url) || inner.StartsWith("[", StringComparison.Ordinal) || inner.StartsWith("![", StringComparison.Ordinal))
        {
            return new PageLine(LineKind.Organization, visible, column) { Url = url };
        }

        // Link text that is page text: a title or an abstract linking to the paper.
        var body = RemoveWrapMarkers(inner, out _);
        return new PageLine(LineKind.Text, body, column + 1) { Url = url };
    }

    private static PageLine ClassifyPlain(string text, int column)
    {
        var listless = StripListMarker(text);
        if (IsFurniture(listless) || text.StartsWith("Get trending papers", StringComparison.Ordinal) || IsByLine(text)
            || ImagesOnly.IsMatch(text) || NavigationItem.IsMatch(text) || PaperRank.IsMatch(text) || UpvoteDelta.IsMatch(text)
            || SubmittedOn.IsMatch(text))
        {
            return new PageLine(LineKind.Ignored, text, column);
        }

        if (text is "·" or "•" or "⋅")
        {
            return new PageLine(LineKind.Separator, text, column);
        }

        if (text == "AI-generated summary")
        {
            return new PageLine(LineKind.AiSummaryLabel, text, column);
        }

        if (text == "-" || CountLine.IsMatch(text))
        {
            return Count(text, null, column);
        }

        if (BracketCountLine.Match(text) is { Success: true } bracketCount)
        {
            return Count(bracketCount.Groups["n"].Value, null, column);
        }

        if (AuthorsLine.Match(text) is { Success: true } authors)
        {
            return new PageLine(LineKind.Authors, text, column) { Count = ParseInt(authors.Groups["n"].Value) };
        }

        if (GitHubLine.Match(text) is { Success: true } github)
        {
            return new PageLine(LineKind.GitHub, text, column)
            {
                Count = github.Groups["n"].Success ? ParseCount(github.Groups["n"].Value, github.Groups["k"].Success) : null,
            };
        }

        if (SubmittedByLine.Match(text) is { Success: true } submitted)
        {
            return new PageLine(LineKind.SubmittedBy, VisibleText(submitted.Groups["name"].Value), column);
        }

        if (UrlLine.Match(text) is { Success: true } url)
        {
            return new PageLine(LineKind.Url, text, column) { Url = url.Groups["url"].Value };
        }

        if (ArxivLine.Match(text) is { Success: true } arxiv)
        {
            return new PageLine(LineKind.Url, text, column) { Url = arxiv.Groups["id"].Value };
        }

        if (TryClassifyDate(text, column) is { } date)
        {
            return date;
        }

        var body = RemoveWrapMarkers(text, out var continues);
        return new PageLine(LineKind.Text, body, column) { Continues = continues };
    }

    private static PageLine Count(string text, int? comments, int column) =>
        new(LineKind.Count, text, column) { Count = text == "-" ? 0 : ParseCount(CountDigits(text, out var k), k), Comments = comments };

    private static string CountDigits(string text, out bool thousands)
    {
        thousands = text.EndsWith("k", StringComparison.OrdinalIgnoreCase);
        return thousands ? text.Substring(0, text.Length - 1) : text;
    }

    private static int ParseCount(string digits, bool thousands)
    {
        var clean = digits.Replace(",", string.Empty);
        if (!double.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return 0;
        }

        value = thousands ? value * 1000 : value;
        return value >= int.MaxValue ? int.MaxValue : (int)Math.Round(value);
    }

    private static int ParseInt(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : int.MaxValue;

    private static bool IsFurniture(string text) => Furniture.Contains(text) || IsByLine(text);

    // "byAK and the research community", "by AK and the research community", "## by [![](…)AK](…) and the research community".
    private static bool IsByLine(string text) =>
        text.StartsWith("by", StringComparison.Ordinal) && text.EndsWith("and the research community", StringComparison.Ordinal);

    private static string StripListMarker(string text) =>
        text.Length > 2 && text[0] is '-' or '*' && text[1] == ' ' ? text.Substring(2).TrimStart() : text;

}
