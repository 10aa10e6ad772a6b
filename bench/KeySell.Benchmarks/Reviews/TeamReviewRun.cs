using System.Diagnostics;
using KeySell.Application;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Reviews;
using KeySell.Cli;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Benchmarks.Reviews;

/// <summary>
/// <c>team-review FILE</c>: the team review's cost on an existing SQLite database (a copy of one made by
/// <c>keysell generate-data</c>; it is migrated first). Picks the team whose members own the most open deals, then
/// times and counts the queries of <c>GetTeamReview</c> (first page of 50 deals) as an admin and as that team's
/// manager (whose reads go through the access filters), three runs each after one to warm up.
/// </summary>
public static class TeamReviewRun
{
    public static async Task<int> RunAsync(string file)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            [new("ConnectionStrings:KeySell", $"Data Source={file}"), new("KeySell:Database:Provider", "sqlite")]).Build();
        var caller = new Acting();
        var services = new ServiceCollection();
        services.AddKeySellData(configuration);
        services.AddKeySellHandlers();
        services.AddKeySellUsers();
        services.AddSingleton<ICurrentUser>(caller);
        await using var provider = services.BuildServiceProvider();

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var migrated = await CliHost.MigrateAsync(db, default);
            Console.WriteLine($"migrations applied: {string.Join(", ", migrated)}");
        }

        Guid teamId; string managerId; Guid? managerColleague; int open;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var openByOwner = await db.Opportunities.Where(o => o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost && o.OwnerId != null)
                .GroupBy(o => o.OwnerId!.Value).Select(g => new { Owner = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Owner, g => g.Count);
            var members = await (from m in db.TeamMembers join u in db.Users on m.UserId equals u.Id select new { m.TeamId, u.Id, u.ColleagueId, m.Manager }).ToListAsync();
            var best = members.GroupBy(m => m.TeamId)
                .Select(g => (Team: g.Key, Open: g.Sum(m => m.ColleagueId is { } c ? openByOwner.GetValueOrDefault(c) : 0), Manager: g.FirstOrDefault(m => m.Manager)))
                .Where(t => t.Manager is not null).OrderByDescending(t => t.Open).First();
            (teamId, managerId, managerColleague, open) = (best.Team, best.Manager!.Id, best.Manager.ColleagueId, best.Open);
            Console.WriteLine($"team {teamId}: {members.Count(m => m.TeamId == teamId)} members owning {open} open deals; {await db.Opportunities.CountAsync()} deals in the database");
        }

        foreach (var (who, userId, colleague, role) in new[] { ("admin", (string?)null, (Guid?)null, Role.Admin), ("the team's manager", managerId, managerColleague, Role.Manager) })
        {
            caller.Set(userId, colleague, role);
            var runs = new List<(TimeSpan Elapsed, int Queries)>();
            for (var i = 0; i < 4; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<GetTeamReview.Handler>();
                var counter = new CommandCounter();
                using var subscription = DiagnosticListener.AllListeners.Subscribe(counter);
                var memory = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                var answer = await handler.Handle(new GetTeamReview.Query(teamId, null, new PageRequest(1, 50)), default);
                watch.Stop();
                if (!answer.Succeeded) throw new InvalidOperationException(answer.Error!.Message);
                if (i == 0)
                {
                    Console.WriteLine($"  as {who}: {answer.Value.Deals.TotalCount} open deals, {answer.Value.RedFlags.Count} rules, riskiest {answer.Value.Riskiest.Count}, warm-up {watch.Elapsed.TotalMilliseconds:0} ms");
                    continue;
                }
                runs.Add((watch.Elapsed, counter.Count));
                Console.WriteLine($"  as {who}, run {i}: {watch.Elapsed.TotalMilliseconds:0} ms, {counter.Count} queries, {(GC.GetAllocatedBytesForCurrentThread() - memory) / 1048576.0:0.0} MB allocated on this thread");
                if (i == 3)
                    foreach (var (took, text) in counter.Commands.OrderByDescending(c => c.Took).Take(4))
                        Console.WriteLine($"    {took.TotalMilliseconds,8:0} ms  {text}");
            }
        }
        return 0;
    }

    private sealed class Acting : ICurrentUser
    {
        public string Name => "bench:team-review";
        public string? UserId { get; private set; }
        public Guid? ColleagueId { get; private set; }
        public Role? Role { get; private set; } = Domain.Teams.Role.Admin;

        public void Set(string? userId, Guid? colleagueId, Role role) => (UserId, ColleagueId, Role) = (userId, colleagueId, role);
    }

    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public int Count;
        public readonly List<(TimeSpan Took, string Text)> Commands = [];
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(this);
        }
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key != RelationalEventId.CommandExecuted.Name) return;
            Interlocked.Increment(ref Count);
            // The time until the reader opened (the first row): a streamed query's per-row work is not in it.
            if (e.Value is CommandExecutedEventData data)
                lock (Commands) Commands.Add((data.Duration, string.Join(' ', data.Command.CommandText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Substring(0, Math.Min(140, data.Command.CommandText.Length))));
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
