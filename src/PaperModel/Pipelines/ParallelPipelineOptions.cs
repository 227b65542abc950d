namespace PaperModel;

/// <summary>
/// How <see cref="ParallelPipeline"/> splits its work: items travel in batches of <see cref="BatchSize"/>, at most
/// <see cref="MaxDegreeOfParallelism"/> batches are transformed at once, and at most <see cref="BoundedCapacity"/> batches
/// are read ahead of the consumer, which bounds the memory: never more than <c>BoundedCapacity × BatchSize</c> items
/// (read, transformed or waiting) plus the batch being consumed. Immutable.
/// </summary>
public sealed record ParallelPipelineOptions
{
    private readonly int _batchSize = 128;
    private readonly int _maxDegreeOfParallelism = Environment.ProcessorCount;
    private readonly int _boundedCapacity = 2 * Environment.ProcessorCount;

    /// <summary>The default options: batches of 128, one batch at a time per processor, two batches per processor read ahead.</summary>
    public static ParallelPipelineOptions Default { get; } = new();

    /// <summary>The number of items in a batch (at least 1; default 128). Larger batches cost less per item and more memory.</summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A batch holds at least one item.");
    }

    /// <summary>The most batches transformed at the same time (at least 1; default <see cref="Environment.ProcessorCount"/>).</summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one batch must be transformed at a time.");
    }

    /// <summary>The most batches read ahead of the consumer (at least 1; default twice <see cref="Environment.ProcessorCount"/>).</summary>
    public int BoundedCapacity
    {
        get => _boundedCapacity;
        init => _boundedCapacity = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one batch must be read ahead.");
    }
}
