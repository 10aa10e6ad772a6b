namespace KeySell.Application.Common;

/// <summary>Reads a whole stream only if it is small enough, holding at most one byte more than the limit.</summary>
public static class BoundedRead
{
    /// <summary>
    /// The stream's bytes, or null as soon as it has more than <paramref name="limit"/>. The buffer starts at the
    /// declared length when there is one (a file's size, a Content-Length) and otherwise grows by doubling, never past
    /// <paramref name="limit"/> + 1.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream stream, int limit, long? declaredLength, CancellationToken cancellationToken)
    {
        var buffer = new byte[(int)Math.Clamp((declaredLength ?? 16 * 1024) + 1, 1, limit + 1L)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit) return null;
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit + 1L));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0) return buffer.AsMemory(0, length);
            length += read;
        }
    }
}
