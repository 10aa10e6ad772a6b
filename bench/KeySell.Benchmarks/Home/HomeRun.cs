using System.Diagnostics;
using KeySell.Application.Analysis;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Funnel;
using KeySell.Application.Opportunities;
using KeySell.Application.Sheets;
using KeySell.Cli;
using KeySell.Cli.Sheets;
using KeySell.Domain.Colleagues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Benchmarks.Home;

/// <summary>
/// <c>home DIR [DEALS]</c>: Home's cost for one seller owning many deals (issue 8: 4,878 deals took 5.1 s and
/// 24,442 queries per render). Imports that many generated sheets owned by one seller into a new SQLite database
/// in DIR (every save writes its stored summary), then times and counts the queries of a Home page (the work order,
/// first and last page), a batch recompute of every summary, and an unchanged sheet save.
/// </summary>
public static class HomeRun
{
    public static async Task<int> RunAsync(string directory, int deals)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "home.db");
        foreach (var old in Directory.GetFiles(directory, "home.db*")) File.Delete(old);
        var host = new CliHost([new("ConnectionStrings:KeySell", $"Data Source={file}"), new("KeySell:Database:Provider", "sqlite")]);
        return await host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            var seller = db.Colleagues.Add(new Colleague { Name = "Seller" }).Entity;
            await db.SaveChangesAsync();

            var lines = new MemoryStream();
            new SheetGenerator(1).Write(lines, deals);
            lines.Position = 0;
            using var reader = new StreamReader(lines);
            var import = Stopwatch.StartNew();
            var imported = 0;
            var counter = new CommandCounter();
            using var subscription = DiagnosticListener.AllListeners.Subscribe(counter);
            while (await reader.ReadLineAsync() is { } line)
            {
                if (imported % 500 == 0) Console.Error.WriteLine($"{imported} sheets, {import.Elapsed.TotalSeconds:0.0} s, {counter.Count} queries");
                var sheet = SheetReader.Read(line).Sheet!;
                var result = await services.GetRequiredService<ImportSheet.Handler>().Handle(new ImportSheet.Command(sheet, seller.Id), default);
                if (!result.Succeeded) throw new InvalidOperationException(result.Error!.Message);
                db.ChangeTracker.Clear();
                imported++;
            }
            import.Stop();
            subscription.Dispose();
            Console.WriteLine($"imported {imported} sheets owned by one seller in {import.Elapsed.TotalSeconds:0.0} s ({imported / import.Elapsed.TotalSeconds:0} sheets/s, each with its stored summary)");

            // The CLI host acts as the operator, who reads everything: scope all is the one seller's deals here.
            var list = services.GetRequiredService<ListWorkQueue.Handler>();
            var lastPage = (deals + PageRequest.DefaultSize - 1) / PageRequest.DefaultSize;
            foreach (var page in new[] { 1, lastPage })
            {
                await list.Handle(new ListWorkQueue.Query(PipelineScope.All, new PageRequest(page)), default);
                var (elapsed, queries) = await MeasureAsync(db, 50, () => list.Handle(new ListWorkQueue.Query(PipelineScope.All, new PageRequest(page)), default));
                Console.WriteLine($"Home work queue, page {page} of {lastPage} ({PageRequest.DefaultSize} rows): {elapsed.TotalMilliseconds:0.00} ms, {queries} queries");
            }

            var ids = await db.Opportunities.Select(o => o.Id).ToListAsync();
            var memoryBefore = GC.GetTotalMemory(true);
            var refresh = Stopwatch.StartNew();
            var judged = await services.GetRequiredService<RefreshStoredAnalyses.Handler>().Handle(new RefreshStoredAnalyses.Command(), default);
            refresh.Stop();
            Console.WriteLine($"recomputed every stored summary ({judged}) in {refresh.Elapsed.TotalSeconds:0.00} s ({judged / refresh.Elapsed.TotalSeconds:0} deals/s), managed heap {memoryBefore / 1048576} MB before, {GC.GetTotalMemory(false) / 1048576} MB after");

            var id = ids[ids.Count / 2];
            var export = await services.GetRequiredService<ExportSheet.Handler>().HandleVersioned(new ExportSheet.Query(id), default);
            db.ChangeTracker.Clear();
            var (save, saveQueries) = await MeasureAsync(db, 20, async () =>
            {
                await services.GetRequiredService<ApplySheet.Handler>().Handle(new ApplySheet.Command(id, export.Value.Sheet, export.Value.Tag), default);
                db.ChangeTracker.Clear();
            });
            var people = await db.People.CountAsync(p => p.AccountId == db.Opportunities.Where(o => o.Id == id).Select(o => o.AccountId).First());
            Console.WriteLine($"unchanged sheet save on an account with {people} people: {save.TotalMilliseconds:0.00} ms, {saveQueries} queries");
            return 0;
        });
    }

    private static async Task<(TimeSpan Each, int Queries)> MeasureAsync(AppDbContext db, int runs, Func<Task> work)
    {
        var counter = new CommandCounter();
        using var subscription = System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(counter);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) await work();
        watch.Stop();
        return (watch.Elapsed / runs, counter.Count / runs);
    }

    /// <summary>Counts the SQL commands EF Core executes (its diagnostic events), as the issue counted Home's queries.</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public int Count;
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(this);
        }
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuted.Name) Interlocked.Increment(ref Count);
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
