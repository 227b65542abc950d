using Microsoft.Extensions.Time.Testing;

namespace PaperModel.Http.Tests;

/// <summary>
/// Runs a task against a fake clock, moving the clock on by <see cref="Step"/> every 2 ms of real time until the task
/// ends. A request in transit on the loopback can therefore look up to a few steps longer than it is.
/// </summary>
internal static class FakeClock
{
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    public static async Task<T> Drive<T>(FakeTimeProvider time, Func<Task<T>> run)
    {
        var task = Task.Run(run);
        for (var step = 0; step < 100_000 && !task.IsCompleted; step++)
        {
            await Task.Delay(2);
            time.Advance(Step);
        }

        task.IsCompleted.Should().BeTrue("the fetch should end within 2,000 simulated seconds");
        return await task;
    }
}
