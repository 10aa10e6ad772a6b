using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KeySell.Application.RedFlags;
using KeySell.Cli;
using KeySell.Cli.Commands;
using KeySell.Cli.Sheets;
using KeySell.Domain.Sheets;

namespace KeySell.Benchmarks.Sheets;

/// <summary>
/// <c>keysell analyze --jsonl</c> in-process over generated sheets, against reading and writing the same lines with
/// System.Text.Json alone. Target (issue 3): at most 1.5× the baseline.
/// </summary>
[MemoryDiagnoser]
public class AnalyzeJsonLinesBenchmarks
{
    private const int Lines = 10_000;
    private byte[] _input = [];

    [GlobalSetup]
    public void Setup()
    {
        using var buffer = new MemoryStream();
        new SheetGenerator(seed: 1).Write(buffer, Lines);
        _input = buffer.ToArray();
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json: parse and write back each line")]
    public long ReadAndWriteLines()
    {
        using var reader = new StreamReader(new MemoryStream(_input), Encoding.UTF8);
        using var output = new StreamWriter(Stream.Null, Encoding.UTF8, 1 << 16);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        long written = 0;
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            document.RootElement.WriteTo(writer);
            writer.Flush();
            output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            written += buffer.WrittenCount;
        }
        return written;
    }

    [Benchmark(Description = "keysell analyze --jsonl")]
    public async Task<int> AnalyzeLines()
    {
        using var input = new StreamReader(new MemoryStream(_input), Encoding.UTF8);
        await using var output = new StreamWriter(Stream.Null, Encoding.UTF8, 1 << 16);
        var terminal = new Terminal(output, TextWriter.Null, input);
        return await AnalyzeCommand.AnalyzeLinesAsync(
            "-", terminal, StrategyAnalyzer.Default, RedFlagWords.For("en"), SheetGenerator.AsOf, overrides: false, CancellationToken.None);
    }
}
