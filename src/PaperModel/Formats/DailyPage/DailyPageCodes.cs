namespace PaperModel.Formats.DailyPage;

/// <summary>Problem codes of the Daily Papers page text reader (PM1010-PM1029). Each has a page in <c>docs/diagnostics/</c>.</summary>
internal static class DailyPageCodes
{
    /// <summary>The input holds no paper at all.</summary>
    public const string NoPapers = "PM1010";

    /// <summary>A title with no abstract after it; the paper is skipped.</summary>
    public const string TitleWithoutAbstract = "PM1011";

    /// <summary>An abstract with no title before it; it is skipped.</summary>
    public const string AbstractWithoutTitle = "PM1012";

    /// <summary>A line that looks like a date but is not a valid one.</summary>
    public const string BadDate = "PM1013";

    /// <summary>A line longer than <see cref="PaperReadOptions.MaxRecordLength"/>; it is skipped.</summary>
    public const string LineTooLong = "PM1014";

    /// <summary>Upvotes, authors, a date or a submitter that belong to no paper.</summary>
    public const string DetailsWithoutPaper = "PM1015";

    /// <summary>The input ends in the middle of an abstract.</summary>
    public const string AbstractCut = "PM1016";

    /// <summary>A title or abstract holds control characters: the input is binary; the paper is skipped.</summary>
    public const string Binary = "PM1017";

    /// <summary>A title or abstract holds bytes that are not UTF-8 (decoded as U+FFFD).</summary>
    public const string InvalidUtf8 = "PM1018";
}
