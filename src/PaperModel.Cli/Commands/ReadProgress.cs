using System.Globalization;

namespace PaperModel.Cli.Commands;

/// <summary>
/// One line of progress on standard error while a long input is read: papers read, rate, elapsed time and, when the
/// input's size is known, the percentage read (<c>  120,431 papers · 41,220/s · 0:03 · 37%</c>). It appears only
/// after <see cref="Delay"/> (short runs stay silent), is redrawn at most every <see cref="Interval"/>, and is erased
/// before a problem is written and when reading ends, so it never mixes with other output.
/// </summary>
internal sealed class ReadProgress(TextWriter error, TimeProvider time)
{
    /// <summary>How long a run goes before progress shows.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    /// <summary>The least time between two redraws.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private long _start;
    private TimeSpan _drawn;
    private long _papers;
    private long _totalBytes;
    private bool _visible;

    /// <summary>Starts the clock; <paramref name="totalBytes"/> is the size of the input files (0 when unknown).</summary>
    public void Start(long totalBytes)
    {
        _start = time.GetTimestamp();
        _totalBytes = totalBytes;
    }

    /// <summary>Counts one paper; <paramref name="bytesRead"/> is how much of the input has been read up to it.</summary>
    public void Paper(long bytesRead)
    {
        _papers++;
        var elapsed = time.GetElapsedTime(_start);
        if (elapsed < Delay || (_visible && elapsed - _drawn < Interval))
        {
            return;
        }

        _drawn = elapsed;
        var line = string.Format(CultureInfo.InvariantCulture, "  {0:N0} papers · {1:N0}/s · {2}", _papers, _papers / elapsed.TotalSeconds, Elapsed(elapsed));
        if (_totalBytes > 0)
        {
            line += string.Format(CultureInfo.InvariantCulture, " · {0:0}%", Math.Min(100, 100.0 * bytesRead / _totalBytes));
        }

        error.Write("\r\u001b[2K" + line);
        error.Flush();
        _visible = true;
    }

    /// <summary>Erases the line, if shown.</summary>
    public void Clear()
    {
        if (_visible)
        {
            error.Write("\r\u001b[2K");
            error.Flush();
            _visible = false;
        }
    }

    private static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
