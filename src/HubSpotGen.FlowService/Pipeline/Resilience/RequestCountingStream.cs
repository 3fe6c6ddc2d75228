namespace HubSpotGen.FlowService;

/// <summary>
/// The plaintext side of one HTTP/1.1 connection, counting the requests written on it into the current
/// <see cref="AttemptHistory"/>. SocketsHttpHandler repeats a request without a body on its own when the
/// connection closes before any answer (a DELETE whose answer was lost), and no handler above it sees that; the
/// count of requests written against answers received does. HTTP/1.1 writes a request from the caller's own async
/// flow, which is how the history is found.
/// </summary>
internal sealed class RequestCountingStream(Stream inner) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Count(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>A write that starts with a request line (<c>METHOD /path</c>) is a request going out.</summary>
    private static void Count(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length && bytes[index] is >= (byte)'A' and <= (byte)'Z')
        {
            index++;
        }

        if (index > 0 && index + 1 < bytes.Length && bytes[index] == (byte)' ' && bytes[index + 1] is (byte)'/' or (byte)'h')
        {
            AttemptHistory.RecordRequestWritten();
        }
    }
}
