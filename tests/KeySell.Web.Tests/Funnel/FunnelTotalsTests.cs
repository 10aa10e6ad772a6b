using System.Globalization;
using FsCheck.Xunit;
using KeySell.Application.Analysis;
using KeySell.Application.Data;
using KeySell.Application.Data.Sql;
using KeySell.Domain.Accounts;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Common;
using KeySell.Domain.Opportunities;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Funnel;

/// <summary>
/// The funnel's running totals (decision 0022) against the deals themselves, counted one by one in C#: whatever writes
/// the deals — EF's saves, <c>ExecuteUpdate</c> over many rows at once, a deletion past EF — the totals per owner, level
/// and currency stay exactly what the live deals add up to, on both databases.
/// </summary>
public abstract class FunnelTotalsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    public enum Write { Add, Move, Reprice, ChangeCurrency, Reassign, Premature, SoftDelete, Restore, Purge, MoveMany }

    [Property(MaxTest = 12, EndSize = 20)]
    public async Task Totals_AfterAnySequenceOfWrites_EqualTheLiveDealsAddedUp(Write[] writes, int seed)
    {
        var random = new Random(seed);
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        Guid accountId = default, first = default, second = default;
        await app.WithDbAsync(async db =>
        {
            var account = new Account { Name = Unique("Totals account") };
            var a = new Colleague { Name = Unique("Totals seller A") };
            var b = new Colleague { Name = Unique("Totals seller B") };
            db.AddRange(account, a, b);
            await db.SaveChangesAsync(Ct);
            (accountId, first, second) = (account.Id, a.Id, b.Id);
        });
        // 0.125 is kept as 0.13 by PostgreSQL's numeric(18,2) and as written by SQLite: either way it counts 13 cents.
        decimal?[] amounts = [null, 1000m, 2000.5m, 0.125m, 12_345_678.99m, 999_999_999_999.99m];
        string?[] currencies = ["CNY", "USD", null];
        Guid?[] owners = [first, second, null];
        FunnelLevel[] levels = Enum.GetValues<FunnelLevel>();
        var deals = new List<Guid>();

        for (var step = 0; step < writes.Length; step++)
        {
            var write = writes[step];
            if (deals.Count == 0 || write == Write.Add)
            {
                await app.WithDbAsync(async db =>
                {
                    var deal = new Opportunity
                    {
                        AccountId = accountId, OwnerId = Pick(owners), Name = Unique("Totals deal"), FunnelLevel = Pick(levels),
                        Objective = new SalesObjective { Amount = Pick(amounts), Currency = Pick(currencies) },
                    };
                    db.Opportunities.Add(deal);
                    await db.SaveChangesAsync(Ct);
                    deals.Add(deal.Id);
                });
            }
            else
            {
                var id = Pick([.. deals]);
                await app.WithDbAsync(async db =>
                {
                    var one = db.Opportunities.IgnoreQueryFilters().Where(o => o.Id == id);
                    switch (write)
                    {
                        case Write.Move:
                            (await one.SingleAsync(Ct)).FunnelLevel = Pick(levels);
                            await db.SaveChangesAsync(Ct);
                            break;
                        case Write.Reprice:
                            (await one.SingleAsync(Ct)).Objective.Amount = Pick(amounts);
                            await db.SaveChangesAsync(Ct);
                            break;
                        case Write.ChangeCurrency:
                            (await one.SingleAsync(Ct)).Objective.Currency = Pick(currencies);
                            await db.SaveChangesAsync(Ct);
                            break;
                        case Write.Reassign:
                            (await one.SingleAsync(Ct)).OwnerId = Pick(owners);
                            await db.SaveChangesAsync(Ct);
                            break;
                        case Write.Premature:
                            var premature = random.Next(2) == 0;
                            await one.ExecuteUpdateAsync(s => s.SetProperty(o => EF.Property<bool>(o, StoredAnalysisColumns.Premature), premature), Ct);
                            break;
                        case Write.SoftDelete:
                            await one.ExecuteUpdateAsync(s => s.SetProperty(o => o.DeletedAt, DateTimeOffset.UtcNow), Ct);
                            break;
                        case Write.Restore:
                            await one.ExecuteUpdateAsync(s => s.SetProperty(o => o.DeletedAt, (DateTimeOffset?)null), Ct);
                            break;
                        case Write.Purge:
                            // Past EF, as the recycle bin's purge does (the database cascades to the deal's rows).
                            await one.ExecuteDeleteAsync(Ct);
                            deals.Remove(id);
                            break;
                        case Write.MoveMany:
                            // One statement over every deal of the property: one transition table on PostgreSQL.
                            var level = Pick(levels);
                            await db.Opportunities.IgnoreQueryFilters().Where(o => deals.Contains(o.Id))
                                .ExecuteUpdateAsync(s => s.SetProperty(o => o.FunnelLevel, level), Ct);
                            break;
                    }
                });
            }
            await ShouldEqualTheDealsAsync($"seed {seed}, step {step} ({write}) of [{string.Join(", ", writes)}]");
        }
    }

    [Fact]
    public async Task Totals_PrematureWonDealAndHalfCent_CountOnlyOpenPrematureAndRoundCentsAwayFromZero()
    {
        var owner = Guid.Empty;
        await app.WithDbAsync(async db =>
        {
            var account = new Account { Name = Unique("Cents account") };
            var seller = new Colleague { Name = Unique("Cents seller") };
            db.AddRange(account, seller);
            db.Opportunities.AddRange(
                new Opportunity { Account = account, Owner = seller, Name = Unique("Won deal"), FunnelLevel = FunnelLevel.Won, Objective = new SalesObjective { Amount = 0.125m, Currency = "CNY" } },
                new Opportunity { Account = account, Owner = seller, Name = Unique("Open deal"), FunnelLevel = FunnelLevel.Won, Objective = new SalesObjective { Amount = 1.005m, Currency = "CNY" } });
            await db.SaveChangesAsync(Ct);
            owner = seller.Id;
            // Both premature as stored; then one of them moves back to an open level.
            await db.Opportunities.Where(o => o.OwnerId == owner).ExecuteUpdateAsync(s => s.SetProperty(o => EF.Property<bool>(o, StoredAnalysisColumns.Premature), true), Ct);
            await db.Opportunities.Where(o => o.OwnerId == owner && o.Name.StartsWith("Open deal")).ExecuteUpdateAsync(s => s.SetProperty(o => o.FunnelLevel, FunnelLevel.In), Ct);
        });

        var rows = await app.WithDbAsync(db => Kept(db)
            .Where(r => r.OwnerId == owner).OrderBy(r => r.FunnelLevel).ToListAsync(Ct));

        // in: 1.005 → 101 cents (half away from zero), premature; won: 0.125 → 13 cents, never premature.
        rows.Select(r => (r.FunnelLevel, r.Currency, r.Deals, r.Priced, decimal.Parse(r.AmountCents, NumberStyles.Float, CultureInfo.InvariantCulture), r.Premature))
            .ShouldBe([("in", "CNY", 1L, 1L, 101m, 1L), ("won", "CNY", 1L, 1L, 13m, 0L)]);
    }

    [Fact]
    public async Task Rebuild_AfterTheTotalsWereLost_MakesThemAgainFromTheDeals()
    {
        await app.WithDbAsync(async db =>
        {
            var account = new Account { Name = Unique("Rebuild account") };
            db.Add(account);
            db.Opportunities.Add(new Opportunity { Account = account, Name = Unique("Rebuild deal"), FunnelLevel = FunnelLevel.In, Objective = new SalesObjective { Amount = 10.5m, Currency = "EUR" } });
            await db.SaveChangesAsync(Ct);
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{FunnelTotalsSql.Table}\"", Ct);
            foreach (var sql in FunnelTotalsSql.Rebuild(db.Database.IsNpgsql())) await db.Database.ExecuteSqlRawAsync(sql, Ct);
        });
        await ShouldEqualTheDealsAsync("after the rebuild");
    }

    /// <summary>Every non-empty totals row against the live deals grouped here, amounts rounded to cents half away from zero.</summary>
    private Task ShouldEqualTheDealsAsync(string when) => app.WithDbAsync(async db =>
    {
        var live = await db.Opportunities.IgnoreQueryFilters().AsNoTracking().Where(o => o.DeletedAt == null)
            .Select(o => new { o.OwnerId, o.FunnelLevel, o.Objective.Currency, o.Objective.Amount, Premature = EF.Property<bool>(o, StoredAnalysisColumns.Premature) })
            .ToListAsync(Ct);
        var expected = live
            .GroupBy(o => (Owner: o.OwnerId ?? Guid.Empty, Level: MethodIds.ToId(o.FunnelLevel), Currency: o.Currency ?? ""))
            .Select(g => (g.Key.Owner, g.Key.Level, g.Key.Currency, Deals: (long)g.Count(), Priced: (long)g.Count(o => o.Amount != null),
                Cents: g.Sum(o => Math.Round((o.Amount ?? 0m) * 100m, MidpointRounding.AwayFromZero)),
                Premature: (long)g.Count(o => o.Premature && o.FunnelLevel is not (FunnelLevel.Won or FunnelLevel.Lost))))
            .OrderBy(r => r.Owner).ThenBy(r => r.Level, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();

        var kept = await Kept(db)
            .ToListAsync(Ct);
        var actual = kept
            .Where(r => r.Deals != 0 || r.Priced != 0 || r.Premature != 0 || decimal.Parse(r.AmountCents, NumberStyles.Float, CultureInfo.InvariantCulture) != 0)
            .Select(r => (Owner: r.OwnerId, Level: r.FunnelLevel, r.Currency, r.Deals, r.Priced,
                Cents: decimal.Parse(r.AmountCents, NumberStyles.Float, CultureInfo.InvariantCulture), r.Premature))
            .OrderBy(r => r.Owner).ThenBy(r => r.Level, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();
        actual.ShouldBe(expected, when);
    });

    /// <summary>The totals table as stored, read here without the product's reader.</summary>
    private static IQueryable<TotalsRow> Kept(AppDbContext db) => db.Database.SqlQueryRaw<TotalsRow>(
        $"SELECT \"OwnerId\", \"FunnelLevel\", \"Currency\", \"Deals\", \"Priced\", CAST(\"AmountCents\" AS TEXT) AS \"AmountCents\", \"Premature\" FROM \"{FunnelTotalsSql.Table}\"");

    private sealed class TotalsRow
    {
        public Guid OwnerId { get; init; }
        public string FunnelLevel { get; init; } = "";
        public string Currency { get; init; } = "";
        public long Deals { get; init; }
        public long Priced { get; init; }
        public string AmountCents { get; init; } = "0";
        public long Premature { get; init; }
    }
}

public sealed class FunnelTotalsTests_Sqlite(SqliteApp app) : FunnelTotalsTests<SqliteApp>(app);
public sealed class FunnelTotalsTests_Postgres(PostgresApp app) : FunnelTotalsTests<PostgresApp>(app);
