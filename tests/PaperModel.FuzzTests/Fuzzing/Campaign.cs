using System.Diagnostics;

namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>The outcome of a run of cases over one target.</summary>
/// <param name="Target">The target.</param>
/// <param name="Cases">How many cases ran.</param>
/// <param name="Findings">What did not hold (at most a few per kind are kept in full; all are counted).</param>
/// <param name="CountsByKind">How many cases found each kind.</param>
/// <param name="Elapsed">The wall-clock time.</param>
internal sealed record CampaignResult(string Target, long Cases, IReadOnlyList<Finding> Findings, IReadOnlyDictionary<FindingKind, long> CountsByKind, TimeSpan Elapsed)
{
    /// <summary>One line per kind found, then the kept findings.</summary>
    public string Summary() =>
        $"{Target}: {Cases} cases in {Elapsed.TotalSeconds:F1} s, "
        + (CountsByKind.Count == 0 ? "nothing found" : string.Join(", ", CountsByKind.Select(static p => $"{p.Value} {p.Key}")))
        + string.Concat(Findings.Select(static f => Environment.NewLine + "  " + f));
}

/// <summary>Runs numbered cases over a target, each bounded in time, and collects what they find.</summary>
internal static class Campaign
{
    /// <summary>Runs cases <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    /// <param name="target">The target.</param>
    /// <param name="first">The first case number.</param>
    /// <param name="count">How many cases.</param>
    /// <param name="timeout">The bound on one case; a case still running then is a hang.</param>
    /// <param name="keepPerKind">How many findings of each kind are kept in full (those of the lowest case numbers).</param>
    /// <param name="reproducers">A folder to write the input of each kept finding to, or <see langword="null"/>.</param>
    /// <param name="progress">Called now and then with the number of cases run.</param>
    /// <param name="maxHugeField">The longest field a huge-field mutation inserts, when smaller than the target's.</param>
    /// <param name="budget">Stops after the cases running when this much time has passed (the result counts the cases run).</param>
    /// <param name="jobs">How many cases run at once. The findings do not depend on it: each case is made from its number alone.</param>
    public static CampaignResult Run(
        FuzzTarget target,
        long first,
        long count,
        TimeSpan timeout,
        int keepPerKind = 3,
        string? reproducers = null,
        Action<long>? progress = null,
        int maxHugeField = int.MaxValue,
        TimeSpan? budget = null,
        int jobs = 1)
    {
        var mutator = new Mutator(target.Tokens) { MaxHugeField = Math.Min(maxHugeField, target.MaxHugeField) };
        var findings = new List<Finding>();
        var counts = new Dictionary<FindingKind, long>();
        var clock = Stopwatch.StartNew();
        var next = first - 1;
        long run = 0;

        void Work()
        {
            long n;
            while ((n = Interlocked.Increment(ref next)) < first + count && (budget is null || clock.Elapsed < budget))
            {
                var input = mutator.Create(target.Seeds, n, out var description);
                var found = RunCase(target, input, n, timeout);
                lock (findings)
                {
                    foreach (var (kind, detail) in found)
                    {
                        counts[kind] = counts.GetValueOrDefault(kind) + 1;
                        findings.Add(new Finding(target.Name, n, kind, detail, description));
                        var ofKind = findings.Where(f => f.Kind == kind).OrderBy(static f => f.Case).ToList();
                        if (ofKind.Count > keepPerKind)
                        {
                            findings.Remove(ofKind[^1]);
                        }
                    }

                    if (++run % 1000 == 0)
                    {
                        progress?.Invoke(run);
                    }
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Max(1, jobs)).Select(_ => new Thread(Work) { IsBackground = true }).ToList();
        workers.ForEach(static w => w.Start());
        workers.ForEach(static w => w.Join());

        findings.Sort(static (a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Case.CompareTo(b.Case));
        if (reproducers is not null && findings.Count > 0)
        {
            Directory.CreateDirectory(reproducers);
            foreach (var finding in findings)
            {
                File.WriteAllBytes(Path.Combine(reproducers, $"{target.Name}-{finding.Case}-{finding.Kind}.bin"), mutator.Create(target.Seeds, finding.Case, out _));
            }
        }

        return new CampaignResult(target.Name, run, findings, counts, clock.Elapsed);
    }

    // Runs one case, bounded in time; returns one finding per kind found.
    private static List<(FindingKind Kind, string Detail)> RunCase(FuzzTarget target, byte[] input, long caseNumber, TimeSpan timeout)
    {
        var found = new List<(FindingKind Kind, string Detail)>();
        var task = Task.Run(() => target.Run(input, caseNumber, (kind, detail) =>
        {
            lock (found)
            {
                found.Add((kind, detail));
            }
        }));

        bool finished;
        try
        {
            finished = task.Wait(timeout);
        }
        catch (AggregateException ex)
        {
            finished = true;
            lock (found)
            {
                found.Add((FindingKind.Escape, "the target itself threw: " + ex.InnerException));
            }
        }

        lock (found)
        {
            if (!finished)
            {
                found.Add((FindingKind.Hang, $"still running after {timeout.TotalSeconds:F0} s"));
            }

            return [.. found.DistinctBy(static f => f.Kind)];
        }
    }
}
