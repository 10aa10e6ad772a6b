using System.Diagnostics;
using System.Text;

namespace KeySell.Cli.Tests;

/// <summary>
/// No input makes the built <c>keysell</c> use more than 300 MB: each test feeds the real executable a 300 MB file and
/// watches its peak resident set (VmHWM in /proc, which the kernel keeps as a high-water mark) while it runs.
/// </summary>
public sealed class MemoryBoundTests : IDisposable
{
    private const long Budget = 300L * 1024 * 1024;
    private const long InputBytes = 300L * 1024 * 1024;

    private const string Valid =
        """{"schema":"keysell.strategy-sheet/1","asOf":"2026-11-26","opportunity":{"name":"ERP","account":"Acme"},"influences":[{"id":"li-wei","name":"Li Wei","roles":["economic"],"support":2}]}""";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("keysell-memory-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Analyze_300MbJsonArray_ExitsTwoNamingTheLimitWithinTheMemoryBudget()
    {
        var file = Path.Combine(_folder.FullName, "huge.json");
        await WriteAsync(file, "[", Encoding.UTF8.GetBytes(Valid + ",\n"), Valid + "]");

        var (exitCode, error, peak) = await RunAsync("analyze", file);

        exitCode.ShouldBe(2);
        error.Trim().ShouldBe($"{file}: The sheet is larger than 2,000,000 bytes (the limit).");
        peak.ShouldBeLessThan(Budget);
    }

    [Fact]
    public async Task AnalyzeJsonl_300MbSingleLineBetweenGoodOnes_SkipsItWithinTheMemoryBudget()
    {
        var file = Path.Combine(_folder.FullName, "one-line.jsonl");
        await WriteAsync(file, Valid + "\n{\"opportunity\":\"", "xxxxxxxxxxxxxxxx"u8.ToArray(), "\"}\n" + Valid + "\n");

        var (exitCode, error, peak) = await RunAsync("analyze", file, "--jsonl");

        exitCode.ShouldBe(2);
        error.Trim().ShouldBe($"{file}:2: The sheet is larger than 2,000,000 bytes (the limit).");
        peak.ShouldBeLessThan(Budget);
    }

    /// <summary><paramref name="head"/>, then <paramref name="unit"/> repeated to about 300 MB, then <paramref name="tail"/>.</summary>
    private static async Task WriteAsync(string file, string head, byte[] unit, string tail)
    {
        var block = new byte[unit.Length * (1 << 20) / unit.Length];
        for (var i = 0; i + unit.Length <= block.Length; i += unit.Length) unit.CopyTo(block, i);
        var filled = block.Length / unit.Length * unit.Length;
        await using var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        await output.WriteAsync(Encoding.UTF8.GetBytes(head), TestContext.Current.CancellationToken);
        for (long written = 0; written < InputBytes; written += filled)
            await output.WriteAsync(block.AsMemory(0, filled), TestContext.Current.CancellationToken);
        await output.WriteAsync(Encoding.UTF8.GetBytes(tail), TestContext.Current.CancellationToken);
    }

    /// <summary>Runs the keysell built beside these tests; the peak is read from /proc until the process ends.</summary>
    private async Task<(int ExitCode, string Error, long PeakBytes)> RunAsync(params string[] args)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The peak resident set is read from /proc.");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "keysell.exe" : "keysell"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["KeySell__DataDirectory"] = _folder.FullName },
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status, TestContext.Current.CancellationToken))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        peak = Math.Max(peak, long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                break; // the process ended between the check and the read
            }
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await output;
        peak.ShouldBeGreaterThan(0, "the process ended before its memory could be read once");
        return (process.ExitCode, await error, peak);
    }
}
