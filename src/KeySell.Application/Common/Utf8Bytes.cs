using System.Text;
using System.Text.Unicode;

namespace KeySell.Application.Common;

/// <summary>Where UTF-8 input stops being UTF-8, so the caller can say which byte to fix instead of storing U+FFFD.</summary>
public static class Utf8Bytes
{
    /// <summary>The offset (from 0) of the first byte that does not belong to a valid UTF-8 sequence, or −1 when all do.</summary>
    public static long FirstInvalid(ReadOnlySpan<byte> utf8)
    {
        // The vectorised check answers for nearly all input; only bad input is walked a character at a time.
        if (Utf8.IsValid(utf8)) return -1;
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        return -1;
    }
}
