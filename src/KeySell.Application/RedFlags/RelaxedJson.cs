using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace KeySell.Application.RedFlags;

/// <summary>
/// JSON string text escaped as <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> escapes it, which keeps
/// Chinese readable; what a <c>Utf8JsonWriter</c> with that encoder writes for the same text, byte for byte.
/// </summary>
internal static class RelaxedJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The text as a JSON string value, quotes included.</summary>
    public static void WriteString(IBufferWriter<byte> json, ReadOnlySpan<char> text)
    {
        json.Write("\""u8);
        WriteEscaped(json, text);
        json.Write("\""u8);
    }

    /// <summary>The text escaped for the inside of a JSON string, without quotes.</summary>
    public static void WriteEscaped(IBufferWriter<byte> json, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var utf8 = most <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, utf8);
            // Escaping a byte takes at most six (\uXXXX), so the encoder always has room to finish.
            var destination = json.GetSpan(length * 6);
            Encoder.EncodeUtf8(utf8[..length], destination, out _, out var written);
            json.Advance(written);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
