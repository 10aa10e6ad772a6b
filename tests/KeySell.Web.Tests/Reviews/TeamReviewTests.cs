using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Domain.Opportunities;
using KeySell.Domain.RedFlags;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Reviews;

/// <summary>
/// The manager's review (funnel contract): recording a review, and the team review's figures. The
/// deals' stored summaries are set by hand after the deals are made, so every expected figure below
/// is counted from the table in <see cref="ArrangeTeamAsync"/>, not from the rules' output.
/// </summary>
public abstract class TeamReviewTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Review-Passw0rd!";

    [Fact]
    public async Task TeamReview_ArrangedTeam_CountsMembersFlagsAndRiskiestByHand()
    {
        var t = await ArrangeTeamAsync();

        var review = await GetReviewAsync(t.Manager, t.TeamId);

        review["period"]!.GetValue<string>().ShouldBe("2027-Q1");
        review["baseCurrency"]!.GetValue<string>().ShouldBe("CNY");
        review["unconverted"]!.GetValue<int>().ShouldBe(1);
        var members = review["members"]!.AsArray().ToDictionary(m => m!["userId"]!.GetValue<string>());
        members.Count.ShouldBe(3);
        // Seller one: D1 (1,000,000 CNY) + D2 (100,000 USD × 7); D3 is won, so not open.
        Member(members[t.SellerOneId]).ShouldBe((2, 1_700_000m, 0, 1, 1));
        // Seller two: D5 (2,000,000) + D6 (50,000); D4 is in GBP, which has no rate: counted, not summed.
        Member(members[t.SellerTwoId]).ShouldBe((3, 2_050_000m, 1, 1, 2));
        Member(members[t.ManagerId]).ShouldBe((0, 0m, 0, 0, 0));

        var rules = review["redFlags"]!.AsArray().Select(r => (
            r!["rule"]!.GetValue<string>(), r["severity"]!.GetValue<string>(), r["flags"]!.GetValue<int>(), r["deals"]!.GetValue<int>())).ToList();
        // Most flags first, then the contract's order of the rules.
        rules.ShouldBe([
            ("no-user", "warning", 3, 2),
            ("stale", "warning", 3, 3),
            ("coach-gone", "critical", 1, 1),
            ("no-economic-buyer", "critical", 1, 1),
            ("opponent", "critical", 1, 1),
            ("technical-veto", "critical", 1, 1),
        ]);

        // D2: 2 critical × 700,000 = 1,400,000; D1: 1 × 1,000,000. D4 is unconverted, the rest have no critical flag.
        var riskiest = review["riskiest"]!.AsArray();
        riskiest.Select(r => r!["id"]!.GetValue<Guid>()).ShouldBe([t.D2, t.D1]);
        riskiest[0]!["risk"]!.GetValue<decimal>().ShouldBe(1_400_000m);
        riskiest[0]!["amountInBase"]!.GetValue<decimal>().ShouldBe(700_000m);
        riskiest[0]!["critical"]!.GetValue<int>().ShouldBe(2);
        riskiest[1]!["risk"]!.GetValue<decimal>().ShouldBe(1_000_000m);

        var deals = review["deals"]!;
        deals["totalCount"]!.GetValue<int>().ShouldBe(5);
        deals["items"]!.AsArray().Select(d => d!["id"]!.GetValue<Guid>()).ShouldNotContain(t.D3);
    }

    [Fact]
    public async Task TeamReview_QuotaForTheQuarter_CoverageColumnsFromDefaultWinRates()
    {
        var t = await ArrangeTeamAsync();
        (await t.Admin.PutAsJsonAsync("/api/quotas", new { userId = t.SellerOneId, period = "2027-Q1", amount = 2_340_000m }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var members = (await GetReviewAsync(t.Manager, t.TeamId))["members"]!.AsArray().ToDictionary(m => m!["userId"]!.GetValue<string>());

        // Every deal closes on 2027-03-31; one closed deal in the team's history, so the default win rates
        // (in 0.25, best-few 0.60) apply. S1: won D3 500,000; weighted D1 1,000,000 × 0.25 + D2 700,000 × 0.60 = 670,000;
        // coverage (500,000 + 670,000) / 2,340,000 = 0.5; gap 1,170,000.
        var one = members[t.SellerOneId]!;
        one["quota"]!.GetValue<decimal>().ShouldBe(2_340_000m);
        one["won"]!.GetValue<decimal>().ShouldBe(500_000m);
        one["weighted"]!.GetValue<decimal>().ShouldBe(670_000m);
        one["coverage"]!.GetValue<decimal>().ShouldBe(0.5m);
        one["gap"]!.GetValue<decimal>().ShouldBe(1_170_000m);
        // S2 has no quota: D6 50,000 × 0.25 weighted; D4 (GBP, no rate) and D5 (universe) add nothing.
        var two = members[t.SellerTwoId]!;
        two["quota"].ShouldBeNull();
        two["coverage"].ShouldBeNull();
        two["weighted"]!.GetValue<decimal>().ShouldBe(12_500m);
    }

    [Fact]
    public async Task TeamReview_BadPeriod_Returns400NamingThePeriod()
    {
        var t = await ArrangeTeamAsync();

        var response = await t.Manager.GetAsync($"/api/team-review?teamId={t.TeamId}&period=2027-Q5", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["period"]);
    }

    [Fact]
    public async Task Review_ChangesSinceLastReview_CountsAllUntilReviewedThenOnlyLaterOnes()
    {
        var t = await ArrangeTeamAsync();
        // D1 was created (one history line); renaming it and changing its amount adds two (the PUT names the same owner).
        (await t.Admin.PutAsJsonAsync($"/api/opportunities/{t.D1}", new
        {
            version = 1, name = "D1 renamed", ownerId = t.SellerOneColleague, funnelLevel = "in", engagement = "before-project", expectedOutcome = "win-win",
            objective = new { product = "ERP suite", quantity = 1, amount = 1_000_001, currency = "CNY", closeDate = "2027-03-31" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ChangesAsync(t, t.D1)).ShouldBe((3, null));
        (await ChangesAsync(t, t.D5)).ShouldBe((1, null));

        var recorded = await t.Manager.PostAsJsonAsync($"/api/opportunities/{t.D1}/reviews", new { note = "Coach left: find a new one" }, Ct);

        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Ct));
        var body = await recorded.ReadObjectAsync();
        body["by"]!.GetValue<string>().ShouldBe(t.ManagerId);
        body["byName"]!.GetValue<string>().ShouldBe(t.ManagerName);
        body["note"]!.GetValue<string>().ShouldBe("Coach left: find a new one");
        var (afterReview, reviewedAt) = await ChangesAsync(t, t.D1);
        afterReview.ShouldBe(0);
        reviewedAt.ShouldBe(body["at"]!.GetValue<DateTimeOffset>());
        (await ChangesAsync(t, t.D5)).ShouldBe((1, null));

        // One more change after the review: the close date.
        var version = (await t.Admin.GetFromJsonAsync<JsonObject>($"/api/opportunities/{t.D1}", Ct))!.Version();
        (await t.Admin.PutAsJsonAsync($"/api/opportunities/{t.D1}", new
        {
            version, name = "D1 renamed", ownerId = t.SellerOneColleague, funnelLevel = "in", engagement = "before-project", expectedOutcome = "win-win",
            objective = new { product = "ERP suite", quantity = 1, amount = 1_000_001, currency = "CNY", closeDate = "2027-06-30" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ChangesAsync(t, t.D1)).Changes.ShouldBe(1);
    }

    [Fact]
    public async Task Review_Recorded_IsInTheDealsHistoryAndItsList()
    {
        var t = await ArrangeTeamAsync();

        (await t.Manager.PostAsJsonAsync($"/api/opportunities/{t.D2}/reviews", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await t.Admin.PostAsJsonAsync($"/api/opportunities/{t.D2}/reviews", new { note = "Second look" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The seller reads their deal's reviews, newest first.
        var list = await t.SellerOne.GetFromJsonAsync<JsonObject>($"/api/opportunities/{t.D2}/reviews", Ct);
        list!["totalCount"]!.GetValue<int>().ShouldBe(2);
        list["items"]!.AsArray().Select(i => i!["note"]?.GetValue<string>()).ShouldBe(["Second look", null]);
        var history = await t.SellerOne.GetFromJsonAsync<JsonObject>($"/api/opportunities/{t.D2}/history", Ct);
        history!["items"]!.AsArray().Count(i => i!["entity"]!.GetValue<string>() == "review" && i["action"]!.GetValue<string>() == "created").ShouldBe(2);
    }

    [Fact]
    public async Task Review_ByTheOwnerOrAnotherTeamsManager_Returns403Or404AndStoresNothing()
    {
        var t = await ArrangeTeamAsync();

        (await t.SellerOne.PostAsJsonAsync($"/api/opportunities/{t.D1}/reviews", new { note = "My own" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await t.OtherManager.PostAsJsonAsync($"/api/opportunities/{t.D1}/reviews", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await t.Manager.PostAsJsonAsync($"/api/opportunities/{Guid.NewGuid()}/reviews", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await app.WithDbAsync(db => db.Reviews.CountAsync(r => r.OpportunityId == t.D1))).ShouldBe(0);
    }

    [Fact]
    public async Task Review_NoteTooLong_Returns400NamingTheNote()
    {
        var t = await ArrangeTeamAsync();

        var response = await t.Manager.PostAsJsonAsync($"/api/opportunities/{t.D1}/reviews", new { note = new string('x', 2_001) }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["note"]);
    }

    [Fact]
    public async Task TeamReview_SellerOrOtherManager_Returns403_AdminReadsIt_UnknownTeam404()
    {
        var t = await ArrangeTeamAsync();

        (await t.SellerOne.GetAsync($"/api/team-review?teamId={t.TeamId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await t.OtherManager.GetAsync($"/api/team-review?teamId={t.TeamId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await t.Manager.GetAsync($"/api/team-review?teamId={Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var admin = await GetReviewAsync(t.Admin, t.TeamId);
        admin["members"]!.AsArray().Count.ShouldBe(3);
        admin["riskiest"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()).ShouldBe([t.D2, t.D1]);
    }

    [Fact]
    public async Task TeamReview_DealsPage_MostChangedFirstWithinPageSize()
    {
        var t = await ArrangeTeamAsync();
        (await t.Admin.PutAsJsonAsync($"/api/opportunities/{t.D6}", new
        {
            version = 1, name = "D6 renamed", ownerId = t.SellerTwoColleague, funnelLevel = "in", engagement = "before-project", expectedOutcome = "win-win",
            objective = new { product = "ERP suite", quantity = 1, amount = 50_000, currency = "CNY", closeDate = "2027-03-31" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var review = await t.Manager.GetFromJsonAsync<JsonObject>($"/api/team-review?teamId={t.TeamId}&pageSize=2", Ct);

        var items = review!["deals"]!["items"]!.AsArray();
        items.Count.ShouldBe(2);
        items[0]!["id"]!.GetValue<Guid>().ShouldBe(t.D6);
        items[0]!["changesSinceReview"]!.GetValue<int>().ShouldBe(2);
        items[1]!["changesSinceReview"]!.GetValue<int>().ShouldBe(1);
        review["deals"]!["totalCount"]!.GetValue<int>().ShouldBe(5);
    }

    private static (int Open, decimal Amount, int Unconverted, int Premature, int Stale) Member(JsonNode? m) => (
        m!["open"]!.GetValue<int>(), m["openAmount"]!.GetValue<decimal>(), m["unconverted"]!.GetValue<int>(),
        m["premature"]!.GetValue<int>(), m["stale"]!.GetValue<int>());

    private static async Task<JsonObject> GetReviewAsync(HttpClient client, Guid teamId)
    {
        var response = await client.GetAsync($"/api/team-review?teamId={teamId}&period=2027-Q1&pageSize=200", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadObjectAsync();
    }

    private static async Task<(int Changes, DateTimeOffset? ReviewedAt)> ChangesAsync(Team t, Guid deal)
    {
        var review = await GetReviewAsync(t.Manager, t.TeamId);
        var item = review["deals"]!["items"]!.AsArray().Single(d => d!["id"]!.GetValue<Guid>() == deal)!;
        return (item["changesSinceReview"]!.GetValue<int>(), item["lastReviewedAt"]?.GetValue<DateTimeOffset>());
    }

    private sealed record Team(
        Guid TeamId, HttpClient Admin, HttpClient Manager, string ManagerId, string ManagerName, HttpClient SellerOne, string SellerOneId,
        string SellerTwoId, Guid SellerOneColleague, Guid SellerTwoColleague, HttpClient OtherManager, Guid D1, Guid D2, Guid D3, Guid D4, Guid D5, Guid D6);

    /// <summary>
    /// A team (manager M, sellers S1 and S2) and another team's manager; base CNY, USD at 7, no GBP rate.
    /// <code>
    /// deal owner level     amount        flags (influence)                               critical premature
    /// D1   S1    in        1,000,000 CNY coach-gone, no-user (i1), no-user (i2)          1        no
    /// D2   S1    best-few    100,000 USD no-economic-buyer, opponent (i3), stale         2        yes
    /// D3   S1    won         500,000 CNY coach-gone                                      1        no
    /// D4   S2    above       300,000 GBP technical-veto, stale                           1        yes
    /// D5   S2    universe  2,000,000 CNY —                                               0        no
    /// D6   S2    in           50,000 CNY no-user (i1), stale                             0        no
    /// </code>
    /// </summary>
    private async Task<Team> ArrangeTeamAsync()
    {
        var admin = await app.CreateAdminClientAsync();
        (await admin.PutAsJsonAsync("/api/settings/money", new { baseCurrency = "CNY", rates = new[] { new { currency = "USD", rateToBase = 7m } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var (managerId, managerName, _, manager) = await UserAsync(admin, "manager");
        var (sellerOneId, _, sellerOneColleague, sellerOne) = await UserAsync(admin, "seller");
        var (sellerTwoId, _, sellerTwoColleague, _) = await UserAsync(admin, "seller");
        var (otherManagerId, _, _, otherManager) = await UserAsync(admin, "manager");
        var team = await TeamAsync(admin, (managerId, true), (sellerOneId, false), (sellerTwoId, false));
        await TeamAsync(admin, (otherManagerId, true));

        var account = await app.AccountAsync(Unique("Review account"));
        var d1 = await DealAsync(admin, account, "D1", sellerOneColleague, "in", 1_000_000, "CNY");
        var d2 = await DealAsync(admin, account, "D2", sellerOneColleague, "best-few", 100_000, "USD");
        var d3 = await DealAsync(admin, account, "D3", sellerOneColleague, "won", 500_000, "CNY");
        var d4 = await DealAsync(admin, account, "D4", sellerTwoColleague, "above", 300_000, "GBP");
        var d5 = await DealAsync(admin, account, "D5", sellerTwoColleague, "universe", 2_000_000, "CNY");
        var d6 = await DealAsync(admin, account, "D6", sellerTwoColleague, "in", 50_000, "CNY");
        await SummaryAsync(d1, false, ("coach-gone", null), ("no-user", "i1"), ("no-user", "i2"));
        await SummaryAsync(d2, true, ("no-economic-buyer", null), ("opponent", "i3"), ("stale", null));
        await SummaryAsync(d3, false, ("coach-gone", null));
        await SummaryAsync(d4, true, ("technical-veto", null), ("stale", null));
        await SummaryAsync(d5, false);
        await SummaryAsync(d6, false, ("no-user", "i1"), ("stale", null));
        return new Team(team, admin, manager, managerId, managerName, sellerOne, sellerOneId, sellerTwoId, sellerOneColleague, sellerTwoColleague, otherManager, d1, d2, d3, d4, d5, d6);
    }

    private async Task<(string Id, string Name, Guid ColleagueId, HttpClient Client)> UserAsync(HttpClient admin, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@keysell.test";
        var name = Unique($"Review {role}");
        var response = await admin.PostAsJsonAsync("/api/users", new { email, name, role, password = Password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var user = await response.ReadObjectAsync();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(client, email, Password));
        return (user["id"]!.GetValue<string>(), name, user["colleagueId"]!.GetValue<Guid>(), client);
    }

    private static async Task<Guid> TeamAsync(HttpClient admin, params (string UserId, bool Manager)[] members)
    {
        var team = await (await admin.PostAsJsonAsync("/api/teams", new { name = Unique("Review team") }, Ct)).ReadObjectAsync();
        (await admin.PutAsJsonAsync($"/api/teams/{team.Id()}/members", new { members = members.Select(m => new { userId = m.UserId, manager = m.Manager }) }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return team.Id();
    }

    private static async Task<Guid> DealAsync(HttpClient admin, Guid accountId, string name, Guid ownerId, string level, decimal amount, string currency)
    {
        var response = await admin.PostAsJsonAsync("/api/opportunities", new
        {
            accountId, name, ownerId, funnelLevel = level, engagement = "before-project", expectedOutcome = "win-win",
            objective = new { product = "ERP suite", quantity = 1, amount, currency, closeDate = "2027-03-31" },
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.ReadObjectAsync()).Id();
    }

    /// <summary>Replaces what the analysis stored for the deal with the table's flags (the team review only reads them).</summary>
    private Task SummaryAsync(Guid deal, bool premature, params (string Rule, string? Influence)[] flags) => app.WithDbAsync(async db =>
    {
        var summary = await db.AnalysisSummaries.SingleAsync(s => s.OpportunityId == deal, Ct);
        summary.RedFlags = [.. flags.Select(f => new StoredRedFlag(f.Rule, f.Influence, RedFlagSeverities.Of(f.Rule)))];
        summary.RedFlagCount = flags.Length;
        summary.CriticalCount = flags.Count(f => RedFlagSeverities.Of(f.Rule) == RedFlagSeverity.Critical);
        summary.Premature = premature;
        await db.SaveChangesAsync(Ct);
    });
}

public sealed class TeamReviewTests_Sqlite(SqliteApp app) : TeamReviewTests<SqliteApp>(app);
public sealed class TeamReviewTests_Postgres(PostgresApp app) : TeamReviewTests<PostgresApp>(app);
