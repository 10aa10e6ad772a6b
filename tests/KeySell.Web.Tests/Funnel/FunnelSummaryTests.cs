using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Application.Analysis;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Funnel;

/// <summary>
/// GET /api/funnel (funnel contract: funnel summary). Every test works on the deals of sellers it creates, so the
/// figures are exact although the class's database is shared; the expected figures are worked out by hand below.
/// </summary>
public abstract class FunnelSummaryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Funnel-Passw0rd!";

    [Fact]
    public async Task GetFunnel_MixedCurrencies_ConvertsCountsUnconvertedAndPrematureOnlyOpenLevels()
    {
        var admin = await app.CreateAdminClientAsync();
        await SetRatesAsync(admin);
        var (seller, colleague) = await SellerAsync(admin);
        var account = await app.AccountAsync(Unique("Funnel account"));
        await DealsAsync(account, colleague,
            (FunnelLevel.Above, 1000m, "CNY", "2027-01-15", true),
            (FunnelLevel.Above, 100m, "USD", "2027-02-01", true),       // 720 CNY
            (FunnelLevel.Above, 50m, "GBP", "2027-02-10", true),        // no rate: unconverted
            (FunnelLevel.In, 2000.50m, "CNY", "2027-03-01", false),     // no product: premature
            (FunnelLevel.BestFew, 300m, "USD", null, true),            // 2160 CNY; no receptive influence: premature
            (FunnelLevel.Won, 500m, "CNY", "2026-12-20", false),        // incomplete, but won is never premature
            (FunnelLevel.Lost, null, null, "2026-11-01", true));

        var summary = await seller.GetFromJsonAsync<JsonObject>("/api/funnel?scope=me", Ct);

        summary!["baseCurrency"]!.GetValue<string>().ShouldBe("CNY");
        summary["unconverted"]!.GetValue<int>().ShouldBe(1);
        Levels(summary).ShouldBe(
        [
            ("universe", 0, 0m, 0),
            ("above", 3, 1720m, 0),
            ("in", 1, 2000.50m, 1),
            ("best-few", 1, 2160m, 1),
            ("won", 1, 500m, 0),
            ("lost", 1, 0m, 0),
        ]);
    }

    [Fact]
    public async Task GetFunnel_CloseDateRange_LeavesOutDealsOutsideItAndWithoutACloseDate()
    {
        var admin = await app.CreateAdminClientAsync();
        await SetRatesAsync(admin);
        var (seller, colleague) = await SellerAsync(admin);
        var account = await app.AccountAsync(Unique("Funnel account"));
        await DealsAsync(account, colleague,
            (FunnelLevel.Above, 1000m, "CNY", "2027-01-19", true),      // a day before the range
            (FunnelLevel.Above, 100m, "USD", "2027-01-20", true),       // first day: 720 CNY
            (FunnelLevel.Above, 50m, "GBP", "2027-02-10", true),        // unconverted
            (FunnelLevel.In, 2000.50m, "CNY", "2027-03-01", false),     // last day, premature
            (FunnelLevel.BestFew, 300m, "USD", null, true),            // no close date
            (FunnelLevel.Won, 500m, "CNY", "2027-03-02", true));        // a day after

        var summary = await seller.GetFromJsonAsync<JsonObject>("/api/funnel?scope=me&closeFrom=2027-01-20&closeTo=2027-03-01", Ct);

        summary!["unconverted"]!.GetValue<int>().ShouldBe(1);
        Levels(summary).ShouldBe(
        [
            ("universe", 0, 0m, 0),
            ("above", 2, 720m, 0),
            ("in", 1, 2000.50m, 1),
            ("best-few", 0, 0m, 0),
            ("won", 0, 0m, 0),
            ("lost", 0, 0m, 0),
        ]);
    }

    [Fact]
    public async Task GetFunnel_Scopes_ASellerNeverCountsAnotherTeamsDeal()
    {
        var admin = await app.CreateAdminClientAsync();
        await SetRatesAsync(admin);
        var (mine, myColleague, myUserId) = await SellerWithIdAsync(admin);
        var (teammate, teammateColleague, teammateUserId) = await SellerWithIdAsync(admin);
        var (_, otherColleague, otherUserId) = await SellerWithIdAsync(admin);
        var teamA = await TeamAsync(admin, myUserId, teammateUserId);
        var teamB = await TeamAsync(admin, otherUserId);
        var account = await app.AccountAsync(Unique("Funnel account"));
        await DealsAsync(account, myColleague, (FunnelLevel.Above, 100m, "CNY", "2027-01-01", true));
        await DealsAsync(account, teammateColleague, (FunnelLevel.Above, 30m, "USD", "2027-01-01", true));   // 216 CNY
        await DealsAsync(account, otherColleague, (FunnelLevel.Above, 200m, "CNY", "2027-01-01", true), (FunnelLevel.In, 5m, "CNY", "2027-01-01", true));

        var me = await mine.GetFromJsonAsync<JsonObject>("/api/funnel?scope=me", Ct);
        var team = await mine.GetFromJsonAsync<JsonObject>($"/api/funnel?scope=team:{teamA}", Ct);
        var all = await mine.GetFromJsonAsync<JsonObject>("/api/funnel?scope=all", Ct);
        var otherTeam = await mine.GetAsync($"/api/funnel?scope=team:{teamB}", Ct);
        var noTeam = await mine.GetAsync($"/api/funnel?scope=team:{Guid.NewGuid()}", Ct);
        var adminOnB = await admin.GetFromJsonAsync<JsonObject>($"/api/funnel?scope=team:{teamB}", Ct);

        Levels(me!)[1].ShouldBe(("above", 1, 100m, 0));
        Levels(team!)[1].ShouldBe(("above", 2, 316m, 0));
        Levels(all!).Sum(l => l.Count).ShouldBe(2);
        Levels(all!)[1].ShouldBe(("above", 2, 316m, 0));
        otherTeam.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        noTeam.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Levels(adminOnB!).Take(3).ShouldBe([("universe", 0, 0m, 0), ("above", 1, 200m, 0), ("in", 1, 5m, 1)]);
        _ = teammate;
    }

    [Fact]
    public async Task GetFunnel_BadInput_Returns400PerField()
    {
        var admin = await app.CreateAdminClientAsync();

        var bad = await admin.GetAsync("/api/funnel?scope=mine&closeFrom=2027-13-01&closeTo=31.03.2027", Ct);
        var reversed = await admin.GetAsync("/api/funnel?closeFrom=2027-03-02&closeTo=2027-03-01", Ct);

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(bad)).Errors.ShouldNotBeNull().Keys.ShouldBe(["scope", "closeFrom", "closeTo"], ignoreOrder: true);
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(reversed)).Errors.ShouldNotBeNull().Keys.ShouldBe(["closeTo"]);
    }

    [Fact]
    public async Task GetFunnel_DealMovedDownThenRefreshed_PrematureFollowsTheStoredVerdict()
    {
        // The count reads the verdict copied onto the deal row (decision 0018): a save that moves the deal to "above"
        // (never premature) must clear it, and the daily refresh must put back a verdict that went astray.
        var admin = await app.CreateAdminClientAsync();
        var (seller, colleague) = await SellerAsync(admin);
        var account = await app.AccountAsync(Unique("Funnel account"));
        await DealsAsync(account, colleague, (FunnelLevel.In, 10m, "CNY", "2027-03-01", false)); // no product: premature
        var dealId = Guid.Empty;
        await app.WithDbAsync(async db => dealId = await db.Opportunities.IgnoreQueryFilters().Where(o => o.OwnerId == colleague).Select(o => o.Id).SingleAsync(Ct));
        (await PrematureAsync(seller)).ShouldBe(1);

        await app.WithDbAsync(async db =>
        {
            var deal = await db.Opportunities.IgnoreQueryFilters().SingleAsync(o => o.Id == dealId, Ct);
            deal.FunnelLevel = FunnelLevel.Above;
            await db.SaveChangesAsync(Ct);
        });
        (await PrematureAsync(seller)).ShouldBe(0);

        await app.WithDbAsync(db => db.Opportunities.IgnoreQueryFilters().Where(o => o.Id == dealId)
            .ExecuteUpdateAsync(set => set.SetProperty(o => EF.Property<bool>(o, StoredAnalysisColumns.Premature), true), Ct));
        (await PrematureAsync(seller)).ShouldBe(1); // the stale copy is what the summary reads
        await app.WithDbAsync(db => new RefreshStoredAnalyses.Handler(db).Handle(new RefreshStoredAnalyses.Command([dealId]), Ct));
        (await PrematureAsync(seller)).ShouldBe(0);
    }

    /// <summary>Premature summed over every level, so a stale copy counts wherever the deal stands.</summary>
    private static async Task<int> PrematureAsync(HttpClient seller)
    {
        var summary = await seller.GetFromJsonAsync<JsonObject>("/api/funnel?scope=me", Ct);
        return Levels(summary!).Sum(l => l.Premature);
    }

    private static (string Level, int Count, decimal Amount, int Premature)[] Levels(JsonObject summary) =>
        [.. summary["levels"]!.AsArray().Select(l => (l!["level"]!.GetValue<string>(), l["count"]!.GetValue<int>(), l["amount"]!.GetValue<decimal>(), l["premature"]!.GetValue<int>()))];

    private static async Task SetRatesAsync(HttpClient admin) =>
        (await admin.PutAsJsonAsync("/api/settings/money", new { baseCurrency = "CNY", rates = new[] { new { currency = "USD", rateToBase = 7.2m } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

    private async Task<(HttpClient Client, Guid Colleague)> SellerAsync(HttpClient admin)
    {
        var (client, colleague, _) = await SellerWithIdAsync(admin);
        return (client, colleague);
    }

    private async Task<(HttpClient Client, Guid Colleague, string UserId)> SellerWithIdAsync(HttpClient admin)
    {
        var email = $"seller-{Guid.NewGuid():N}@keysell.test";
        var created = await admin.PostAsJsonAsync("/api/users", new { email, name = Unique("Seller"), role = "seller", password = Password }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var user = await created.ReadObjectAsync();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(client, email, Password));
        return (client, user["colleagueId"]!.GetValue<Guid>(), user["id"]!.GetValue<string>());
    }

    private static async Task<Guid> TeamAsync(HttpClient admin, params string[] userIds)
    {
        var team = await (await admin.PostAsJsonAsync("/api/teams", new { name = Unique("Funnel team") }, Ct)).ReadObjectAsync();
        (await admin.PutAsJsonAsync($"/api/teams/{team.Id()}/members", new { members = userIds.Select(u => new { userId = u, manager = false }) }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return team.Id();
    }

    /// <param name="deals">Level, amount, currency, close date; a complete objective names a product.</param>
    private Task DealsAsync(Guid accountId, Guid ownerId, params (FunnelLevel Level, decimal? Amount, string? Currency, string? Close, bool Product)[] deals) =>
        app.WithDbAsync(async db =>
        {
            foreach (var d in deals)
            {
                db.Opportunities.Add(new Opportunity
                {
                    AccountId = accountId,
                    OwnerId = ownerId,
                    Name = Unique("Deal"),
                    FunnelLevel = d.Level,
                    Objective = new SalesObjective
                    {
                        Product = d.Product ? "ERP suite" : null,
                        Amount = d.Amount,
                        Currency = d.Currency,
                        CloseDate = d.Close is null ? null : DateOnly.Parse(d.Close, System.Globalization.CultureInfo.InvariantCulture),
                    },
                });
            }
            await db.SaveChangesAsync();
        });
}

public sealed class FunnelSummaryTests_Sqlite(SqliteApp app) : FunnelSummaryTests<SqliteApp>(app);
public sealed class FunnelSummaryTests_Postgres(PostgresApp app) : FunnelSummaryTests<PostgresApp>(app);
