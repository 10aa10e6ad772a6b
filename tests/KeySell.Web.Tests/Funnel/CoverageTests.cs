using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Domain.Funnel;
using KeySell.Domain.Opportunities;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Funnel;

/// <summary>
/// <c>GET /api/coverage</c> (funnel contract: quota and coverage). Every expected figure is worked
/// out by hand in the comment beside it. Each test has a team of its own, so the team's closed
/// deals behind its win rates are only the ones it arranges.
/// </summary>
public abstract class CoverageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Coverage-Passw0rd!";

    [Fact]
    public async Task GetCoverage_DefaultRates_AnswersTheContractsFigures()
    {
        var admin = await ArrangeMoneyAsync();
        var team = await TeamAsync(("seller", "seller"));
        var seller = team.Members[0];
        var account = await app.AccountAsync(Unique("Coverage Steel"));
        await DealsAsync(account, seller.ColleagueId,
            (FunnelLevel.Won, 200_000m, "CNY", "2027-02-10"),       // won 200,000
            (FunnelLevel.BestFew, 300_000m, "CNY", "2027-03-31"),   // 300,000 × 0.60 = 180,000
            (FunnelLevel.In, 400_000m, "CNY", "2027-01-01"),        // 400,000 × 0.25 = 100,000
            (FunnelLevel.Above, 200_000m, "USD", "2027-03-01"),     // 200,000 × 7 = 1,400,000 CNY × 0.10 = 140,000
            (FunnelLevel.Universe, 500_000m, "CNY", "2027-02-01"),  // universe carries no weight
            (FunnelLevel.Lost, 100_000m, "CNY", "2027-02-01"),      // lost counts nowhere
            (FunnelLevel.In, 50_000m, "JPY", "2027-02-01"),         // no JPY rate: unconverted, left out
            (FunnelLevel.BestFew, 1_000_000m, "CNY", "2027-04-01"), // closes after the quarter
            (FunnelLevel.In, 100_000m, "CNY", null));               // no close date: in no period
        await SetQuotaAsync(admin, seller.Id, "2027-Q1", 1_000_000m);

        var response = await admin.GetAsync($"/api/coverage?userId={seller.Id}&period=2027-q1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.ReadObjectAsync();
        body["period"]!.GetValue<string>().ShouldBe("2027-Q1");
        Number(body, "quota").ShouldBe(1_000_000m);
        Number(body, "won").ShouldBe(200_000m);
        Number(body, "weighted").ShouldBe(420_000m);    // 180,000 + 100,000 + 140,000
        Number(body, "coverage").ShouldBe(0.62m);       // (200,000 + 420,000) / 1,000,000
        Number(body, "gap").ShouldBe(380_000m);         // 1,000,000 − 620,000
        Number(body["winRates"]!, "above").ShouldBe(0.1m);
        Number(body["winRates"]!, "in").ShouldBe(0.25m);
        Number(body["winRates"]!, "best-few").ShouldBe(0.6m);
        body["ratesFrom"]!.GetValue<string>().ShouldBe("defaults");
        Number(body, "typicalDeal").ShouldBe(200_000m); // the one deal won in the last 365 days
        Number(body["needed"]!["above"]!, "amount").ShouldBe(3_800_000m); // 380,000 / 0.10
        body["needed"]!["above"]!["deals"]!.GetValue<int>().ShouldBe(19);  // 3,800,000 / 200,000
        Number(body["needed"]!["in"]!, "amount").ShouldBe(1_520_000m);    // 380,000 / 0.25
        body["needed"]!["in"]!["deals"]!.GetValue<int>().ShouldBe(8);      // 7.6 rounded up
        Number(body["needed"]!["best-few"]!, "amount").ShouldBe(380_000m / 0.6m); // 633,333.33…
        body["needed"]!["best-few"]!["deals"]!.GetValue<int>().ShouldBe(4);      // 3.17 rounded up
        body["unconverted"]!.GetValue<int>().ShouldBe(1);
        body["baseCurrency"]!.GetValue<string>().ShouldBe("CNY");
    }

    [Fact]
    public async Task GetCoverage_TenOrMoreClosedDeals_UsesTheTeamsHistory()
    {
        var admin = await ArrangeMoneyAsync();
        var team = await TeamAsync(("seller", "seller"), ("teammate", "seller"));
        var (seller, teammate) = (team.Members[0], team.Members[1]);
        var account = await app.AccountAsync(Unique("History Mining"));
        var all = new[] { FunnelLevel.Above, FunnelLevel.In, FunnelLevel.BestFew };
        var aboveAndIn = new[] { FunnelLevel.Above, FunnelLevel.In };
        var aboveOnly = new[] { FunnelLevel.Above };
        // The teammate's deals closed in the window:
        //   reached all three levels: 6 won, 6 lost; above and in: 2 won, 6 lost; above only: 2 won, 18 lost.
        //   above: (6+2+2) / (6+6+2+6+2+18) = 10/40 = 0.25; in: 8/20 = 0.4; best-few: 6/12 = 0.5.
        await ClosedAsync(account, teammate.ColleagueId, FunnelLevel.Won, 6, all, daysAgo: 10);
        await ClosedAsync(account, teammate.ColleagueId, FunnelLevel.Lost, 6, all, daysAgo: 20);
        await ClosedAsync(account, teammate.ColleagueId, FunnelLevel.Won, 2, aboveAndIn, daysAgo: 30);
        await ClosedAsync(account, teammate.ColleagueId, FunnelLevel.Lost, 6, aboveAndIn, daysAgo: 364);
        await ClosedAsync(account, teammate.ColleagueId, FunnelLevel.Won, 2, aboveOnly, daysAgo: 40);
        await ClosedAsync(account, teammate.ColleagueId, FunnelLevel.Lost, 18, aboveOnly, daysAgo: 50);
        // Outside the window (closed 400 days ago), or of another team: each would change every rate.
        await ClosedAsync(account, teammate.ColleagueId, FunnelLevel.Won, 10, all, daysAgo: 400);
        var stranger = (await TeamAsync(("stranger", "seller"))).Members[0];
        await ClosedAsync(account, stranger.ColleagueId, FunnelLevel.Won, 10, all, daysAgo: 5);

        // The seller: won 500,000 and 300,000 in 2027 (won now, so in the window); a deal won 400
        // days ago (closing 2025) is in neither the period nor the typical deal.
        await DealsAsync(account, seller.ColleagueId,
            (FunnelLevel.Won, 500_000m, "CNY", "2027-05-01"),
            (FunnelLevel.Won, 300_000m, "CNY", "2027-11-30"),
            (FunnelLevel.Above, 1_000_000m, "CNY", "2027-06-30"), // × 0.25 = 250,000
            (FunnelLevel.In, 500_000m, "CNY", "2027-07-01"),      // × 0.4  = 200,000
            (FunnelLevel.BestFew, 300_000m, "CNY", "2027-12-31")); // × 0.5  = 150,000
        await ClosedAsync(account, seller.ColleagueId, FunnelLevel.Won, 1, [], daysAgo: 400, amount: 10_000_000m, closeDate: "2025-10-01");
        await SetQuotaAsync(admin, seller.Id, "2027", 2_000_000m);

        var body = await (await admin.GetAsync($"/api/coverage?userId={seller.Id}&period=2027", Ct)).ReadObjectAsync();

        body["ratesFrom"]!.GetValue<string>().ShouldBe("history");
        Number(body["winRates"]!, "above").ShouldBe(0.25m);
        Number(body["winRates"]!, "in").ShouldBe(0.4m);
        Number(body["winRates"]!, "best-few").ShouldBe(0.5m);
        Number(body, "won").ShouldBe(800_000m);
        Number(body, "weighted").ShouldBe(600_000m);
        Number(body, "coverage").ShouldBe(0.7m);        // 1,400,000 / 2,000,000
        Number(body, "gap").ShouldBe(600_000m);
        Number(body, "typicalDeal").ShouldBe(400_000m); // median of 300,000 and 500,000
        Number(body["needed"]!["above"]!, "amount").ShouldBe(2_400_000m); // 600,000 / 0.25
        body["needed"]!["above"]!["deals"]!.GetValue<int>().ShouldBe(6);
        Number(body["needed"]!["in"]!, "amount").ShouldBe(1_500_000m);    // 600,000 / 0.4
        body["needed"]!["in"]!["deals"]!.GetValue<int>().ShouldBe(4);      // 3.75 rounded up
        Number(body["needed"]!["best-few"]!, "amount").ShouldBe(1_200_000m);
        body["needed"]!["best-few"]!["deals"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task GetCoverage_FewerThanTenAtOneLevel_ThatLevelKeepsItsDefault()
    {
        var admin = await ArrangeMoneyAsync();
        var team = await TeamAsync(("seller", "seller"));
        var seller = team.Members[0];
        var account = await app.AccountAsync(Unique("Mixed Rates"));
        // Above: 3 won, 7 lost = 0.3 from history; in and best-few reached by 9 only: defaults.
        await ClosedAsync(account, seller.ColleagueId, FunnelLevel.Won, 3, [FunnelLevel.Above, FunnelLevel.In, FunnelLevel.BestFew], daysAgo: 3);
        await ClosedAsync(account, seller.ColleagueId, FunnelLevel.Lost, 6, [FunnelLevel.Above, FunnelLevel.In, FunnelLevel.BestFew], daysAgo: 3);
        await ClosedAsync(account, seller.ColleagueId, FunnelLevel.Lost, 1, [FunnelLevel.Above], daysAgo: 3);
        await SetQuotaAsync(admin, seller.Id, "2030-Q4", 100m);

        var body = await (await admin.GetAsync($"/api/coverage?userId={seller.Id}&period=2030-Q4", Ct)).ReadObjectAsync();

        Number(body["winRates"]!, "above").ShouldBe(0.3m);
        Number(body["winRates"]!, "in").ShouldBe(0.25m);
        Number(body["winRates"]!, "best-few").ShouldBe(0.6m);
        body["ratesFrom"]!.GetValue<string>().ShouldBe("defaults");
        body["ratesFromByLevel"]!["above"]!.GetValue<string>().ShouldBe("history");
        body["ratesFromByLevel"]!["in"]!.GetValue<string>().ShouldBe("defaults");
    }

    [Fact]
    public async Task GetCoverage_NoWonDealInTheWindow_TypicalIsTheMedianOfOpenDeals()
    {
        var admin = await ArrangeMoneyAsync();
        var seller = (await TeamAsync(("seller", "seller"))).Members[0];
        var account = await app.AccountAsync(Unique("Open Median"));
        await DealsAsync(account, seller.ColleagueId,
            (FunnelLevel.Universe, 100_000m, "CNY", null),
            (FunnelLevel.In, 300_000m, "CNY", "2029-01-10"),
            (FunnelLevel.BestFew, 900_000m, "CNY", "2031-01-10"),
            (FunnelLevel.Lost, 5_000_000m, "CNY", "2029-01-10"));
        await SetQuotaAsync(admin, seller.Id, "2029-Q1", 1_000_000m);

        var body = await (await admin.GetAsync($"/api/coverage?userId={seller.Id}&period=2029-Q1", Ct)).ReadObjectAsync();

        Number(body, "typicalDeal").ShouldBe(300_000m); // median of 100,000, 300,000 and 900,000
        Number(body, "gap").ShouldBe(925_000m);         // 1,000,000 − 300,000 × 0.25
        body["needed"]!["in"]!["deals"]!.GetValue<int>().ShouldBe(13); // 3,700,000 / 300,000 = 12.33
    }

    [Fact]
    public async Task GetCoverage_NoDealsAtAll_TypicalAndDealsAreNull()
    {
        var admin = await ArrangeMoneyAsync();
        var seller = (await TeamAsync(("seller", "seller"))).Members[0];
        await SetQuotaAsync(admin, seller.Id, "2028", 500_000m);

        var body = await (await admin.GetAsync($"/api/coverage?userId={seller.Id}&period=2028", Ct)).ReadObjectAsync();

        Number(body, "coverage").ShouldBe(0m);
        Number(body, "gap").ShouldBe(500_000m);
        body["typicalDeal"].ShouldBeNull();
        Number(body["needed"]!["above"]!, "amount").ShouldBe(5_000_000m);
        body["needed"]!["above"]!["deals"].ShouldBeNull();
    }

    [Fact]
    public async Task GetCoverage_NoQuotaForThePeriod_Returns404Problem()
    {
        var admin = await ArrangeMoneyAsync();
        var seller = (await TeamAsync(("seller", "seller"))).Members[0];
        await SetQuotaAsync(admin, seller.Id, "2027", 1m);

        var response = await admin.GetAsync($"/api/coverage?userId={seller.Id}&period=2027-Q2", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("")]
    [InlineData("2027-Q5")]
    [InlineData("27")]
    [InlineData("2027Q1")]
    [InlineData("1999")]
    public async Task GetCoverage_BadPeriod_Returns400OnPeriod(string period)
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.GetAsync($"/api/coverage?period={period}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["period"]);
    }

    [Fact]
    public async Task GetCoverage_WhoMayRead_OwnManagerAndAdminOnly()
    {
        var admin = await ArrangeMoneyAsync();
        var team = await TeamAsync(("seller", "seller"), ("teammate", "seller"), ("manager", "manager"));
        var other = await TeamAsync(("othermanager", "manager"));
        var seller = team.Members[0];
        await SetQuotaAsync(admin, seller.Id, "2027-Q3", 10_000m);
        var url = $"/api/coverage?userId={seller.Id}&period=2027-Q3";

        (await (await ClientAsync(seller)).GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await ClientAsync(seller)).GetAsync("/api/coverage?period=2027-Q3", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await ClientAsync(team.Members[2])).GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await ClientAsync(team.Members[1])).GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await ClientAsync(other.Members[0])).GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"/api/coverage?userId=no-such-user&period=2027-Q3", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetCoverage_ManagerReadingAMember_CountsOnlyDealsTheManagerMayRead()
    {
        // The seller is in the manager's team and in a second team the manager is not in; a deal
        // shared with nobody but owned by the seller is read through the seller's teams, so the
        // manager reads all the seller's deals: the same figures as the seller's own.
        var admin = await ArrangeMoneyAsync();
        var team = await TeamAsync(("seller", "seller"), ("manager", "manager"));
        var seller = team.Members[0];
        var account = await app.AccountAsync(Unique("Visible Deals"));
        await DealsAsync(account, seller.ColleagueId, (FunnelLevel.Won, 40_000m, "CNY", "2027-08-08"));
        await SetQuotaAsync(admin, seller.Id, "2027-Q3", 100_000m);
        var url = $"/api/coverage?userId={seller.Id}&period=2027-Q3";

        var asManager = await (await (await ClientAsync(team.Members[1])).GetAsync(url, Ct)).ReadObjectAsync();
        var asSeller = await (await (await ClientAsync(seller)).GetAsync(url, Ct)).ReadObjectAsync();

        Number(asManager, "won").ShouldBe(40_000m);
        asManager.ToJsonString().ShouldBe(asSeller.ToJsonString());
    }

    // ---- arrangement ---------------------------------------------------------------------------

    public sealed record Member(string Id, string Email, Guid ColleagueId);

    public sealed record TeamOf(Guid Id, IReadOnlyList<Member> Members);

    /// <summary>Base CNY, one USD is 7 CNY; the same table in every test of the class.</summary>
    private async Task<HttpClient> ArrangeMoneyAsync()
    {
        var admin = await app.CreateAdminClientAsync();
        var put = await admin.PutAsJsonAsync("/api/settings/money", new { baseCurrency = "CNY", rates = new[] { new { currency = "USD", rateToBase = 7m } } }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rates = await admin.PutAsJsonAsync("/api/settings/win-rates", new { above = 0.1m, @in = 0.25m, bestFew = 0.6m }, Ct);
        rates.StatusCode.ShouldBe(HttpStatusCode.OK);
        return admin;
    }

    /// <summary>A new team of new users (role given), the first one marked manager when they are a manager.</summary>
    private async Task<TeamOf> TeamAsync(params (string Name, string Role)[] people)
    {
        var admin = await app.CreateAdminClientAsync();
        var members = new List<Member>();
        foreach (var (name, role) in people)
        {
            var email = $"{name}.{Guid.NewGuid():N}@coverage.test";
            var created = await (await admin.PostAsJsonAsync("/api/users", new { email, name = Unique(name), role, password = Password }, Ct)).ReadObjectAsync();
            members.Add(new Member(created["id"]!.GetValue<string>(), email, created["colleagueId"]!.GetValue<Guid>()));
        }
        var team = await (await admin.PostAsJsonAsync("/api/teams", new { name = Unique("Coverage team") }, Ct)).ReadObjectAsync();
        var put = await admin.PutAsJsonAsync($"/api/teams/{team.Id()}/members",
            new { members = members.Select((m, i) => new { userId = m.Id, manager = people[i].Role == "manager" }).ToArray() }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        return new TeamOf(team.Id(), members);
    }

    private async Task<HttpClient> ClientAsync(Member member)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await KeySellApp.SignInAsync(client, member.Email, Password));
        return client;
    }

    private static async Task SetQuotaAsync(HttpClient client, string userId, string period, decimal amount)
    {
        var response = await client.PutAsJsonAsync("/api/quotas", new { userId, period, amount }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Deals created now at their level (the save records that move, now).</summary>
    private Task DealsAsync(Guid account, Guid owner, params (FunnelLevel Level, decimal Amount, string Currency, string? CloseDate)[] deals) =>
        app.WithDbAsync(async db =>
        {
            foreach (var (level, amount, currency, close) in deals)
                db.Opportunities.Add(new Opportunity
                {
                    AccountId = account, OwnerId = owner, Name = Unique($"{level} deal"), FunnelLevel = level,
                    Objective = new SalesObjective { Product = "ERP", Amount = amount, Currency = currency, CloseDate = close is null ? null : DateOnly.Parse(close) },
                });
            await db.SaveChangesAsync(Ct);
        });

    /// <summary>
    /// <paramref name="count"/> deals closed (won or lost) <paramref name="daysAgo"/> days ago whose
    /// funnel history reached <paramref name="reached"/> before that. The moves are written as the
    /// funnel history holds them; the closing move is dated back with a direct update (history is
    /// append-only for every use case, so only a test can date a move in the past).
    /// </summary>
    private Task ClosedAsync(Guid account, Guid owner, FunnelLevel outcome, int count, FunnelLevel[] reached, int daysAgo,
        decimal amount = 100_000m, string closeDate = "2040-01-01") => app.WithDbAsync(async db =>
    {
        var closedAt = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var deal = db.Opportunities.Add(new Opportunity
            {
                AccountId = account, OwnerId = owner, Name = Unique($"Closed {outcome}"), FunnelLevel = outcome,
                Objective = new SalesObjective { Product = "ERP", Amount = amount, Currency = "CNY", CloseDate = DateOnly.Parse(closeDate) },
            }).Entity;
            ids.Add(deal.Id);
            for (var step = 0; step < reached.Length; step++)
                db.FunnelChanges.Add(new FunnelChange
                {
                    OpportunityId = deal.Id, At = closedAt.AddDays(-30 + step), By = "test",
                    From = step == 0 ? null : reached[step - 1], To = reached[step],
                });
        }
        await db.SaveChangesAsync(Ct);
        await db.FunnelChanges.Where(c => ids.Contains(c.OpportunityId) && c.To == outcome).ExecuteUpdateAsync(s => s.SetProperty(c => c.At, closedAt), Ct);
    });

    private static decimal Number(JsonNode node, string name) => node[name]!.GetValue<decimal>();
}

public sealed class CoverageTests_Sqlite(SqliteApp app) : CoverageTests<SqliteApp>(app);
public sealed class CoverageTests_Postgres(PostgresApp app) : CoverageTests<PostgresApp>(app);
