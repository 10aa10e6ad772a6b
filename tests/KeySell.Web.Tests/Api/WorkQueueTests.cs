using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>
/// The funnel contract's "Work queue (Home)": <c>GET /api/work-queue</c> orders open deals by level
/// (best few, above, in, universe), close date (none last), amount in the base currency (largest
/// first, unconverted last) and name; its counts, top flag and premature marker are what the
/// deal's analysis reports; scopes go through the access rules.
/// </summary>
public abstract class WorkQueueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Queue-Passw0rd!";

    /// <summary>
    /// A seller in team T with a manager, and a seller of another team U; the seller owns ten open
    /// deals (and a won and a lost one) whose expected order is written out by hand below.
    /// Rates: USD 7, EUR 8 to CNY; JPY has none (unconverted).
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var admin = await app.CreateAdminClientAsync();
        (await admin.PutAsJsonAsync("/api/settings/money", new
        {
            baseCurrency = "CNY",
            rates = new[] { new { currency = "USD", rateToBase = 7m }, new { currency = "EUR", rateToBase = 8m } },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var tag = Guid.NewGuid().ToString("N")[..6];
        async Task<(string Id, Guid ColleagueId, HttpClient Client)> User(string name, string role)
        {
            var email = $"{name.ToLowerInvariant()}.{tag}@queue.example";
            var response = await admin.PostAsJsonAsync("/api/users", new { email, name = $"{name} {tag}", role, password = Password }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
            var user = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await KeySellApp.SignInAsync(client, email, Password));
            return (user["id"]!.GetValue<string>(), user["colleagueId"]!.GetValue<Guid>(), client);
        }
        var seller = await User("Seller", "seller");
        var manager = await User("Manager", "manager");
        var other = await User("Other", "seller");
        async Task<Guid> Team(string name, params object[] members)
        {
            var team = (await (await admin.PostAsJsonAsync("/api/teams", new { name = $"{name} {tag}" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!.Id();
            (await admin.PutAsJsonAsync($"/api/teams/{team}/members", new { members }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            return team;
        }
        var teamT = await Team("Team T", new { userId = seller.Id, manager = false }, new { userId = manager.Id, manager = true });
        await Team("Team U", new { userId = other.Id, manager = false });

        var accountId = await app.AccountAsync(Unique("Queue Steel"));
        var ids = new Dictionary<string, Guid>();
        async Task Deal(string name, string level, string? closeDate, decimal? amount, string? currency)
        {
            var response = await admin.PostAsJsonAsync("/api/opportunities", new
            {
                accountId,
                name = $"{name} {tag}",
                objective = new { product = "ERP suite", quantity = 1, amount, currency, closeDate },
                funnelLevel = level,
                ownerId = seller.ColleagueId,
            }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
            ids[name] = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!.Id();
        }
        // Created out of order, so the queue's order cannot come from insertion.
        await Deal("G in late", "in", "2027-06-30", 5m, "CNY");
        await Deal("U universe", "universe", "2027-01-01", 1m, "CNY");
        await Deal("C above 700", "above", "2027-01-10", 100m, "USD");           // 700 CNY
        await Deal("K above unconverted", "above", "2027-01-10", 1_000_000m, "JPY"); // no rate: after every converted amount
        await Deal("A best few dated", "best-few", "2027-05-01", 100m, "CNY");
        await Deal("I in 700 USD", "in", "2027-03-01", 100m, "USD");            // 700 CNY, ties with H: by name
        await Deal("W won", "won", "2027-01-01", 9_000_000m, "CNY");
        await Deal("D above 800", "above", "2027-01-10", 100m, "EUR");           // 800 CNY
        await Deal("B best few undated", "best-few", null, 1000m, "USD");
        await Deal("J above no amount", "above", "2027-01-10", null, null);     // no amount: with the unconverted, by name
        await Deal("H in 700 CNY", "in", "2027-03-01", 700m, "CNY");
        await Deal("L lost", "lost", "2027-01-01", 9_000_000m, "CNY");
        return new World(admin, seller.Client, manager.Client, other.Client, teamT, ids, accountId, seller.ColleagueId);
    }

    private sealed record World(
        HttpClient Admin, HttpClient Seller, HttpClient Manager, HttpClient Other, Guid TeamT, Dictionary<string, Guid> Ids, Guid AccountId, Guid SellerColleagueId)
    {
        /// <summary>Best few (dated before undated), above (800, 700, then no amount and unconverted by name), in (700 and 700 by name, then the later date), universe.</summary>
        public IEnumerable<Guid> ExpectedOrder =>
            new[] { "A best few dated", "B best few undated", "D above 800", "C above 700", "J above no amount", "K above unconverted",
                "H in 700 CNY", "I in 700 USD", "G in late", "U universe" }.Select(n => Ids[n]);
    }

    private static async Task<JsonObject> QueueAsync(HttpClient client, string query, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/work-queue?" + query);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private static List<Guid> Ids(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!.Id())];

    [Fact]
    public async Task WorkQueue_MySeller_IsInTheMethodsOrderAcrossPages()
    {
        var w = await WorldAsync();

        var pages = new List<JsonObject>();
        for (var page = 1; page <= 3; page++) pages.Add(await QueueAsync(w.Seller, $"scope=me&page={page}&pageSize=4"));

        pages[0]["totalCount"]!.GetValue<int>().ShouldBe(10, "won and lost are not in the queue");
        pages.SelectMany(Ids).ShouldBe(w.ExpectedOrder);
        var first = pages[0]["items"]![0]!;
        first["level"]!.GetValue<string>().ShouldBe("best-few");
        first["amount"]!.GetValue<decimal>().ShouldBe(100m);
        first["currency"]!.GetValue<string>().ShouldBe("CNY");
        first["closeDate"]!.GetValue<string>().ShouldBe("2027-05-01");
        first["account"]!["id"]!.GetValue<Guid>().ShouldNotBe(Guid.Empty);
        first["owner"]!["name"]!.GetValue<string>().ShouldStartWith("Seller ");
        first.AsObject().ContainsKey("nextAction").ShouldBeTrue();
        first["nextAction"].ShouldBeNull();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task WorkQueue_Items_CountsTopFlagAndPrematureAreTheAnalysisInTheCallersLanguage(string language)
    {
        var w = await WorldAsync();

        var items = (await QueueAsync(w.Seller, "scope=me&pageSize=50", language))["items"]!.AsArray();

        items.Count.ShouldBe(10);
        foreach (var node in items)
        {
            var item = node!;
            var analysis = (await w.Seller.GetFromJsonAsync<JsonObject>($"/api/opportunities/{item.Id()}/analysis?lang={language}", Ct))!;
            var flags = analysis["redFlags"]!.AsArray();
            var name = item["name"]!.GetValue<string>();
            item["redFlags"]!.GetValue<int>().ShouldBe(flags.Count, name);
            item["critical"]!.GetValue<int>().ShouldBe(flags.Count(f => f!["severity"]!.GetValue<string>() == "critical"), name);
            item["premature"]!.GetValue<bool>().ShouldBe(analysis["funnel"]!["premature"]!.GetValue<bool>(), name);
            flags.Count.ShouldBeGreaterThan(0, "a deal with no buying influence has red flags");
            var top = item["topFlag"]!;
            top["id"]!.GetValue<string>().ShouldBe(flags[0]!["id"]!.GetValue<string>(), name);
            top["severity"]!.GetValue<string>().ShouldBe(flags[0]!["severity"]!.GetValue<string>(), name);
            top["message"]!.GetValue<string>().ShouldBe(flags[0]!["message"]!.GetValue<string>(), name);
        }
        // A best-few deal with no buying influence at all stands where nothing supports it.
        items.Single(i => i!.Id() == w.Ids["A best few dated"])!["premature"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task WorkQueue_TopFlag_EnglishAndChineseMessagesDiffer()
    {
        var w = await WorldAsync();

        var english = (await QueueAsync(w.Seller, "scope=me&pageSize=1", "en"))["items"]![0]!["topFlag"]!["message"]!.GetValue<string>();
        var chinese = (await QueueAsync(w.Seller, "scope=me&pageSize=1&lang=zh-CN"))["items"]![0]!["topFlag"]!["message"]!.GetValue<string>();

        english.ShouldNotBeNullOrWhiteSpace();
        chinese.ShouldNotBe(english);
        chinese.Any(c => c >= '\u4e00' && c <= '\u9fff').ShouldBeTrue(chinese);
    }

    [Fact]
    public async Task WorkQueue_TopFlagNamingAPerson_ShowsTheirCurrentNameAfterARename()
    {
        var w = await WorldAsync();
        // First in the seller's queue (best few, the earliest close date): an active coach and a coach who left the company.
        var created = await w.Admin.PostAsJsonAsync("/api/opportunities", new
        {
            accountId = w.AccountId,
            name = Unique("A0 coach left"),
            objective = new { product = "ERP suite", quantity = 1, amount = 10m, currency = "CNY", closeDate = "2027-01-01" },
            funnelLevel = "best-few",
            ownerId = w.SellerColleagueId,
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var deal = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!.Id();
        var gone = await app.PersonAsync(w.AccountId, Unique("Li Wei"));
        await w.Admin.AddInfluenceAsync(deal, new { newPerson = new { name = Unique("Zhang Min") }, roles = new[] { "coach" }, influence = "high", support = 4 });
        await w.Admin.AddInfluenceAsync(deal, new { personId = gone, roles = new[] { "coach" }, influence = "high", support = 4 });
        async Task RenameAsync(string name, string status)
        {
            var person = (await w.Admin.GetFromJsonAsync<JsonObject>($"/api/people/{gone}", Ct))!;
            var put = await w.Admin.PutAsJsonAsync($"/api/people/{gone}", new { name, status, version = person.Version() }, Ct);
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        }
        await RenameAsync(Unique("Li Wei"), "left-company");
        var renamed = Unique("Li Weiming");
        await RenameAsync(renamed, "left-company");

        foreach (var language in new[] { "en", "zh-CN" })
        {
            var top = (await QueueAsync(w.Seller, $"scope=me&pageSize=1&lang={language}"))["items"]![0]!;
            top.Id().ShouldBe(deal);
            top["topFlag"]!["id"]!.GetValue<string>().ShouldBe("coach-gone");
            top["topFlag"]!["message"]!.GetValue<string>().ShouldContain(renamed, Case.Sensitive, language);
            var analysis = (await w.Seller.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}/analysis?lang={language}", Ct))!;
            top["topFlag"]!["message"]!.GetValue<string>().ShouldBe(analysis["redFlags"]![0]!["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task WorkQueue_Scopes_ManagerSeesTheTeamAndAnotherTeamsSellerSeesNone()
    {
        var w = await WorldAsync();

        // The manager owns nothing; the team's queue is the seller's deals, in the same order.
        Ids(await QueueAsync(w.Manager, "scope=me")).ShouldBeEmpty();
        Ids(await QueueAsync(w.Manager, $"scope=team:{w.TeamT}&pageSize=50")).ShouldBe(w.ExpectedOrder);
        // The other team's seller reads none of them, whatever the scope.
        Ids(await QueueAsync(w.Other, "scope=me&pageSize=200")).ShouldBeEmpty();
        Ids(await QueueAsync(w.Other, "scope=all&pageSize=200")).ShouldNotContain(w.Ids["A best few dated"]);
        (await w.Other.GetAsync($"/api/work-queue?scope=team:{w.TeamT}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Admins read every team's queue.
        Ids(await QueueAsync(w.Admin, $"scope=team:{w.TeamT}&pageSize=50")).ShouldBe(w.ExpectedOrder);
    }

    [Theory]
    [InlineData("scope=everyone", "scope")]
    [InlineData("scope=team:not-a-guid", "scope")]
    [InlineData("lang=fr", "lang")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task WorkQueue_BadInput_Is400NamingTheField(string query, string field)
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.GetAsync("/api/work-queue?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        problem["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue(problem.ToJsonString());
    }

    [Fact]
    public async Task WorkQueue_UnknownTeam_Is404()
    {
        var admin = await app.CreateAdminClientAsync();

        (await admin.GetAsync($"/api/work-queue?scope=team:{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class WorkQueueTests_Sqlite(SqliteApp app) : WorkQueueTests<SqliteApp>(app);
public sealed class WorkQueueTests_Postgres(PostgresApp app) : WorkQueueTests<PostgresApp>(app);
