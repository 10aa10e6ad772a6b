using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Domain.Teams;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Tests.Setup;

/// <summary>
/// Several app servers behind a load balancer start at the same moment on one empty database:
/// every one must come up, and the admin and the demo must exist exactly once.
/// </summary>
public abstract class StartupRaceTests
{
    protected abstract Task<(Func<KeySellApp> NewServer, Func<Task> Cleanup)> SharedDatabaseAsync();

    [Fact]
    public async Task Start_ThreeServersAtOnceOnAnEmptyDatabase_AllUp_AdminAndDemoOnce()
    {
        var (newServer, cleanup) = await SharedDatabaseAsync();
        var servers = Enumerable.Range(0, 3).Select(_ => newServer()).ToList();
        try
        {
            using var go = new Barrier(servers.Count);
            // Each host starts on a thread of its own, all released together, as processes started by one deploy.
            await Task.WhenAll(servers.Select(server => Task.Factory.StartNew(() =>
            {
                go.SignalAndWait(TestContext.Current.CancellationToken);
                _ = server.Server;
            }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

            foreach (var server in servers)
            {
                using var client = server.CreateClient();
                var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
                ((int)health.StatusCode).ShouldBe(200);
            }

            await servers[0].WithDbAsync(async db =>
            {
                var ct = TestContext.Current.CancellationToken;
                (await db.Users.CountAsync(u => u.Role == Role.Admin, ct)).ShouldBe(1);
                (await db.Roles.CountAsync(ct)).ShouldBe(await db.Roles.Select(r => r.NormalizedName).Distinct().CountAsync(ct));
                // The demo (README): East China Steel Group and five deals, seeded by one server only.
                (await db.Accounts.CountAsync(a => a.Name.Contains("East China Steel Group") || a.Name.Contains("华东钢铁集团"), ct)).ShouldBe(1);
                (await db.Opportunities.CountAsync(ct)).ShouldBe(5);
            });
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
            await cleanup();
        }
    }

    /// <summary>A server with the demo switched on (the suite's fixtures switch it off).</summary>
    private sealed class DemoServer(DatabaseProvider provider, IEnumerable<KeyValuePair<string, string>> database) : KeySellApp
    {
        public override DatabaseProvider Provider => provider;
        protected override IEnumerable<KeyValuePair<string, string>> DatabaseSettings() => database;
        protected override IEnumerable<KeyValuePair<string, string>> AppSettings() => [new("KeySell:SeedDemoData", "true")];
    }

    protected static KeySellApp NewServer(DatabaseProvider provider, params KeyValuePair<string, string>[] database) => new DemoServer(provider, database);
}

public sealed class StartupRaceTests_Sqlite : StartupRaceTests
{
    protected override Task<(Func<KeySellApp>, Func<Task>)> SharedDatabaseAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "keysell-tests", Guid.NewGuid().ToString("N"));
        return Task.FromResult<(Func<KeySellApp>, Func<Task>)>((
            () => NewServer(DatabaseProvider.Sqlite, new("KeySell:Database:Provider", "sqlite"), new("KeySell:DataDirectory", directory)),
            () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
                return Task.CompletedTask;
            }));
    }
}

public sealed class StartupRaceTests_Postgres : StartupRaceTests
{
    protected override async Task<(Func<KeySellApp>, Func<Task>)> SharedDatabaseAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("keysell_race");
        return (
            () => NewServer(DatabaseProvider.Postgres, new("KeySell:Database:Provider", "postgres"), new("ConnectionStrings:KeySell", connectionString)),
            () => PostgresServer.DropDatabaseAsync(connectionString));
    }
}
