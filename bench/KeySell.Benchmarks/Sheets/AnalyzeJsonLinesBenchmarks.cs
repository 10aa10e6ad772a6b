using System.Text;
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
        return PlainJsonLines.Copy(reader, Stream.Null);
    }

    [Benchmark(Description = "keysell analyze --jsonl")]
    public int AnalyzeLines()
    {
        using var input = new MemoryStream(_input);
        using var output = new StreamWriter(Stream.Null, SheetInput.Utf8, 1 << 16);
        var terminal = new Terminal(output, TextWriter.Null, input);
        return AnalyzeCommand.AnalyzeLines(
            "-", terminal, StrategyAnalyzer.Default, RedFlagWords.For("en"), SheetGenerator.AsOf, overrides: false, CancellationToken.None);
    }
}
