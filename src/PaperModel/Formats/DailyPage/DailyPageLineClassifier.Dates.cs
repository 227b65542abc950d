using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperModel.Formats.DailyPage;

/// <summary>The date lines of a page: listing dates, card dates, and lines meant as dates that are not.</summary>
internal static partial class DailyPageLineClassifier
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Regex DateLine = new(
        @"^(Published on\s+)?(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2})(,?\s+(?<year>\d{4}))?\s*(?<rest>.*)$",
        Options, Timeout);

    // What may follow a date on the same line: a comment count, as a Markdown or reference link or bare.
    private static readonly Regex CommentsAfterDate = new(
        @"^(\[\s*(?<n>\d+)\s*\](\([^)]*\)|\[\d+\])|(?<n>\d+)\s+comments?)$", Options, Timeout);

    private static PageLine? TryClassifyDate(string text, int column)
    {
        var match = DateLine.Match(text);
        if (!match.Success)
        {
            return LooksLikeDate(text) ? new PageLine(LineKind.BadDate, text, column) : null;
        }

        var month = MonthNumber(match.Groups["month"].Value);
        if (month == 0)
        {
            return null;
        }

        var rest = match.Groups["rest"].Value;
        int? comments = null;
        if (rest.Length > 0)
        {
            var glued = CommentsAfterDate.Match(rest);
            if (!glued.Success)
            {
                return LooksLikeDate(text) ? new PageLine(LineKind.BadDate, text, column) : null;
            }

            comments = ParseInt(glued.Groups["n"].Value);
        }

        var day = ParseInt(match.Groups["day"].Value);
        var year = match.Groups["year"].Success ? ParseInt(match.Groups["year"].Value) : 0;
        if (day < 1 || day > (year == 0 ? MaxDay(month) : DateTime.DaysInMonth(year, month)) || (year != 0 && year < 1900))
        {
            return new PageLine(LineKind.BadDate, text, column);
        }

        return new PageLine(LineKind.Date, text, column) { Date = (month, day, year), Comments = comments };
    }

    // A short line that starts with a month name and has a digit: meant as a date ("Jul 32", "Jul 3O", "Feb 30").
    private static bool LooksLikeDate(string text)
    {
        if (text.Length > DailyPageHeuristics.DateLineLength)
        {
            return false;
        }

        var space = text.IndexOf(' ');
        if (space < 3 || MonthNumber(text.Substring(0, space).TrimEnd('.')) == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                return true;
            }
        }

        return false;
    }

    private static int MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return 0;
        }

        var lower = name.ToLowerInvariant();
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (lower.StartsWith(MonthNames[i], StringComparison.Ordinal))
            {
                var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(i + 1).ToLowerInvariant();
                if (lower.Length == 3 || full.StartsWith(lower, StringComparison.Ordinal) || lower == "sept")
                {
                    return i + 1;
                }
            }
        }

        return 0;
    }

    private static int MaxDay(int month) => month == 2 ? 29 : DateTime.DaysInMonth(2001, month);
}
