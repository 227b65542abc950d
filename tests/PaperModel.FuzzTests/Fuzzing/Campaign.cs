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
    /// <param name="keepPerKind">How many findings of each kind are kept in full.</param>
    /// <param name="reproducers">A folder to write the input of each kept finding to, or <see langword="null"/>.</param>
    /// <param name="progress">Called now and then with the number of cases run.</param>
    /// <param name="maxHugeField">The longest field a huge-field mutation inserts, when smaller than the target's.</param>
    /// <param name="budget">Stops after the case running when this much time has passed (the result counts the cases run).</param>
    public static CampaignResult Run(
        FuzzTarget target,
        long first,
        long count,
        TimeSpan timeout,
        int keepPerKind = 3,
        string? reproducers = null,
        Action<long>? progress = null,
        int maxHugeField = int.MaxValue,
        TimeSpan? budget = null)
    {
        var mutator = new Mutator(target.Tokens) { MaxHugeField = Math.Min(maxHugeField, target.MaxHugeField) };
        var findings = new List<Finding>();
        var counts = new Dictionary<FindingKind, long>();
        var clock = Stopwatch.StartNew();
        var n = first;
        for (; n < first + count && (budget is null || clock.Elapsed < budget); n++)
        {
            var input = mutator.Create(target.Seeds, n, out var description);
            var found = new List<(FindingKind Kind, string Detail)>();
            var caseNumber = n;
            var run = Task.Run(() => target.Run(input, caseNumber, (kind, detail) =>
            {
                lock (found)
                {
                    found.Add((kind, detail));
                }
            }));

            bool finished;
            try
            {
                finished = run.Wait(timeout);
            }
            catch (AggregateException ex)
            {
                finished = true;
                found.Add((FindingKind.Escape, "the target itself threw: " + ex.InnerException));
            }

            if (!finished)
            {
                found.Add((FindingKind.Hang, $"still running after {timeout.TotalSeconds:F0} s"));
            }

            List<(FindingKind Kind, string Detail)> snapshot;
            lock (found)
            {
                snapshot = [.. found.DistinctBy(static f => f.Kind)];
            }

            foreach (var (kind, detail) in snapshot)
            {
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                if (findings.Count(f => f.Kind == kind) < keepPerKind)
                {
                    findings.Add(new Finding(target.Name, n, kind, detail, description));
                    if (reproducers is not null)
                    {
                        Directory.CreateDirectory(reproducers);
                        File.WriteAllBytes(Path.Combine(reproducers, $"{target.Name}-{n}-{kind}.bin"), input);
                    }
                }
            }

            if (progress is not null && (n - first + 1) % 1000 == 0)
            {
                progress(n - first + 1);
            }
        }

        return new CampaignResult(target.Name, n - first, findings, counts, clock.Elapsed);
    }
}
