using System.Diagnostics;
using KeySell.Application;
using KeySell.Application.Common;
using KeySell.Application.Funnel;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Teams;
using KeySell.Domain.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Benchmarks.Funnel;

/// <summary>
/// <c>work-queue DIR [RUNS]</c>: the work queue's first page (ListWorkQueue, the handler behind GET /api/work-queue and
/// Home's table) in-process on the migrated SQLite database DIR/keysell.db, for the callers the load harness uses
/// (bench/KeySell.Load): the busiest seller (scope me, and Home's circuit: GetMe + that page), the first manager by email (scope team:{their team}) and an
/// admin (scope all). Per scope: median and p95 of RUNS (default 50) after 3 warm-ups, each in a fresh DI scope as a
/// request is, the SQL statements per request and the time of each statement (to the first row; median over the runs).
/// The database is only read.
/// </summary>
public static class WorkQueueRun
{
    public static async Task<int> RunAsync(string directory, int runs)
    {
        var file = Path.Combine(directory, "keysell.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            [new("ConnectionStrings:KeySell", $"Data Source={file}"), new("KeySell:Database:Provider", "sqlite")]).Build();
        var caller = new Acting();
        var services = new ServiceCollection();
        services.AddKeySellData(configuration);
        services.AddKeySellHandlers();
        services.AddKeySellUsers();
        services.AddSingleton<ICurrentUser>(caller);
        await using var provider = services.BuildServiceProvider();

        // The same callers as the load harness picks (bench/KeySell.Load, Targets.FindAsync).
        (string UserId, Guid? Colleague, Role Role) seller, manager;
        Guid teamId;
        string? admin;
        await using (var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            seller = await UserAsync(connection, """
                SELECT u."Id" FROM "Opportunities" o JOIN "Colleagues" c ON c."Id" = o."OwnerId" JOIN "AspNetUsers" u ON u."ColleagueId" = c."Id"
                WHERE c."Email" LIKE 'seller.%' GROUP BY u."Id" ORDER BY COUNT(*) DESC LIMIT 1
                """);
            await using var team = connection.CreateCommand();
            team.CommandText = """
                SELECT u."Id", m."TeamId" FROM "TeamMembers" m JOIN "AspNetUsers" u ON u."Id" = m."UserId" WHERE m."Manager" ORDER BY u."Email" LIMIT 1
                """;
            await using (var reader = await team.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                teamId = Guid.Parse(reader.GetString(1));
                manager = await UserAsync(connection, $"SELECT '{reader.GetString(0)}'");
            }
            team.CommandText = """SELECT u."Id" FROM "AspNetUsers" u WHERE u."Role" = 3 LIMIT 1""";
            admin = await team.ExecuteScalarAsync() as string;
        }

        // WORK_QUEUE_PLAN=FILE: the plan (and the time of 20 runs) of the SQL in FILE on this database, nothing else.
        if (Environment.GetEnvironmentVariable("WORK_QUEUE_PLAN") is { } planFile)
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + await File.ReadAllTextAsync(planFile);
            await using (var plan = await command.ExecuteReaderAsync())
                while (await plan.ReadAsync()) Console.WriteLine("  plan: " + plan.GetValue(3));
            command.CommandText = await File.ReadAllTextAsync(planFile);
            var took = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var watch = Stopwatch.StartNew();
                var rows = 0;
                await using (var reader = await command.ExecuteReaderAsync()) while (await reader.ReadAsync()) rows++;
                took.Add(watch.Elapsed.TotalMilliseconds);
                if (i == 0) Console.WriteLine($"  {rows} rows");
            }
            Console.WriteLine($"  median {Median(took):0.00} ms, min {took.Min():0.00} ms");
            return 0;
        }

        Console.WriteLine($"{"scope",-34} {"runs",4} {"p50 ms",7} {"p95 ms",7} {"min ms",7} {"SQL/req",7} {"CPU ms",7} {"compiles",8}  total");
        await Measure("me (busiest seller)", seller, PipelineScope.Me);
        await Measure("Home's circuit (busiest seller)", seller, PipelineScope.Me, home: true);
        await Measure("team (its manager)", manager, PipelineScope.Team(teamId));
        await Measure("all (admin)", (admin ?? "", null, Role.Admin), PipelineScope.All);
        return 0;

        // home: what Home's interactive render runs on the circuit — GetMe (the scopes to offer), then the queue's first page.
        async Task Measure(string who, (string UserId, Guid? Colleague, Role Role) user, PipelineScope scope, bool home = false)
        {
            // WORK_QUEUE_ONLY=TEXT: only the scopes whose name contains TEXT (e.g. "me" under a profiler).
            if (Environment.GetEnvironmentVariable("WORK_QUEUE_ONLY") is { } only && !who.Contains(only, StringComparison.Ordinal)) return;
            caller.Set(user.UserId, user.Colleague, user.Role);
            var times = new List<double>();
            // WORK_QUEUE_PAGES=K: run i reads page 1 + i mod K, so the page's deals differ from one run to the next (as
            // between users) and nothing cached for one set of ids serves the next.
            var pages = int.TryParse(Environment.GetEnvironmentVariable("WORK_QUEUE_PAGES"), out var k) && k > 0 ? k : 1;
            var cpu = new List<double>();
            var process = Process.GetCurrentProcess();
            var statements = new Dictionary<string, List<double>>();
            var perRequest = 0;
            var compiled = new List<double>();
            Paged<WorkQueueItem>? last = null;
            for (var i = 0; i < runs + 3; i++)
            {
                await using var requestScope = provider.CreateAsyncScope();
                var handler = requestScope.ServiceProvider.GetRequiredService<ListWorkQueue.Handler>();
                using var counter = new CommandCounter();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                if (home && !(await requestScope.ServiceProvider.GetRequiredService<GetMe.Handler>().Handle(new GetMe.Query(), default)).Succeeded)
                    throw new InvalidOperationException("GetMe failed");
                var answer = await handler.Handle(new ListWorkQueue.Query(scope, new PageRequest(1 + i % pages, 25), "en"), default);
                watch.Stop();
                process.Refresh();
                var cpuTook = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                if (!answer.Succeeded) throw new InvalidOperationException(answer.Error!.Message);
                last = answer.Value;
                if (i < 3) continue;
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(cpuTook);
                perRequest = counter.Commands.Count;
                compiled.Add(counter.Compilations);
                foreach (var (took, text) in counter.Commands)
                {
                    if (!statements.TryGetValue(text, out var list)) statements[text] = list = [];
                    list.Add(took.TotalMilliseconds);
                }
            }
            times.Sort();
            Console.WriteLine($"{who,-34} {runs,4} {times[runs / 2],7:0.0} {times[(int)Math.Ceiling(runs * 0.95) - 1],7:0.0} {times[0],7:0.0} {perRequest,7} {Median(cpu),7:0.0} {compiled.Average(),8:0.0}  {last!.TotalCount:N0}{(last.TotalIsEstimate ? " (estimate)" : "")}");
            // WORK_QUEUE_SQL=1: each statement whole with its parameters (to copy into a WORK_QUEUE_PLAN file).
            foreach (var (text, took) in statements.OrderByDescending(s => Median(s.Value)))
                Console.WriteLine($"    {Median(took),7:0.00} ms  x{took.Count / runs}  {text}");
            if (Environment.GetEnvironmentVariable("WORK_QUEUE_ROWS") is not null)
                foreach (var item in last.Items)
                    Console.WriteLine($"    {item.Level,-8} {item.CloseDate} {item.Amount,14} {item.Currency,-4} {item.RedFlags,3} {item.TopFlag?.Id,-20} {item.TopFlag?.Message}");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<(string UserId, Guid? Colleague, Role Role)> UserAsync(SqliteConnection connection, string idSql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT u."Id", u."ColleagueId", u."Role" FROM "AspNetUsers" u WHERE u."Id" = ({idSql})""";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.IsDBNull(1) ? null : Guid.Parse(reader.GetString(1)), (Role)reader.GetInt32(2));
    }

    private sealed class Acting : ICurrentUser
    {
        public string Name => "bench:work-queue";
        public string? UserId { get; private set; }
        public Guid? ColleagueId { get; private set; }
        public Role? Role { get; private set; } = Domain.Teams.Role.Admin;

        public void Set(string? userId, Guid? colleagueId, Role role) => (UserId, ColleagueId, Role) = (userId, colleagueId, role);
    }

    /// <summary>Listens to EF's events for one request; disposing it ends the listening (else every request's counter would go on hearing the next ones).</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        public readonly List<(TimeSpan Took, string Text)> Commands = [];
        public int Compilations;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly IDisposable _listeners;

        public CommandCounter() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

        public void Dispose()
        {
            _listeners.Dispose();
            foreach (var subscription in _subscriptions) subscription.Dispose();
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) _subscriptions.Add(listener.Subscribe(this));
        }
        public void OnNext(KeyValuePair<string, object?> e)
        {
            // A LINQ query EF had no plan for in its cache: compiling one costs milliseconds of CPU.
            if (e.Key == CoreEventId.QueryCompilationStarting.Name) Interlocked.Increment(ref Compilations);
            // The time until the reader opened (the first row): a streamed query's per-row work is not in it.
            if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data)
            {
                var text = string.Join(' ', data.Command.CommandText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                lock (Commands) Commands.Add((data.Duration, Environment.GetEnvironmentVariable("WORK_QUEUE_SQL") is not null
                    ? data.Command.CommandText + "\n" + string.Join("\n", data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => $"-- {p.ParameterName} = {p.Value}"))
                    : text[..Math.Min(150, text.Length)]));
            }
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
