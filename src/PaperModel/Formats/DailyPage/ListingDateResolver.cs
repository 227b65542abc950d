namespace PaperModel.Formats.DailyPage;

/// <summary>
/// Turns the month and day a page shows (<c>Jul 30</c>, or <c>Feb 27, 2025</c> with a year) into a date: the year
/// shown, else <see cref="PaperReadOptions.Year"/>, else the latest such day not after
/// <see cref="PaperReadOptions.ReferenceDate"/> (today by default). Immutable.
/// </summary>
internal sealed class ListingDateResolver(PaperReadOptions options)
{
    // Feb 29 goes back to the last leap year, at most this far.
    private const int YearsBack = 8;

    private readonly DateTimeOffset _reference = (options.ReferenceDate ?? DateTimeOffset.UtcNow).ToUniversalTime();

    /// <summary>The year a date without one is taken in, for messages.</summary>
    public int DefaultYear => options.Year ?? _reference.Year;

    /// <summary>The date, or <see langword="null"/> with <paramref name="invalid"/> set when that day does not exist.</summary>
    public DateTimeOffset? Resolve((int Month, int Day, int Year) date, out bool invalid)
    {
        invalid = false;
        var year = date.Year != 0 ? date.Year : options.Year ?? 0;
        if (year == 0)
        {
            // The most recent such day that is not after the reference date.
            for (year = _reference.Year; year > _reference.Year - YearsBack; year--)
            {
                if (date.Day <= DateTime.DaysInMonth(year, date.Month)
                    && new DateTime(year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc) <= _reference.UtcDateTime.Date)
                {
                    return new DateTimeOffset(year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero);
                }
            }

            invalid = true;
            return null;
        }

        if (year is < 1 or > 9999 || date.Day > DateTime.DaysInMonth(year, date.Month))
        {
            invalid = true;
            return null;
        }

        return new DateTimeOffset(year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero);
    }
}
