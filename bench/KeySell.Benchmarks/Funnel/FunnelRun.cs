using System.Data.Common;
using System.Diagnostics;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Funnel;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Benchmarks.Funnel;

/// <summary>
/// <c>funnel DIR [RUNS]</c>: the funnel summary (GetFunnelSummary, the handler behind GET /api/funnel and the board)
/// on the SQLite database DIR/keysell.db, against the plain SQL <c>GROUP BY</c> over the same rows timed in the same
/// run (issue 9: ≤ 300 ms and ≤ 2× that floor): as an admin over everything, and as the seller owning most deals
/// over their own. Each figure is the median of RUNS (default 15) after one warm-up; the database is only read.
/// </summary>
public static class FunnelRun
{
    public static async Task<int> RunAsync(string directory, int runs)
    {
        var connection = $"Data Source={Path.Combine(directory, "keysell.db")};Mode=ReadOnly";
        Guid busiest;
        string? busiestUser;
        await using (var probe = AppDbContextFactory.Create(DatabaseProvider.Sqlite, connection))
        {
            busiest = (await probe.Opportunities.Where(o => o.OwnerId != null).GroupBy(o => o.OwnerId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync())!.Value;
            busiestUser = await probe.Users.Where(u => u.ColleagueId == busiest).Select(u => u.Id).FirstOrDefaultAsync();
            var open = await probe.Opportunities.CountAsync();
            Console.WriteLine($"{open:N0} live deals; the busiest owner {busiest} owns {await probe.Opportunities.CountAsync(o => o.OwnerId == busiest):N0}");
        }

        // The floor reads the funnel's covering index, its fastest plan: left to itself SQLite's planner may take the
        // board's index (level first, so no sort for the GROUP BY) and read every wide row, 4x slower.
        const string Floor = """
            SELECT "FunnelLevel", "ObjectiveCurrency", COUNT(*), SUM("ObjectiveAmount") FROM "Opportunities" INDEXED BY "IX_Opportunities_Funnel"
            WHERE "DeletedAt" IS NULL {0} GROUP BY "FunnelLevel", "ObjectiveCurrency"
            """;
        await Measure("admin, scope all", new Caller(null, null, Role.Admin), "all",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Floor, ""), null);
        await Measure("busiest seller, scope me", new Caller(busiestUser, busiest, Role.Seller), "me",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Floor, "AND \"OwnerId\" = $owner"), busiest);
        // A close-date range is not in the running totals (decision 0022): these read the deals themselves.
        await Measure("admin, scope all, closing in 2027 Q1", new Caller(null, null, Role.Admin), "all",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Floor, "AND \"ObjectiveCloseDate\" BETWEEN '2027-01-01' AND '2027-03-31'"), null, ("2027-01-01", "2027-03-31"));
        await Measure("busiest seller, scope me, closing in 2027 Q1", new Caller(busiestUser, busiest, Role.Seller), "me",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Floor, "AND \"OwnerId\" = $owner AND \"ObjectiveCloseDate\" BETWEEN '2027-01-01' AND '2027-03-31'"), busiest, ("2027-01-01", "2027-03-31"));
        await MeasureBoard("admin, scope all", new Caller(null, null, Role.Admin), "all");
        await MeasureBoard("busiest seller, scope me", new Caller(busiestUser, busiest, Role.Seller), "me");
        return 0;

        // The board's columns: each the first ListFunnelBoard.DefaultTake cards of one level in the work queue's order.
        async Task MeasureBoard(string who, Caller caller, string scope)
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, connection);
            await using var db = new AppDbContext(options.Options, TimeProvider.System, caller);
            var handler = new ListFunnelBoard.Handler(db);
            foreach (var level in GetFunnelSummary.Order)
            {
                var query = new ListFunnelBoard.Query(level, scope);
                var cards = (await handler.Handle(query, default)).Value;
                var ms = await MedianAsync(runs, () => handler.Handle(query, default));
                Console.WriteLine($"{who}: board column {level} ({cards.Count} cards) {ms:0.0} ms");
            }
        }

        async Task Measure(string who, Caller caller, string scope, string floorSql, Guid? owner, (string From, string To)? close = null)
        {
            var sql = new List<string>();
            var options = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, connection);
            options.EnableSensitiveDataLogging().LogTo(line => sql.Add(line), [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
            await using var db = new AppDbContext(options.Options, TimeProvider.System, caller);
            var handler = new GetFunnelSummary.Handler(db);
            var query = new GetFunnelSummary.Query(scope, close?.From, close?.To);
            var summary = (await handler.Handle(query, default)).Value;
            if (Environment.GetEnvironmentVariable("FUNNEL_SQL") is not null) foreach (var line in sql) Console.WriteLine(line);
            if (Environment.GetEnvironmentVariable("FUNNEL_PLAN") is { } planSql)
            {
                await db.Database.OpenConnectionAsync();
                await using var explain = db.Database.GetDbConnection().CreateCommand();
                explain.CommandText = (Environment.GetEnvironmentVariable("FUNNEL_RAW") is null ? "EXPLAIN QUERY PLAN " : "") + File.ReadAllText(planSql);
                await using var rows = await explain.ExecuteReaderAsync();
                while (await rows.ReadAsync()) Console.WriteLine("  plan: " + string.Join(" ", Enumerable.Range(0, rows.FieldCount).Select(rows.GetValue)));
                await db.Database.CloseConnectionAsync();
            }
            var handlerMs = await MedianAsync(runs, () => handler.Handle(query, default));

            var raw = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var floorMs = await MedianAsync(runs, async () =>
            {
                await using var command = raw.CreateCommand();
                command.CommandText = floorSql;
                if (owner is { } id) Add(command, "$owner", id.ToString().ToUpperInvariant());
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
            });
            await db.Database.CloseConnectionAsync();
            Console.WriteLine($"{who}: summary {handlerMs:0.0} ms, plain GROUP BY {floorMs:0.0} ms, ratio {handlerMs / floorMs:0.00}");
            Console.WriteLine("  " + string.Join(" | ", summary.Levels.Select(l => $"{l.Level} {l.Count:N0} {l.Amount:N2} premature {l.Premature:N0}")) + $" | unconverted {summary.Unconverted:N0}");
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<double> MedianAsync(int runs, Func<Task> work)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[runs / 2];
    }

    private sealed record Caller(string? UserId, Guid? ColleagueId, Role? Role) : ICurrentUser
    {
        public string Name => "bench";
    }
}
