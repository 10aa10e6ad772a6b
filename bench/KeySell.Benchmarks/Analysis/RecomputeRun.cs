using System.Diagnostics;
using System.Globalization;
using KeySell.Application.Analysis;
using KeySell.Application.Data;
using KeySell.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Benchmarks.Analysis;

/// <summary>
/// <c>recompute DIR</c>: the daily stored-analysis run on a copy of a generated database (DIR/keysell.db, SQLite), as
/// the morning after finds it: every summary is dated yesterday, then <see cref="RefreshStoredAnalyses"/> judges every
/// open deal again, as <c>StoredAnalysisRefresh</c> does. Prints the time, deals per second, and the process's resident
/// memory sampled every second (the peak from the kernel's VmHWM), to show the run is flat in memory. Then times
/// the work queue's first page for the scopes the issue names. It writes the copy: never point it at a shared database.
/// </summary>
public static class RecomputeRun
{
    /// <param name="limit">Date only this many open deals' summaries (lowest ids) yesterday, the rest today, for a
    /// shorter run; null dates every summary yesterday.</param>
    public static async Task<int> RunAsync(string directory, int? limit = null)
    {
        var file = Path.Combine(directory, "keysell.db");
        var host = new CliHost([new("ConnectionStrings:KeySell", $"Data Source={file}"), new("KeySell:Database:Provider", "sqlite")]);
        return await host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var today = StoredAnalyses.Today(TimeProvider.System);
            var aside = Stopwatch.StartNew();
            var dated = await db.AnalysisSummaries.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(x => x.AsOf, limit is null ? today.AddDays(-1) : today));
            if (limit is { } n)
            {
                var first = db.Opportunities.IgnoreQueryFilters()
                    .Where(o => o.FunnelLevel != Domain.Opportunities.FunnelLevel.Won && o.FunnelLevel != Domain.Opportunities.FunnelLevel.Lost)
                    .OrderBy(o => o.Id).Select(o => o.Id).Take(n);
                dated = await db.AnalysisSummaries.IgnoreQueryFilters().Where(s => first.Contains(s.OpportunityId))
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.AsOf, today.AddDays(-1)));
            }
            Console.WriteLine($"dated {dated} summaries yesterday in {aside.Elapsed.TotalSeconds:0.0} s (not part of the run)");

            var samples = new List<(double Seconds, long RssMb, long HeapMb)>();
            using var stop = new CancellationTokenSource();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    samples.Add((watch.Elapsed.TotalSeconds, Rss("VmRSS") / 1024, GC.GetTotalMemory(false) / 1048576));
                    try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { }
                }
            });
            var judged = await services.GetRequiredService<RefreshStoredAnalyses.Handler>().Handle(new RefreshStoredAnalyses.Command(OutdatedOnly: true), default);
            watch.Stop();
            // CPU time of the run (all threads; SQLite's work included): less at the mercy of a loaded machine than the wall time.
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await stop.CancelAsync();
            await sampler;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"judged {judged} open deals in {watch.Elapsed.TotalSeconds:0.0} s ({judged / watch.Elapsed.TotalSeconds:0} deals/s); CPU {cpu.TotalSeconds:0.0} s ({judged / cpu.TotalSeconds:0} deals per CPU-second); peak RSS {Rss("VmHWM") / 1024} MB"));
            // The first sample is taken before the run has read anything; min and max over the rest say whether memory stays flat.
            var running = samples.Skip(1).DefaultIfEmpty(samples[0]).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RSS sampled every second while running ({running.Count} samples): min {running.Min(x => x.RssMb)} MB, max {running.Max(x => x.RssMb)} MB; managed heap {running.Min(x => x.HeapMb)}–{running.Max(x => x.HeapMb)} MB"));
            var step = Math.Max(1, samples.Count / 10);
            foreach (var (seconds, rss, heap) in samples.Where((_, i) => i % step == 0).Append(samples[^1]))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  at {seconds,6:0} s: RSS {rss,5} MB, managed heap {heap,5} MB"));
            var left = await db.AnalysisSummaries.IgnoreQueryFilters().CountAsync(s => s.AsOf != today
                && db.Opportunities.IgnoreQueryFilters().Any(o => o.Id == s.OpportunityId && o.DeletedAt == null && o.FunnelLevel != Domain.Opportunities.FunnelLevel.Won && o.FunnelLevel != Domain.Opportunities.FunnelLevel.Lost));
            Console.WriteLine($"open deals still dated before today: {left}");
            return 0;
        });
    }

    /// <summary>A line of /proc/self/status in kB: VmRSS now, VmHWM the peak.</summary>
    private static long Rss(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return 0;
    }
}
