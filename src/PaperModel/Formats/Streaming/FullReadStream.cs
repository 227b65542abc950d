namespace PaperModel.Formats;

/// <summary>
/// A forward-only stream that answers every read with as many bytes as were asked for, until its input ends. The
/// parsers behind it therefore see the same reads whatever sizes the source hands out (a pipe, a socket, a
/// decompressor), so that no result — a problem's position, the text a message quotes — depends on them. When the
/// inner stream fails after some bytes of a read, those bytes are returned and the failure is thrown by the next read,
/// so nothing read before a failure is lost. Disposing it does not dispose the inner stream.
/// </summary>
internal sealed class FullReadStream(Stream inner) : ForwardOnlyStream
{
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _failure;

    public override int Read(byte[] buffer, int offset, int count)
    {
        ThrowPendingFailure();
        var total = 0;
        try
        {
            int read;
            while (total < count && (read = inner.Read(buffer, offset + total, count - total)) > 0)
            {
                total += read;
            }
        }
        catch (Exception ex) when (total > 0)
        {
            _failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
        }

        return total;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ThrowPendingFailure();
        var total = 0;
        try
        {
            int read;
            while (total < count && (read = await inner.ReadAsync(buffer, offset + total, count - total, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }
        }
        catch (Exception ex) when (total > 0)
        {
            _failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
        }

        return total;
    }

#if NET8_0_OR_GREATER
    public override int Read(Span<byte> buffer)
    {
        ThrowPendingFailure();
        var total = 0;
        try
        {
            int read;
            while (total < buffer.Length && (read = inner.Read(buffer.Slice(total))) > 0)
            {
                total += read;
            }
        }
        catch (Exception ex) when (total > 0)
        {
            _failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
        }

        return total;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowPendingFailure();
        var total = 0;
        try
        {
            int read;
            while (total < buffer.Length && (read = await inner.ReadAsync(buffer.Slice(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }
        }
        catch (Exception ex) when (total > 0)
        {
            _failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
        }

        return total;
    }
#endif

    private void ThrowPendingFailure()
    {
        var failure = _failure;
        _failure = null;
        failure?.Throw();
    }
}
