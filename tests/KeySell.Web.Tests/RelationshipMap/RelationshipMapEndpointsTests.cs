using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Api;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.RelationshipMap;

/// <summary>
/// The relationship maps of a deal and an account, on one org chart written by hand:
/// CEO ← CFO ← Controller ← Accountant, CEO ← IT Head, CEO ← Receptionist, and Lonely (reports to nobody).
/// The deal has CFO, Accountant and IT Head on it, and one line: Accountant listens to IT Head.
/// </summary>
public abstract class RelationshipMapEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Mapper-Passw0rd!";

    private sealed record World(HttpClient Admin, Guid Account, Guid Deal, Dictionary<string, Guid> People);

    private async Task<World> WorldAsync(string name)
    {
        var admin = await app.CreateAdminClientAsync();
        var account = (await admin.CreateAccountAsync(Unique(name))).Id();
        var people = new Dictionary<string, Guid>();
        async Task Person(string who, string? above) =>
            people[who] = (await admin.CreatePersonAsync(new { accountId = account, name = who, title = $"{who} title", reportsToId = above is null ? (Guid?)null : people[above] })).Id();
        await Person("CEO", null);
        await Person("CFO", "CEO");
        await Person("Controller", "CFO");
        await Person("Accountant", "Controller");
        await Person("IT Head", "CEO");
        await Person("Receptionist", "CEO");
        await Person("Lonely", null);
        var deal = (await admin.CreateOpportunityAsync(account, name)).Id();
        await admin.AddInfluenceAsync(deal, new { personId = people["CFO"], roles = new[] { "economic" }, influence = "high", support = 3, mode = "growth" });
        await admin.AddInfluenceAsync(deal, new { personId = people["Accountant"], roles = new[] { "user" }, influence = "low", support = -2 });
        await admin.AddInfluenceAsync(deal, new { personId = people["IT Head"], roles = new[] { "technical", "coach" } });
        var line = await admin.PostAsJsonAsync($"/api/opportunities/{deal}/influence-lines", new { from = "accountant", to = "it-head", strength = "strong", note = "Old colleagues" }, Ct);
        line.StatusCode.ShouldBe(HttpStatusCode.Created, await line.Content.ReadAsStringAsync(Ct));
        return new World(admin, account, deal, people);
    }

    private async Task<HttpClient> UserAsync(HttpClient admin, string role)
    {
        var email = $"map-{role}-{Guid.NewGuid():N}@keysell.test";
        var created = await admin.PostAsJsonAsync("/api/users", new { email, name = Unique($"Map {role}"), role, password = Password }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(client, email, Password));
        return client;
    }

    private static IEnumerable<(string Kind, Guid From, Guid To, bool Skips)> Edges(JsonObject map) =>
        map["edges"]!.AsArray().Select(e => (e!["kind"]!.GetValue<string>(), e["from"]!.GetValue<Guid>(), e["to"]!.GetValue<Guid>(), e["skips"]!.GetValue<bool>()));

    private static JsonObject Node(JsonObject map, Guid person) =>
        map["nodes"]!.AsArray().Single(n => n!["personId"]!.GetValue<Guid>() == person)!.AsObject();

    [Fact]
    public async Task DealMap_FixedDeal_ShowsItsPeopleReportingToTheNearestShownManagerAndItsLine()
    {
        var w = await WorldAsync("Map deal");
        var p = w.People;

        var map = (await w.Admin.GetFromJsonAsync<JsonObject>($"/api/opportunities/{w.Deal}/map", Ct))!;

        map["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ShouldBe(["CFO", "Accountant", "IT Head"], ignoreOrder: true);
        // The Accountant's manager (Controller) is not on the deal: the line goes to the CFO above, marked as skipping people.
        // The CFO's and IT Head's managers (CEO) are on no line of the deal.
        Edges(map).ShouldBe([
            ("reporting", p["Accountant"], p["CFO"], true),
            ("informal", p["Accountant"], p["IT Head"], false),
        ], ignoreOrder: true);
        var informal = map["edges"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "informal")!;
        informal["strength"]!.GetValue<string>().ShouldBe("strong");
        informal["note"]!.GetValue<string>().ShouldBe("Old colleagues");
        informal["opportunityId"]!.GetValue<Guid>().ShouldBe(w.Deal);
        var cfo = Node(map, p["CFO"]);
        cfo["support"]!.GetValue<int>().ShouldBe(3);
        cfo["influence"]!.GetValue<string>().ShouldBe("high");
        cfo["mode"]!.GetValue<string>().ShouldBe("growth");
        cfo["roles"]!.ToJsonString().ShouldContain("economic");
        Node(map, p["IT Head"])["support"].ShouldBeNull();
        cfo["position"]!["saved"]!.GetValue<bool>().ShouldBeFalse();
        map["canEditLines"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task DealMap_FirstLayout_PutsTheManagerAboveTheReportAndIsTheSameEachTime()
    {
        var w = await WorldAsync("Map layout");

        var first = (await w.Admin.GetFromJsonAsync<JsonObject>($"/api/opportunities/{w.Deal}/map", Ct))!;
        var again = (await w.Admin.GetFromJsonAsync<JsonObject>($"/api/opportunities/{w.Deal}/map", Ct))!;

        double Y(JsonObject map, string who) => Node(map, w.People[who])["position"]!["y"]!.GetValue<double>();
        Y(first, "CFO").ShouldBeLessThan(Y(first, "Accountant"));
        first["nodes"]!.ToJsonString().ShouldBe(again["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task Positions_SavedByOneUser_AreTheirsAlone_AndResetForgetsThem()
    {
        var w = await WorldAsync("Map positions");
        var other = await UserAsync(w.Admin, "admin");
        var url = $"/api/opportunities/{w.Deal}/map";

        var saved = await w.Admin.PutAsJsonAsync($"{url}/positions", new { positions = new[] { new { personId = w.People["CFO"], x = 420.5, y = -30 } } }, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));

        var mine = Node((await w.Admin.GetFromJsonAsync<JsonObject>(url, Ct))!, w.People["CFO"])["position"]!;
        var theirs = Node((await other.GetFromJsonAsync<JsonObject>(url, Ct))!, w.People["CFO"])["position"]!;
        (mine["x"]!.GetValue<double>(), mine["y"]!.GetValue<double>(), mine["saved"]!.GetValue<bool>()).ShouldBe((420.5, -30.0, true));
        theirs["saved"]!.GetValue<bool>().ShouldBeFalse();
        // The account's map is another map: the deal's position is not carried there.
        var onAccount = (await w.Admin.GetFromJsonAsync<JsonObject>($"/api/accounts/{w.Account}/map", Ct))!;
        Node(onAccount, w.People["CFO"])["position"]!["saved"]!.GetValue<bool>().ShouldBeFalse();

        (await w.Admin.DeleteAsync($"{url}/positions", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Node((await w.Admin.GetFromJsonAsync<JsonObject>(url, Ct))!, w.People["CFO"])["position"]!["saved"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Positions_PersonOfAnotherAccountFarAwayOrTooMany_Return400ByField()
    {
        var w = await WorldAsync("Map bad positions");
        var stranger = await app.PersonAsync(await app.AccountAsync(Unique("Elsewhere")), "Stranger");
        var url = $"/api/opportunities/{w.Deal}/map/positions";

        var foreign = await w.Admin.PutAsJsonAsync(url, new { positions = new[] { new { personId = stranger, x = 1, y = 1 } } }, Ct);
        var far = await w.Admin.PutAsJsonAsync(url, new { positions = new[] { new { personId = w.People["CFO"], x = 1, y = 1e9 } } }, Ct);
        var many = await w.Admin.PutAsJsonAsync(url, new { positions = Enumerable.Repeat(new { personId = w.People["CFO"], x = 1, y = 1 }, 301).ToArray() }, Ct);

        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(foreign)).Errors.ShouldNotBeNull().Keys.ShouldBe(["positions[0].personId"]);
        far.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(far)).Errors.ShouldNotBeNull().Keys.ShouldBe(["positions[0].y"]);
        many.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(many)).Errors.ShouldNotBeNull().Keys.ShouldContain("positions");
        Node((await w.Admin.GetFromJsonAsync<JsonObject>($"/api/opportunities/{w.Deal}/map", Ct))!, w.People["CFO"])["position"]!["saved"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Maps_ASellerWithoutAccess_Get404Everywhere()
    {
        var w = await WorldAsync("Map private");
        var seller = await UserAsync(w.Admin, "seller");

        (await seller.GetAsync($"/api/opportunities/{w.Deal}/map", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await seller.GetAsync($"/api/accounts/{w.Account}/map", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await seller.GetAsync($"/api/accounts/{w.Account}/person-lines", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await seller.PutAsJsonAsync($"/api/opportunities/{w.Deal}/map/positions", new { positions = new[] { new { personId = w.People["CFO"], x = 1, y = 1 } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await seller.PostAsJsonAsync($"/api/accounts/{w.Account}/person-lines", new { from = w.People["CEO"], to = w.People["Lonely"] }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AccountMap_ShowsDealPeopleLinePeopleAndTheirChains_NeutralUntilADealIsPicked()
    {
        var w = await WorldAsync("Map account");
        var p = w.People;
        var line = await w.Admin.PostAsJsonAsync($"/api/accounts/{w.Account}/person-lines", new { from = p["Controller"], to = p["Receptionist"], strength = "weak" }, Ct);
        line.StatusCode.ShouldBe(HttpStatusCode.Created, await line.Content.ReadAsStringAsync(Ct));
        var url = $"/api/accounts/{w.Account}/map";

        var map = (await w.Admin.GetFromJsonAsync<JsonObject>(url, Ct))!;

        // Everyone but Lonely: on the deal, on a line, or above someone who is.
        map["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>())
            .ShouldBe(["CEO", "CFO", "Controller", "Accountant", "IT Head", "Receptionist"], ignoreOrder: true);
        Edges(map).ShouldBe([
            ("reporting", p["CFO"], p["CEO"], false),
            ("reporting", p["Controller"], p["CFO"], false),
            ("reporting", p["Accountant"], p["Controller"], false),
            ("reporting", p["IT Head"], p["CEO"], false),
            ("reporting", p["Receptionist"], p["CEO"], false),
            ("informal", p["Accountant"], p["IT Head"], false),
            ("informal", p["Controller"], p["Receptionist"], false),
        ], ignoreOrder: true);
        map["nodes"]!.AsArray().ShouldAllBe(n => n!["support"] == null);
        map["omitted"]!.GetValue<int>().ShouldBe(0);

        var coloured = (await w.Admin.GetFromJsonAsync<JsonObject>($"{url}?deal={w.Deal}&include={p["Lonely"]}", Ct))!;
        Node(coloured, p["CFO"])["support"]!.GetValue<int>().ShouldBe(3);
        Node(coloured, p["Accountant"])["support"]!.GetValue<int>().ShouldBe(-2);
        Node(coloured, p["CEO"])["support"].ShouldBeNull();
        coloured["nodes"]!.AsArray().Count.ShouldBe(7);
        coloured["supportFrom"]!.GetValue<Guid>().ShouldBe(w.Deal);
    }

    [Fact]
    public async Task AccountMap_ADealOrPersonOfAnotherAccount_Returns400()
    {
        var w = await WorldAsync("Map account bad");
        var other = await WorldAsync("Map account other");

        var deal = await w.Admin.GetAsync($"/api/accounts/{w.Account}/map?deal={other.Deal}", Ct);
        var person = await w.Admin.GetAsync($"/api/accounts/{w.Account}/map?include={other.People["CEO"]}", Ct);

        deal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(deal)).Errors.ShouldNotBeNull().Keys.ShouldBe(["deal"]);
        person.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(person)).Errors.ShouldNotBeNull().Keys.ShouldBe(["include"]);
    }

    [Fact]
    public async Task PersonLines_AddUpdateRemove_WithVersionsHistoryAndLimits()
    {
        var w = await WorldAsync("Person lines");
        var p = w.People;
        var url = $"/api/accounts/{w.Account}/person-lines";
        var stranger = await app.PersonAsync(await app.AccountAsync(Unique("Elsewhere")), "Stranger");

        var added = await w.Admin.PostAsJsonAsync(url, new { from = p["CEO"], to = p["Lonely"], strength = "strong", note = "同乡 / same home town" }, Ct);
        var twice = await w.Admin.PostAsJsonAsync(url, new { from = p["CEO"], to = p["Lonely"] }, Ct);
        var self = await w.Admin.PostAsJsonAsync(url, new { from = p["CEO"], to = p["CEO"] }, Ct);
        var bad = await w.Admin.PostAsJsonAsync(url, new { from = stranger, to = p["CEO"], strength = "huge", note = new string('n', 4001) }, Ct);

        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync(Ct));
        var line = await added.ReadObjectAsync();
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(twice)).Errors.ShouldNotBeNull().Keys.ShouldBe(["to"]);
        self.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(self)).Errors.ShouldNotBeNull().Keys.ShouldBe(["to"]);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(bad)).Errors.ShouldNotBeNull().Keys.ShouldBe(["from", "strength", "note"], ignoreOrder: true);

        var updated = await w.Admin.PutAsJsonAsync($"{url}/{line.Id()}", new { from = p["Lonely"], to = p["CEO"], strength = "weak", note = (string?)null, version = 1 }, Ct);
        var stale = await w.Admin.PutAsJsonAsync($"{url}/{line.Id()}", new { from = p["Lonely"], to = p["CEO"], strength = "medium", version = 1 }, Ct);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync(Ct));
        (await updated.ReadObjectAsync()).Version().ShouldBe(2);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var lines = (await w.Admin.GetFromJsonAsync<JsonArray>(url, Ct))!;
        lines.Select(l => (l!["from"]!.GetValue<Guid>(), l["to"]!.GetValue<Guid>(), l["strength"]!.GetValue<string>())).ShouldBe([(p["Lonely"], p["CEO"], "weak")]);

        (await w.Admin.DeleteAsync($"{url}/{line.Id()}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await w.Admin.DeleteAsync($"{url}/{line.Id()}?version=2", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await w.Admin.GetFromJsonAsync<JsonArray>(url, Ct))!.ShouldBeEmpty();

        var history = (await w.Admin.GetFromJsonAsync<JsonObject>($"/api/accounts/{w.Account}/history", Ct))!;
        history["items"]!.AsArray().Where(i => i!["entity"]!.GetValue<string>() == "personLine").Select(i => i!["action"]!.GetValue<string>())
            .ShouldBe(["created", "updated", "updated", "updated", "updated", "deleted"], ignoreOrder: true);
    }
}

public sealed class RelationshipMapEndpointsTests_Sqlite(SqliteApp app) : RelationshipMapEndpointsTests<SqliteApp>(app);
public sealed class RelationshipMapEndpointsTests_Postgres(PostgresApp app) : RelationshipMapEndpointsTests<PostgresApp>(app);
