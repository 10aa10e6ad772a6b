using System.Data.Common;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Data.Sql;
using KeySell.Application.Funnel;
using KeySell.Domain.Accounts;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KeySell.Application.Tests.Funnel;

/// <summary>
/// How SQLite reads one seller's work queue (decision 0019, amendment): the owner's open deals are walked in queue
/// order along <c>IX_Opportunities_WorkQueueByOwner</c>, not all read through another index and sorted whole — the
/// difference between 0.3 ms and 20–35 ms for a seller with 5,000 deals. Checked on the plan of the very statement
/// the handler sends, so a change to the order or the filter that loses the index fails here.
/// </summary>
public sealed class ListWorkQueuePlanTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"keysell-queue-plan-{Guid.NewGuid():N}.db");
    private readonly Colleague _seller = new() { Name = "Chen Ming" };
    private readonly List<DbCommand> _sent = [];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={_file}");
        await db.Database.MigrateAsync(ct);
        var other = new Colleague { Name = "Wang Lei" };
        var account = new Account { Name = "East China Steel" };
        db.AddRange(_seller, other, account);
        var levels = new[] { FunnelLevel.Universe, FunnelLevel.Above, FunnelLevel.In, FunnelLevel.BestFew, FunnelLevel.Won };
        for (var i = 0; i < 40; i++)
        {
            db.Add(new Opportunity
            {
                AccountId = account.Id, Name = $"Deal {i:00}", OwnerId = i % 4 == 0 ? other.Id : _seller.Id, FunnelLevel = levels[i % levels.Length],
                Objective = new() { Amount = 1000m + i, Currency = "CNY", CloseDate = new DateOnly(2027, 1 + i % 12, 1) },
            });
        }
        await db.SaveChangesAsync(ct);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Handle_ScopeMe_WalksTheOwnersQueueIndexInsteadOfSortingEveryDeal()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={_file}");
        options.AddInterceptors(new Recorder(_sent));
        await using var db = new AppDbContext(options.Options, TimeProvider.System, new Seller(_seller.Id));

        var page = (await new ListWorkQueue.Handler(db, TimeProvider.System).Handle(new ListWorkQueue.Query(PipelineScope.Me, new PageRequest(1, 5), "en"), ct)).Value;

        page.TotalCount.ShouldBe(24, "30 of the 40 deals are the seller's, 6 of those won");
        var pageQuery = _sent.Single(c => c.CommandText.Contains("ORDER BY", StringComparison.Ordinal) && c.CommandText.Contains("LIMIT", StringComparison.Ordinal)
            && c.CommandText.Contains("\"AccountName\"", StringComparison.Ordinal));
        var plan = await PlanAsync(db, pageQuery, ct);
        plan.ShouldContain(step => step.Contains(WorkQueueSql.ByOwnerIndexName, StringComparison.Ordinal), string.Join(Environment.NewLine, plan));
        plan.ShouldNotContain(step => step.StartsWith("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal), string.Join(Environment.NewLine, plan));
    }

    private static async Task<List<string>> PlanAsync(AppDbContext db, DbCommand sent, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var explain = db.Database.GetDbConnection().CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sent.CommandText;
        foreach (DbParameter parameter in sent.Parameters)
        {
            var copy = explain.CreateParameter();
            (copy.ParameterName, copy.Value) = (parameter.ParameterName, parameter.Value);
            explain.Parameters.Add(copy);
        }
        var steps = new List<string>();
        await using var rows = await explain.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct)) steps.Add(rows.GetString(3));
        return steps;
    }

    private sealed class Recorder(List<DbCommand> sent) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            sent.Add(command);
            return ValueTask.FromResult(result);
        }
    }

    private sealed record Seller(Guid Colleague) : ICurrentUser
    {
        public string Name => "test:seller";
        public string? UserId => "seller-user";
        public Guid? ColleagueId => Colleague;
        public Role? Role => Domain.Teams.Role.Seller;
    }
}
