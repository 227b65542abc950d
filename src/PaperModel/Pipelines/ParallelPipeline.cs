using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace PaperModel;

/// <summary>
/// Transforms a stream of items on several threads and gives the results back in input order, in bounded memory: the
/// source is read on one thread, batches of items are transformed in parallel, and the consumer gets the results of
/// one batch after another while the next batches are being read and transformed. It is what <c>papers classify</c>
/// runs (read, classify, write) to keep every core busy.
/// </summary>
/// <remarks>
/// <para>
/// <b>Order.</b> Results come in exactly the order of their items, whatever order the batches finish in.
/// </para>
/// <para>
/// <b>Memory.</b> At most <see cref="ParallelPipelineOptions.BoundedCapacity"/> batches are read ahead of the consumer; the
/// reader waits for the consumer beyond that, so a slow consumer never makes the pipeline hold more.
/// </para>
/// <para>
/// <b>Errors.</b> An exception from the source or from the transform is thrown to the consumer at its position: every
/// result before it is given first, none after it. The source is read by one thread at a time, in order; the transform
/// must be thread-safe (it is called for several items at once).
/// </para>
/// <para>
/// <b>Cancellation and early exit.</b> Cancelling the token, or disposing the enumerator early (a <c>break</c>), stops
/// reading and transforming; the enumerator waits for the work in flight to stop and disposes the source's enumerator.
/// Cancellation is thrown as an <see cref="OperationCanceledException"/> at the position reached.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await foreach (var (paper, classification) in DefaultTopics.Classifier.ClassifyAllAsync(papers))
/// {
///     Console.WriteLine($"{paper.Id} {classification.Topics.Count}");
/// }
/// </code>
/// </example>
public static class ParallelPipeline
{
    /// <summary>Transforms every item of an asynchronous stream in parallel batches and yields the results in input order.</summary>
    /// <typeparam name="TSource">The items.</typeparam>
    /// <typeparam name="TResult">The results.</typeparam>
    /// <param name="source">The items, read by one thread at a time.</param>
    /// <param name="selector">The transform; thread-safe, called on several threads at once.</param>
    /// <param name="options">Batch size, parallelism and read-ahead; <see langword="null"/> for <see cref="ParallelPipelineOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the pipeline.</param>
    /// <returns>One result per item, in input order.</returns>
    public static IAsyncEnumerable<TResult> SelectInOrderAsync<TSource, TResult>(
        this IAsyncEnumerable<TSource> source,
        Func<TSource, TResult> selector,
        ParallelPipelineOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        CheckArguments(source, selector);
        return Run(source, selector, options ?? ParallelPipelineOptions.Default, cancellationToken);
    }

    /// <summary>
    /// Transforms every item of a sequence in parallel batches and yields the results in input order; the sequence is
    /// enumerated on a thread-pool thread, ahead of the consumer.
    /// </summary>
    /// <typeparam name="TSource">The items.</typeparam>
    /// <typeparam name="TResult">The results.</typeparam>
    /// <param name="source">The items, read by one thread at a time.</param>
    /// <param name="selector">The transform; thread-safe, called on several threads at once.</param>
    /// <param name="options">Batch size, parallelism and read-ahead; <see langword="null"/> for <see cref="ParallelPipelineOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the pipeline.</param>
    /// <returns>One result per item, in input order.</returns>
    public static IEnumerable<TResult> SelectInOrder<TSource, TResult>(
        this IEnumerable<TSource> source,
        Func<TSource, TResult> selector,
        ParallelPipelineOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        CheckArguments(source, selector);
        return Blocking(Run(new SynchronousSource<TSource>(source), selector, options ?? ParallelPipelineOptions.Default, cancellationToken));
    }

    private static void CheckArguments(object source, object selector)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        if (selector is null)
        {
            throw new ArgumentNullException(nameof(selector));
        }
    }

    private static async IAsyncEnumerable<TResult> Run<TSource, TResult>(
        IAsyncEnumerable<TSource> source,
        Func<TSource, TResult> selector,
        ParallelPipelineOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipeline = new Pipeline<TSource, TResult>(source.GetAsyncEnumerator(stop.Token), selector, options, stop.Token);
        try
        {
            for (var i = 0; i < options.BoundedCapacity; i++)
            {
                pipeline.Schedule();
            }

            while (pipeline.InFlight.Count > 0)
            {
                var batch = await pipeline.InFlight.Dequeue().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (!batch.IsLast)
                {
                    pipeline.Schedule();
                }

                for (var i = 0; i < batch.ResultCount; i++)
                {
                    yield return batch.Results![i];
                }

                batch.Error?.Throw();
                if (batch.IsLast)
                {
                    yield break;
                }
            }
        }
        finally
        {
            stop.Cancel();
            await pipeline.StopAsync().ConfigureAwait(false);
        }
    }

    private static IEnumerable<T> Blocking<T>(IAsyncEnumerable<T> items)
    {
        var enumerator = items.GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                yield return enumerator.Current;
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>One batch: the items read, then their results; an error ends the stream after its results.</summary>
    private sealed class Batch<TSource, TResult>
    {
        public static readonly Batch<TSource, TResult> First = new([]);

        public Batch(List<TSource> items) => Items = items;

        public List<TSource> Items { get; }

        public bool IsLast { get; set; }

        public ExceptionDispatchInfo? Error { get; set; }

        public TResult[]? Results { get; set; }

        public int ResultCount { get; set; }
    }

    /// <summary>
    /// The batches in flight: each read waits for the one before it (one reader at a time, in order), each transform
    /// waits for its read and for a free slot of the parallelism.
    /// </summary>
    private sealed class Pipeline<TSource, TResult>
    {
        private readonly IAsyncEnumerator<TSource> _source;
        private readonly Func<TSource, TResult> _selector;
        private readonly int _batchSize;
        private readonly SemaphoreSlim _slots;
        private readonly CancellationToken _stop;
        private Task<Batch<TSource, TResult>> _lastRead = Task.FromResult(Batch<TSource, TResult>.First);

        public Pipeline(IAsyncEnumerator<TSource> source, Func<TSource, TResult> selector, ParallelPipelineOptions options, CancellationToken stop)
        {
            _source = source;
            _selector = selector;
            _batchSize = options.BatchSize;
            _slots = new SemaphoreSlim(options.MaxDegreeOfParallelism);
            _stop = stop;
        }

        public Queue<Task<Batch<TSource, TResult>>> InFlight { get; } = new();

        public void Schedule()
        {
            var previous = _lastRead;
            var read = Task.Run(() => ReadAfterAsync(previous));
            _lastRead = read;
            InFlight.Enqueue(Task.Run(() => TransformAsync(read)));
        }

        /// <summary>Waits for the work in flight (it has been told to stop) and disposes the source.</summary>
        public async Task StopAsync()
        {
            while (InFlight.Count > 0)
            {
                await Ignore(InFlight.Dequeue()).ConfigureAwait(false);
            }

            await Ignore(_lastRead).ConfigureAwait(false);
            await _source.DisposeAsync().ConfigureAwait(false);
            _slots.Dispose();
        }

        private static async Task Ignore(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The consumer has left (or has already been given the error): nothing is waiting for this result.
            }
        }

        private async Task<Batch<TSource, TResult>> ReadAfterAsync(Task<Batch<TSource, TResult>> previous)
        {
            var before = await previous.ConfigureAwait(false);
            var batch = new Batch<TSource, TResult>(new List<TSource>(before.IsLast ? 0 : _batchSize));
            if (before.IsLast)
            {
                batch.IsLast = true;
                return batch;
            }

            try
            {
                while (batch.Items.Count < _batchSize)
                {
                    _stop.ThrowIfCancellationRequested();
                    if (!await _source.MoveNextAsync().ConfigureAwait(false))
                    {
                        batch.IsLast = true;
                        break;
                    }

                    batch.Items.Add(_source.Current);
                }
            }
            catch (Exception ex)
            {
                batch.Error = ExceptionDispatchInfo.Capture(ex);
                batch.IsLast = true;
            }

            return batch;
        }

        private async Task<Batch<TSource, TResult>> TransformAsync(Task<Batch<TSource, TResult>> read)
        {
            var batch = await read.ConfigureAwait(false);
            if (batch.Items.Count == 0)
            {
                return batch;
            }

            try
            {
                await _slots.WaitAsync(_stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex)
            {
                batch.Error = ExceptionDispatchInfo.Capture(ex);
                batch.IsLast = true;
                return batch;
            }

            try
            {
                var results = new TResult[batch.Items.Count];
                batch.Results = results;
                for (var i = 0; i < results.Length; i++)
                {
                    _stop.ThrowIfCancellationRequested();
                    results[i] = _selector(batch.Items[i]);
                    batch.ResultCount = i + 1;
                }
            }
            catch (Exception ex)
            {
                // An error in the transform replaces any error of the read that comes after it.
                batch.Error = ExceptionDispatchInfo.Capture(ex);
                batch.IsLast = true;
            }
            finally
            {
                _slots.Release();
            }

            batch.Items.Clear();
            return batch;
        }
    }

    /// <summary>A synchronous sequence seen as an asynchronous one (each step completes at once).</summary>
    private sealed class SynchronousSource<T>(IEnumerable<T> items) : IAsyncEnumerable<T>
    {
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(items.GetEnumerator());

        private sealed class Enumerator(IEnumerator<T> inner) : IAsyncEnumerator<T>
        {
            public T Current => inner.Current;

            public ValueTask<bool> MoveNextAsync() => new(inner.MoveNext());

            public ValueTask DisposeAsync()
            {
                inner.Dispose();
                return default;
            }
        }
    }
}
