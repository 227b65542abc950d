using System.Diagnostics;
using System.Globalization;

namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// What a quick group reports to: <see cref="Compare"/> times two workloads side by side and prints their throughput
/// ratio; <see cref="Measure"/> prints one measured value against a limit. Every line is kept for the summary.
/// </summary>
public sealed class QuickContext
{
    private readonly List<QuickLine> _lines = [];
    private readonly TextWriter _output;
    private readonly TimeSpan _budget;

    internal QuickContext(TextWriter output, TimeSpan budgetPerComparison)
    {
        _output = output;
        _budget = budgetPerComparison;
    }

    /// <summary>The group currently running.</summary>
    internal string Group { get; set; } = string.Empty;

    /// <summary>Every line reported so far.</summary>
    internal IReadOnlyList<QuickLine> Lines => _lines;

    /// <summary>
    /// Times <paramref name="subject"/> and <paramref name="baseline"/> (after a warm-up, in alternating rounds, the
    /// median of each) and reports the ratio of their throughputs, subject over baseline (above 1: the subject is
    /// faster). Each side declares how much work one call does (<paramref name="subjectWork"/>,
    /// <paramref name="baselineWork"/>, in <paramref name="unit"/>), so a slow baseline may run on a smaller input.
    /// </summary>
    /// <param name="name">What is compared.</param>
    /// <param name="subject">One call of the subject; its result is kept so the work is not optimised away.</param>
    /// <param name="subjectWork">The work one call of <paramref name="subject"/> does.</param>
    /// <param name="baseline">One call of the baseline.</param>
    /// <param name="baselineWork">The work one call of <paramref name="baseline"/> does.</param>
    /// <param name="unit">The unit of the work, per second (<c>M chars</c>, <c>MB</c>).</param>
    /// <param name="target">The ratio to reach, if there is one.</param>
    public void Compare(string name, Func<long> subject, double subjectWork, Func<long> baseline, double baselineWork, string unit, double? target = null)
    {
        var subjectSeconds = Time(subject, baseline, out var baselineSeconds);
        CompareRates(name, subjectWork / subjectSeconds, baselineWork / baselineSeconds, unit, target);
    }

    /// <summary>Reports two throughputs measured by the group itself (whole processes, for instance) and their ratio.</summary>
    /// <param name="name">What is compared (<c>subject vs baseline</c>).</param>
    /// <param name="subjectRate">The subject's work per second.</param>
    /// <param name="baselineRate">The baseline's work per second.</param>
    /// <param name="unit">The unit of the work, per second (<c>MB</c>).</param>
    /// <param name="target">The ratio to reach, if there is one.</param>
    public void CompareRates(string name, double subjectRate, double baselineRate, string unit, double? target = null)
    {
        var ratio = subjectRate / baselineRate;
        var met = target is not { } t || ratio >= t;
        var text = string.Format(
            CultureInfo.InvariantCulture,
            "{0,-62} {1,10:F1} vs {2,10:F1} {3,-9} ratio {4,7:F2}{5}",
            name,
            subjectRate,
            baselineRate,
            unit + "/s",
            ratio,
            target is { } goal ? string.Format(CultureInfo.InvariantCulture, "  (target >= {0:0.##}: {1})", goal, met ? "met" : "MISSED") : string.Empty);
        Report(text, target is null ? null : met);
    }

    /// <summary>Reports one measured value, checked against an upper limit if there is one.</summary>
    /// <param name="name">What was measured.</param>
    /// <param name="value">The value.</param>
    /// <param name="unit">Its unit.</param>
    /// <param name="limit">The most it may be, if there is a limit.</param>
    public void Measure(string name, double value, string unit, double? limit = null)
    {
        var met = limit is not { } l || value <= l;
        var text = string.Format(
            CultureInfo.InvariantCulture,
            "{0,-62} {1,10:0.###} {2,-9}{3}",
            name,
            value,
            unit,
            limit is { } most ? string.Format(CultureInfo.InvariantCulture, "  (limit <= {0:0.##}: {1})", most, met ? "met" : "MISSED") : string.Empty);
        Report(text, limit is null ? null : met);
    }

    /// <summary>The median wall-clock seconds of one call of <paramref name="action"/> over a few rounds (for a group's own measurements).</summary>
    /// <param name="action">The work.</param>
    /// <param name="rounds">How many rounds after one warm-up call.</param>
    /// <returns>The median seconds per call.</returns>
    public static double MedianSeconds(Func<long> action, int rounds)
    {
        GC.KeepAlive(action());
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times[i] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return times[rounds / 2];
    }

    /// <summary>Prints a line that says what was measured (not a measurement, not in the summary).</summary>
    /// <param name="text">The text.</param>
    public void Note(string text) => _output.WriteLine($"{Group,-10} {text}");

    /// <summary>
    /// The median CPU seconds of the current thread per call of <paramref name="action"/>, after one warm-up call; each
    /// round repeats the call for at least 100 ms, as the system updates a running thread's CPU time only now and then.
    /// </summary>
    /// <param name="action">The work.</param>
    /// <param name="rounds">How many rounds after the warm-up call.</param>
    /// <returns>The median CPU seconds per call.</returns>
    public static double MedianCpuSeconds(Func<long> action, int rounds)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(action());
        var calls = Math.Max(1, (int)Math.Ceiling(0.1 / watch.Elapsed.TotalSeconds));
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var start = ThreadSeconds();
            for (var c = 0; c < calls; c++)
            {
                GC.KeepAlive(action());
            }

            times[i] = (ThreadSeconds() - start) / calls;
        }

        Array.Sort(times);
        return times[rounds / 2];
    }

    /// <summary>The CPU time of the current thread (from <c>/proc/thread-self/schedstat</c>, in nanoseconds), else the wall clock.</summary>
    private static double ThreadSeconds()
    {
        const string SchedStat = "/proc/thread-self/schedstat";
        return File.Exists(SchedStat)
            ? long.Parse(File.ReadAllText(SchedStat).Split(' ')[0], CultureInfo.InvariantCulture) / 1e9
            : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    private void Report(string text, bool? met)
    {
        var line = new QuickLine(Group, text, met);
        _lines.Add(line);
        _output.WriteLine($"{Group,-10} {text}");
    }

    /// <summary>Warm-up (tiered JIT reaches its final code), then alternating timed rounds within the time budget.</summary>
    private double Time(Func<long> subject, Func<long> baseline, out double baselineSeconds)
    {
        var subjectCalls = CallsFor(subject);
        var baselineCalls = CallsFor(baseline);
        var subjectTimes = new List<double>();
        var baselineTimes = new List<double>();
        var total = Stopwatch.StartNew();
        while (subjectTimes.Count < 3 || (total.Elapsed < _budget && subjectTimes.Count < 25))
        {
            subjectTimes.Add(Round(subject, subjectCalls));
            baselineTimes.Add(Round(baseline, baselineCalls));
        }

        baselineSeconds = Median(baselineTimes);
        return Median(subjectTimes);
    }

    /// <summary>How many calls make a round of about 50 ms, after warming the code up for about 200 ms.</summary>
    private static int CallsFor(Func<long> action)
    {
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (calls < 2 || watch.ElapsedMilliseconds < 200)
        {
            GC.KeepAlive(action());
            calls++;
        }

        var perCall = watch.Elapsed.TotalSeconds / calls;
        return Math.Max(1, (int)(0.05 / perCall));
    }

    private static double Round(Func<long> action, int calls)
    {
        var sink = 0L;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            sink += action();
        }

        var seconds = watch.Elapsed.TotalSeconds / calls;
        GC.KeepAlive(sink);
        return seconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}

/// <summary>One printed line: its group, its text and whether it met its target (<see langword="null"/> when it has none).</summary>
internal sealed record QuickLine(string Group, string Text, bool? Met);
