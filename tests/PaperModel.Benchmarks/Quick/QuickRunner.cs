using System.Diagnostics;

namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// The quick mode, <c>dotnet run -c Release --project tests/PaperModel.Benchmarks -- --quick [group ...]</c>: runs
/// every <see cref="IQuickGroup"/> of this assembly (or the named ones), one line per comparison with its ratio, then
/// a summary of the targets met and missed. Meant to finish within three minutes on two cores.
/// </summary>
public static class QuickRunner
{
    /// <summary>Runs the groups and returns the process exit code (0 even when a target is missed: the numbers are the output).</summary>
    /// <param name="groupNames">The groups to run, or none for all.</param>
    /// <param name="output">Where the lines go.</param>
    /// <returns>0, or 2 for an unknown group name.</returns>
    public static int Run(IReadOnlyCollection<string> groupNames, TextWriter output)
    {
        var groups = typeof(QuickRunner).Assembly.GetTypes()
            .Where(static t => typeof(IQuickGroup).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(static t => (IQuickGroup)Activator.CreateInstance(t)!)
            .OrderBy(static g => g.Order)
            .ThenBy(static g => g.Name, StringComparer.Ordinal)
            .ToList();
        var unknown = groupNames.Where(n => !groups.Any(g => g.Name == n)).ToList();
        if (unknown.Count > 0)
        {
            output.WriteLine($"Unknown quick group(s): {string.Join(", ", unknown)}. Groups: {string.Join(", ", groups.Select(static g => g.Name))}.");
            return 2;
        }

        var context = new QuickContext(output, TimeSpan.FromSeconds(1.5));
        var total = Stopwatch.StartNew();
        output.WriteLine($"Quick mode: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}. Ratios are subject/baseline throughput, measured in one run.");
        foreach (var group in groups.Where(g => groupNames.Count == 0 || groupNames.Contains(g.Name)))
        {
            context.Group = group.Name;
            group.Run(context);
        }

        var checkedLines = context.Lines.Where(static l => l.Met is not null).ToList();
        var missed = checkedLines.Where(static l => l.Met == false).ToList();
        output.WriteLine();
        output.WriteLine($"Summary: {context.Lines.Count} lines, {checkedLines.Count - missed.Count} of {checkedLines.Count} targets met, in {total.Elapsed.TotalSeconds:F0} s.");
        foreach (var line in missed)
        {
            output.WriteLine($"  missed: {line.Group} {line.Text.TrimEnd()}");
        }

        return 0;
    }
}
