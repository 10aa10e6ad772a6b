using KeySell.Application.Accounts;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Domain.Opportunities;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Lists;

/// <summary>
/// The two plans of a search (decision 0012) give the same pages: candidates from the gram index sorted by name (a rare
/// term), and the walk along the (Name, Id) index testing each row (a common term). Each test runs the handler twice
/// on the same data, once with a threshold no term reaches and once with one every term passes.
/// </summary>
public abstract class CommonTermSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static readonly SearchSettings Candidates = new() { CommonTermAbove = int.MaxValue - 1 };
    private static readonly SearchSettings Walk = new() { CommonTermAbove = 0 };

    // Names repeat (ties go by id), differ in case, and hold the terms at the start, middle and end.
    private static readonly string[] DealNames =
        ["钢铁 ERP", "ERP 钢", "erp", "Erp rollout", "钢", "仓库 upgrade", "Warehouse", "钢铁 ERP", "华东钢铁", "b erp a", "Pilot", "钢铁 ERP"];

    [Theory]
    [InlineData("钢")]
    [InlineData("钢铁")]
    [InlineData("erp")]
    [InlineData("R")]
    [InlineData("华东")]
    [InlineData("upgrade")]
    [InlineData("zzz")]
    public async Task ListOpportunities_WalkAndCandidates_GiveTheSamePagesAndTotals(string search)
    {
        var accountId = await ArrangeAsync();
        var expected = DealNames.Where(n => n.Contains(search, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();

        var byCandidates = await AllPagesAsync(Candidates, search, accountId);
        var byWalk = await AllPagesAsync(Walk, search, accountId);
        var byWalkCursor = await AllByCursorAsync(Walk, search, accountId);

        byCandidates.SelectMany(p => p.Items).Select(o => o.Name).Order(StringComparer.Ordinal).ShouldBe(expected);
        byWalk.Select(p => p.Items.Select(o => o.Id)).ShouldBe(byCandidates.Select(p => p.Items.Select(o => o.Id)));
        byWalkCursor.ShouldBe(byCandidates.SelectMany(p => p.Items).Select(o => o.Id));
        byCandidates.ShouldAllBe(p => p.TotalCount == expected.Count && !p.TotalIsEstimate);
        // The walk estimates unless the page ends the list; a page that ends it counts exactly.
        byWalk[^1].TotalCount.ShouldBe(expected.Count);
        byWalk[^1].TotalIsEstimate.ShouldBeFalse();
    }

    [Theory]
    [InlineData("钢")]
    [InlineData("erp")]
    public async Task ListOpportunities_WalkAndCandidatesOverEveryDeal_GiveTheSameFirstPages(string search)
    {
        await ArrangeAsync();
        await ArrangeAsync();

        var byCandidates = await AllPagesAsync(Candidates, search, accountId: null, pages: 2);
        var byWalk = await AllPagesAsync(Walk, search, accountId: null, pages: 2);

        byCandidates[0].Items.ShouldNotBeEmpty();
        byWalk.Select(p => p.Items.Select(o => o.Id)).ShouldBe(byCandidates.Select(p => p.Items.Select(o => o.Id)));
    }

    [Fact]
    public async Task ListOpportunities_WalkOverDeletedDeal_LeavesItOut()
    {
        var accountId = await ArrangeAsync();
        await app.WithDbAsync(async db =>
        {
            var deal = db.Opportunities.Single(o => o.AccountId == accountId && o.Name == "钢");
            db.Opportunities.Remove(deal);
            await db.SaveChangesAsync(Ct);
        });

        var byWalk = await AllPagesAsync(Walk, "钢", accountId);

        byWalk.SelectMany(p => p.Items).Select(o => o.Name).ShouldNotContain("钢");
        byWalk.SelectMany(p => p.Items).Count().ShouldBe(DealNames.Count(n => n.Contains('钢')) - 1);
    }

    [Theory]
    [InlineData("钢")]
    [InlineData("harbour")]
    [InlineData("港")]
    public async Task ListAccounts_WalkAndCandidates_GiveTheSamePages(string search)
    {
        foreach (var name in new[] { "天津港 Harbour", "钢铁 Harbour", "天津钢", "Other" }) await app.AccountAsync(Unique(name));

        var byCandidates = await AccountPagesAsync(Candidates, search);
        var byWalk = await AccountPagesAsync(Walk, search);

        byCandidates.ShouldNotBeEmpty();
        byWalk.ShouldBe(byCandidates);
    }

    private async Task<Guid> ArrangeAsync()
    {
        // The account's own name holds none of the terms (only "Ω" and hex digits: no r, no p), so deals match by their names.
        var accountId = await app.AccountAsync(Unique("Ω"));
        await app.WithDbAsync(async db =>
        {
            foreach (var name in DealNames) db.Opportunities.Add(new Opportunity { AccountId = accountId, Name = name });
            await db.SaveChangesAsync(Ct);
        });
        return accountId;
    }

    private async Task<List<Paged<OpportunitySummary>>> AllPagesAsync(SearchSettings settings, string search, Guid? accountId, int pages = 100)
    {
        await using var scope = app.Services.CreateOperatorScope();
        var handler = new ListOpportunities.Handler(scope.ServiceProvider.GetRequiredService<AppDbContext>(), settings);
        var result = new List<Paged<OpportunitySummary>>();
        for (var page = 1; page <= pages; page++)
        {
            var paged = (await handler.Handle(new ListOpportunities.Query(search, accountId, null, new PageRequest(page, 3)), Ct)).Value!;
            result.Add(paged);
            if (paged.NextCursor is null) break;
        }
        return result;
    }

    private async Task<List<Guid>> AllByCursorAsync(SearchSettings settings, string search, Guid accountId)
    {
        await using var scope = app.Services.CreateOperatorScope();
        var handler = new ListOpportunities.Handler(scope.ServiceProvider.GetRequiredService<AppDbContext>(), settings);
        var ids = new List<Guid>();
        ListCursor? cursor = null;
        for (var round = 0; round <= DealNames.Length; round++)
        {
            var paged = (await handler.Handle(new ListOpportunities.Query(search, accountId, null, new PageRequest(1, 3, cursor)), Ct)).Value!;
            ids.AddRange(paged.Items.Select(o => o.Id));
            if (paged.NextCursor is null) break;
            ListCursor.TryParse(paged.NextCursor, out cursor).ShouldBeTrue();
        }
        return ids;
    }

    private async Task<List<Guid>> AccountPagesAsync(SearchSettings settings, string search)
    {
        await using var scope = app.Services.CreateOperatorScope();
        var handler = new ListAccounts.Handler(scope.ServiceProvider.GetRequiredService<AppDbContext>(), settings);
        var ids = new List<Guid>();
        for (var page = 1; page <= 100; page++)
        {
            var paged = (await handler.Handle(new ListAccounts.Query(search, new PageRequest(page, 2)), Ct)).Value!;
            ids.AddRange(paged.Items.Select(a => a.Id));
            if (paged.NextCursor is null) break;
        }
        return ids;
    }
}

public sealed class CommonTermSearchTests_Sqlite(SqliteApp app) : CommonTermSearchTests<SqliteApp>(app);

public sealed class CommonTermSearchTests_Postgres(PostgresApp app) : CommonTermSearchTests<PostgresApp>(app);
