using System.Runtime.CompilerServices;
using PaperModel.Classification;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Pipelines;

public class ParallelPipelineTests
{
    private static readonly ParallelPipelineOptions Small = new() { BatchSize = 7, MaxDegreeOfParallelism = 4, BoundedCapacity = 3 };

    [Fact]
    public async Task Results_come_in_input_order_although_later_batches_finish_first()
    {
        // Early items take longest, so later batches are done before earlier ones.
        var results = await ToListAsync(Numbers(2_000).SelectInOrderAsync(
            n =>
            {
                Thread.SpinWait((2_000 - n) * 5);
                return n * 2;
            },
            Small));

        results.Should().Equal(Enumerable.Range(0, 2_000).Select(n => n * 2));
    }

    [Fact]
    public void The_synchronous_form_gives_the_same_results_in_order()
    {
        var results = Enumerable.Range(0, 1_000).SelectInOrder(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture), Small).ToList();

        results.Should().Equal(Enumerable.Range(0, 1_000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_transform_runs_on_more_than_one_thread_while_the_source_is_read_by_one_at_a_time()
    {
        var source = new CountingSource(500);
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        using var bothStarted = new Barrier(2);
        var results = source.SelectInOrder(
            n =>
            {
                threads[Environment.CurrentManagedThreadId] = true;

                // The first item of the first two batches waits for the other: they must run at the same time.
                if (n is 0 or 7)
                {
                    bothStarted.SignalAndWait(TimeSpan.FromSeconds(30)).Should().BeTrue("two batches are transformed at once");
                }

                return n;
            },
            Small).ToList();

        results.Should().Equal(Enumerable.Range(0, 500));
        threads.Count.Should().BeGreaterThan(1);
        source.MostReadersAtOnce.Should().Be(1);
        source.Disposed.Should().BeTrue();
    }

    [Fact]
    public void A_slow_consumer_never_makes_the_pipeline_read_more_than_its_capacity_ahead()
    {
        var source = new CountingSource(1_000);
        var mostAhead = 0;
        var consumed = 0;
        foreach (var _ in source.SelectInOrder(static n => n, Small))
        {
            consumed++;

            // Let the reader run as far ahead as it may.
            Thread.Sleep(consumed % 50 == 0 ? 20 : 0);
            mostAhead = Math.Max(mostAhead, source.Read - consumed);
        }

        consumed.Should().Be(1_000);

        // The batch being consumed plus BoundedCapacity batches in flight.
        mostAhead.Should().BeLessThanOrEqualTo((Small.BoundedCapacity + 1) * Small.BatchSize);
    }

    [Fact]
    public void An_error_in_the_source_comes_after_every_result_before_it()
    {
        var seen = new List<int>();
        var act = () =>
        {
            foreach (var n in Failing(100, failAt: 40).SelectInOrder(static n => n, Small))
            {
                seen.Add(n);
            }
        };

        act.Should().Throw<InvalidOperationException>().WithMessage("source failed at 40");
        seen.Should().Equal(Enumerable.Range(0, 40));
    }

    [Fact]
    public void An_error_in_the_transform_comes_at_its_position_and_the_source_is_disposed()
    {
        var source = new CountingSource(1_000);
        var seen = new List<int>();
        var act = () =>
        {
            foreach (var n in source.SelectInOrder(static n => n == 123 ? throw new FormatException("bad 123") : n, Small))
            {
                seen.Add(n);
            }
        };

        act.Should().Throw<FormatException>().WithMessage("bad 123");
        seen.Should().Equal(Enumerable.Range(0, 123));
        source.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task Cancelling_stops_reading_and_throws_after_the_results_already_given()
    {
        using var cancel = new CancellationTokenSource();
        var source = new CountingSource(1_000_000);
        var seen = 0;
        var act = async () =>
        {
            await foreach (var n in source.SelectInOrderAsync(static n => n, Small, cancel.Token))
            {
                n.Should().Be(seen++);
                if (seen == 50)
                {
                    await cancel.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().BeInRange(50, 50 + ((Small.BoundedCapacity + 1) * Small.BatchSize));
        source.Disposed.Should().BeTrue();
        source.Read.Should().BeLessThan(1_000);
    }

    [Fact]
    public void Leaving_early_stops_the_pipeline_and_disposes_the_source()
    {
        var source = new CountingSource(1_000_000);

        source.SelectInOrder(static n => n, Small).Take(10).Should().Equal(Enumerable.Range(0, 10));

        source.Disposed.Should().BeTrue();
        source.Read.Should().BeLessThanOrEqualTo(10 + ((Small.BoundedCapacity + 1) * Small.BatchSize));
    }

    [Fact]
    public void An_empty_source_gives_nothing()
    {
        Array.Empty<int>().SelectInOrder(static n => n).Should().BeEmpty();
    }

    [Fact]
    public void Options_reject_values_that_would_stall_the_pipeline()
    {
        FluentActions.Invoking(() => new ParallelPipelineOptions { BatchSize = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new ParallelPipelineOptions { MaxDegreeOfParallelism = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new ParallelPipelineOptions { BoundedCapacity = 0 }).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Classifying_in_parallel_gives_what_classifying_one_by_one_gives_in_the_same_order()
    {
        var papers = PaperReader.ReadFile(RepoPaths.DailyPapersPage, options: new PaperReadOptions { Year = 2025 }).Papers;
        var many = Enumerable.Range(0, 8).SelectMany(_ => papers).ToList();
        var expected = many.Select(p => DefaultTopics.Classifier.Classify(p).Topics.Select(t => t.Topic.Id).ToList()).ToList();

        var parallel = DefaultTopics.Classifier.ClassifyAll(many, Small).ToList();
        var asynchronous = new List<ClassifiedPaper>();
        await foreach (var one in DefaultTopics.Classifier.ClassifyAllAsync(ToAsync(many), Small))
        {
            asynchronous.Add(one);
        }

        parallel.Select(c => c.Paper).Should().Equal(many, static (a, b) => ReferenceEquals(a, b));
        parallel.Select(c => c.Classification.Topics.Select(t => t.Topic.Id).ToList()).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        asynchronous.Select(c => c.Paper).Should().Equal(many, static (a, b) => ReferenceEquals(a, b));
        asynchronous.Select(c => c.Classification.Topics.Select(t => t.Topic.Id).ToList()).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        expected.Should().Contain(ids => ids.Count > 0, "the sample page has classified papers");
    }

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0)
            {
                await Task.Yield();
            }

            yield return i;
        }
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return item;
        }
    }

    private static IEnumerable<int> Failing(int count, int failAt)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == failAt)
            {
                throw new InvalidOperationException($"source failed at {i}");
            }

            yield return i;
        }
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>0, 1, 2, … that counts what was read, how many threads read at once and whether it was disposed.</summary>
    private sealed class CountingSource(int count) : IEnumerable<int>, IAsyncEnumerable<int>
    {
        private int _read;
        private int _readers;
        private int _mostReaders;
        private int _disposed;

        public int Read => Volatile.Read(ref _read);

        public int MostReadersAtOnce => Volatile.Read(ref _mostReaders);

        public bool Disposed => Volatile.Read(ref _disposed) == 1;

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var readers = Interlocked.Increment(ref _readers);
                    InterlockedMax(ref _mostReaders, readers);
                    Interlocked.Increment(ref _read);
                    Interlocked.Decrement(ref _readers);
                    yield return i;
                }
            }
            finally
            {
                Volatile.Write(ref _disposed, 1);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public async IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            using var items = GetEnumerator();
            while (items.MoveNext())
            {
                if (items.Current % 10 == 0)
                {
                    await Task.Yield();
                }

                yield return items.Current;
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
