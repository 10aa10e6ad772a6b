using System.Text.Encodings.Web;
using System.Text.Json;

namespace KeySell.Benchmarks.Sheets;

/// <summary>
/// The yardstick of issue 3's second target: the plainest efficient program that reads and writes the same lines
/// with System.Text.Json alone. Each line is read as text, parsed into a document and written back as UTF-8 straight
/// to the output, escaped as keysell escapes; what <c>keysell analyze --jsonl</c> does on top is the method's work.
/// </summary>
public static class PlainJsonLines
{
    public static long Copy(TextReader reader, Stream output)
    {
        using var buffered = new BufferedStream(output, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        long written = 0;
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.WriteTo(writer);
            writer.Flush();
            buffered.WriteByte((byte)'\n');
            written += writer.BytesCommitted + 1;
            writer.Reset();
        }
        return written;
    }

    /// <summary><c>stj-lines FILE</c>: the same over a file to standard output, to time beside <c>keysell analyze FILE --jsonl</c>.</summary>
    public static int Run(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var output = Console.OpenStandardOutput();
        Copy(reader, output);
        return 0;
    }
}
