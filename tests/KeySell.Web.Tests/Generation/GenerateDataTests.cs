using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KeySell.Application.Generation;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Web.Tests.Generation;

/// <summary>
/// Made-up data written in bulk must be what the app itself would have stored: every deal opens,
/// exports and analyses through the API, the made-up users sign in and see their team's deals,
/// and queries on converted columns (method ids, flags, recycle-bin ticks) find the rows.
/// </summary>
public abstract class GenerateDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Made-up-Passw0rd!";
    private static readonly GenerateData.Command Asked = new(12, 40, PeoplePerAccount: 5, Seed: 7, BigAccounts: 1, BigAccountPeople: 60, Password: Password);
    private static readonly ConditionalWeakTable<KeySellApp, Task<GenerateData.Outcome>> Runs = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<GenerateData.Outcome> GeneratedAsync() => Runs.GetValue(app, a => GenerateAsync(a, Asked));

    internal static async Task<GenerateData.Outcome> GenerateAsync(KeySellApp app, GenerateData.Command command)
    {
        await using var scope = app.Services.CreateOperatorScope();
        return await scope.ServiceProvider.GetRequiredService<GenerateData.Handler>().Handle(command, null, CancellationToken.None);
    }

    [Fact]
    public async Task Generate_SmallRun_CountsAsAsked()
    {
        var outcome = await GeneratedAsync();

        outcome.Refused.ShouldBeFalse();
        await app.WithDbAsync(async db =>
        {
            (await db.Accounts.CountAsync(Ct)).ShouldBe(12);
            (await db.Opportunities.CountAsync(Ct)).ShouldBe(40);
            (await db.People.CountAsync(p => p.AccountId == outcome.BigAccountId, Ct)).ShouldBe(60);
            (await db.People.LongCountAsync(Ct)).ShouldBe(outcome.People);
            (await db.BuyingInfluences.LongCountAsync(Ct)).ShouldBe(outcome.Influences);
            var perDeal = await db.BuyingInfluences.GroupBy(i => i.OpportunityId).Select(g => g.Count()).ToListAsync(Ct);
            perDeal.Count.ShouldBe(40);
            perDeal.ShouldAllBe(n => n >= 3 && n <= 8);
        });
    }

    [Fact]
    public async Task Generate_SmallRun_EveryDealOpensExportsAndAnalysesThroughTheApi()
    {
        await GeneratedAsync();
        var admin = await app.CreateAdminClientAsync();
        var deals = await app.WithDbAsync(db => db.Opportunities.Select(o => new { o.Id, o.Name, o.AccountId, Influences = o.Influences.Count }).ToListAsync(Ct));

        foreach (var deal in deals)
        {
            var opened = await admin.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal.Id}", Ct);
            opened!["name"]!.GetValue<string>().ShouldBe(deal.Name);
            var analysis = await admin.GetAsync($"/api/opportunities/{deal.Id}/analysis", Ct);
            analysis.StatusCode.ShouldBe(HttpStatusCode.OK, await analysis.Content.ReadAsStringAsync(Ct));
            var sheet = await admin.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal.Id}/sheet", Ct);
            sheet!["influences"]!.AsArray().Count.ShouldBe(deal.Influences);
            (await admin.GetAsync($"/api/accounts/{deal.AccountId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Generate_SmallRun_EveryDealHasTheStoredSummaryTheAnalysisReports()
    {
        await GeneratedAsync();
        var admin = await app.CreateAdminClientAsync();
        var stored = await app.WithDbAsync(db => db.AnalysisSummaries.AsNoTracking().ToListAsync(Ct));
        var deals = await app.WithDbAsync(db => db.Opportunities.Select(o => o.Id).ToListAsync(Ct));

        stored.Select(s => s.OpportunityId).Order().ShouldBe(deals.Order());
        foreach (var summary in stored)
        {
            var analysis = (await admin.GetFromJsonAsync<JsonObject>($"/api/opportunities/{summary.OpportunityId}/analysis", Ct))!;
            var flags = analysis["redFlags"]!.AsArray().Select(f => $"{f!["id"]}/{f["influence"]?.GetValue<string>()}").ToList();
            summary.RedFlags.Select(f => $"{f.Id}/{f.Influence}").ShouldBe(flags);
            Domain.Common.MethodIds.ToId(summary.HighestMet).ShouldBe(analysis["funnel"]!["highestMet"]!.GetValue<string>());
            summary.Premature.ShouldBe(analysis["funnel"]!["premature"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Generate_SmallRun_FunnelHistoryClimbsFromCreationToEachDealsLevel()
    {
        await GeneratedAsync();
        var deals = await app.WithDbAsync(db => db.Opportunities.Select(o => new { o.Id, o.FunnelLevel, o.CreatedAt }).ToListAsync(Ct));
        var moves = await app.WithDbAsync(db => db.FunnelChanges.AsNoTracking().ToListAsync(Ct));

        foreach (var deal in deals)
        {
            var path = moves.Where(m => m.OpportunityId == deal.Id).OrderBy(m => m.At.UtcTicks).ToList();
            path.ShouldNotBeEmpty();
            path[0].From.ShouldBeNull();
            path[0].To.ShouldBe(FunnelLevel.Universe);
            path[0].At.ShouldBe(deal.CreatedAt, TimeSpan.FromMilliseconds(1));
            path[^1].To.ShouldBe(deal.FunnelLevel);
            for (var i = 1; i < path.Count; i++) path[i].From.ShouldBe(path[i - 1].To);
            if (deal.FunnelLevel == FunnelLevel.Won) path.Select(m => m.To).ShouldContain(FunnelLevel.BestFew);
        }
    }

    [Fact]
    public async Task Generate_SmallRun_DealsAreFoundBySearch()
    {
        await GeneratedAsync();
        var admin = await app.CreateAdminClientAsync();
        var deal = await app.WithDbAsync(db => db.Opportunities.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).FirstAsync(Ct));
        // Two Chinese characters from the middle of the bilingual name: the search tables were refilled after the load.
        var text = deal.Name[1..3];

        var found = await admin.GetFromJsonAsync<JsonObject>($"/api/opportunities?search={Uri.EscapeDataString(text)}&pageSize=200", Ct);

        found!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldContain(deal.Id);
    }

    [Fact]
    public async Task Generate_SmallRun_MadeUpSellerSignsInAndSeesTheirDeals()
    {
        var outcome = await GeneratedAsync();
        var seller = outcome.NewSignIns.First(s => s.Role == Domain.Teams.Role.Seller);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(client, seller.Email, Password));
        var owned = await app.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Owner!.Email == seller.Email, Ct));

        var mine = await client.GetFromJsonAsync<JsonObject>("/api/opportunities?mine=true", Ct);

        owned.ShouldBeGreaterThan(0);
        mine!["totalCount"]!.GetValue<int>().ShouldBe(owned);
    }

    [Fact]
    public async Task Generate_SmallRun_ConvertedColumnsAreStoredAsTheAppStoresThem()
    {
        await GeneratedAsync();

        await app.WithDbAsync(async db =>
        {
            var deals = await db.Opportunities.AsNoTracking().ToListAsync(Ct);
            (await db.Opportunities.CountAsync(o => o.FunnelLevel == FunnelLevel.In, Ct)).ShouldBe(deals.Count(o => o.FunnelLevel == FunnelLevel.In));
            (await db.Opportunities.CountAsync(o => o.Objective.CloseDate != null, Ct)).ShouldBe(deals.Count(o => o.Objective.CloseDate != null));
            var influences = await db.BuyingInfluences.AsNoTracking().ToListAsync(Ct);
            (await db.BuyingInfluences.CountAsync(i => (i.Roles & BuyingRoles.Economic) != 0, Ct)).ShouldBe(influences.Count(i => i.Roles.HasFlag(BuyingRoles.Economic)));
            (await db.BuyingInfluences.CountAsync(i => i.Mode == ResponseMode.EvenKeel, Ct)).ShouldBe(influences.Count(i => i.Mode == ResponseMode.EvenKeel));
            influences.ShouldContain(i => i.Wins.Count > 0);
            (await db.People.IgnoreQueryFilters().CountAsync(p => p.DeletedAt != null, Ct)).ShouldBe(0);
            (await db.People.CountAsync(p => p.Status == PersonStatus.Active, Ct)).ShouldBeGreaterThan(0);
            // Stamped as the team the same run saved through the context was stamped.
            var by = (await db.Teams.FirstAsync(Ct)).CreatedBy;
            deals.ShouldAllBe(o => o.Version == 1 && o.CreatedBy == by && o.UpdatedBy == by && o.CreatedAt == o.UpdatedAt && o.DeletedAt == null);
        });
    }
}

public sealed class GenerateDataTests_Sqlite(SqliteApp app) : GenerateDataTests<SqliteApp>(app);
public sealed class GenerateDataTests_Postgres(PostgresApp app) : GenerateDataTests<PostgresApp>(app);

/// <summary>A database with data is left alone unless the operator asks to append.</summary>
public abstract class GenerateDataAppendTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_NonEmptyDatabase_RefusedUnlessAppend()
    {
        var command = new GenerateData.Command(5, 10, PeoplePerAccount: 4, Seed: 3, Password: "Made-up-Passw0rd!");
        (await GenerateDataTests<TApp>.GenerateAsync(app, command)).Refused.ShouldBeFalse();

        var refused = await GenerateDataTests<TApp>.GenerateAsync(app, command);
        var appended = await GenerateDataTests<TApp>.GenerateAsync(app, command with { Append = true });

        refused.Refused.ShouldBeTrue();
        appended.Refused.ShouldBeFalse();
        appended.NewSignIns.ShouldBeEmpty();
        await app.WithDbAsync(async db =>
        {
            (await db.Accounts.CountAsync(Ct)).ShouldBe(10);
            (await db.Opportunities.CountAsync(Ct)).ShouldBe(20);
            (await db.Teams.CountAsync(Ct)).ShouldBe(1);
        });
    }
}

public sealed class GenerateDataAppendTests_Sqlite(SqliteApp app) : GenerateDataAppendTests<SqliteApp>(app);
public sealed class GenerateDataAppendTests_Postgres(PostgresApp app) : GenerateDataAppendTests<PostgresApp>(app);
