using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

public abstract class OpportunityEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    [Fact]
    public async Task List_WithoutSignIn_Returns401()
    {
        var response = await app.CreateClient().GetAsync("/api/opportunities", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_ValidOpportunity_Returns201WithTheStoredDeal()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("East China Steel"));
        var ownerId = await app.ColleagueAsync("Our VP Sales");

        var created = await client.CreateOpportunityAsync(accountId, "ERP rollout", ownerId);

        var response = await client.GetAsync($"/api/opportunities/{created.Id()}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await response.ReadObjectAsync();
        stored["name"]!.GetValue<string>().ShouldBe("ERP rollout");
        stored["accountId"]!.GetValue<Guid>().ShouldBe(accountId);
        stored["objective"]!["amount"]!.GetValue<decimal>().ShouldBe(1200000m);
        stored["objective"]!["currency"]!.GetValue<string>().ShouldBe("CNY");
        stored["objective"]!["closeDate"]!.GetValue<string>().ShouldBe("2027-03-31");
        stored["funnelLevel"]!.GetValue<string>().ShouldBe("in");
        stored["engagement"]!.GetValue<string>().ShouldBe("before-project");
        stored["ownerName"]!.GetValue<string>().ShouldBe("Our VP Sales");
        stored["influences"]!.AsArray().ShouldBeEmpty();
        stored.Version().ShouldBe(1);
    }

    [Fact]
    public async Task Create_InvalidFields_Returns400WithAnErrorPerField()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/opportunities", new
        {
            accountId = Guid.NewGuid(),
            name = " ",
            objective = new { product = "ERP", quantity = -1, amount = -5, currency = "yuan", closeDate = "0202-11-26" },
            engagement = "during-tender",
            funnelLevel = "middle",
            ownerId = Guid.NewGuid(),
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(
            ["accountId", "name", "objective.quantity", "objective.amount", "objective.currency", "objective.closeDate", "engagement", "funnelLevel", "ownerId"],
            ignoreOrder: true);
        problem.Errors["objective.currency"].ShouldHaveSingleItem().ShouldContain("yuan");
    }

    [Fact]
    public async Task Get_UnknownId_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.GetAsync($"/api/opportunities/{Guid.NewGuid()}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstWritersChange()
    {
        var client = await app.CreateAdminClientAsync();
        var created = await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Acme")), "Pilot");
        var url = $"/api/opportunities/{created.Id()}";

        var first = await client.PutAsJsonAsync(url, new { version = 1, name = "Pilot, phase 1", funnelLevel = "best-few" }, Ct);
        var second = await client.PutAsJsonAsync(url, new { version = 1, name = "Pilot, overwritten", funnelLevel = "lost" }, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.ReadObjectAsync()).Version().ShouldBe(2);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(second)).Detail.ShouldNotBeNull().ShouldContain("version 2");
        var stored = await client.GetFromJsonAsync<JsonObject>(url, Ct);
        stored!["name"]!.GetValue<string>().ShouldBe("Pilot, phase 1");
        stored["funnelLevel"]!.GetValue<string>().ShouldBe("best-few");
    }

    [Fact]
    public async Task Update_UnknownId_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PutAsJsonAsync($"/api/opportunities/{Guid.NewGuid()}", new { version = 1, name = "X" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_Search_MatchesDealOrAccountNameIgnoringCase()
    {
        var client = await app.CreateAdminClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var steel = await app.AccountAsync($"Steel {marker} Group");
        var other = await app.AccountAsync(Unique("Other"));
        await client.CreateOpportunityAsync(steel, "ERP rollout");
        await client.CreateOpportunityAsync(other, $"Mill {marker.ToUpperInvariant()} upgrade");
        await client.CreateOpportunityAsync(other, "Unrelated");

        var page = await client.GetFromJsonAsync<JsonObject>($"/api/opportunities?search={marker.ToUpperInvariant()}", Ct);

        page!["totalCount"]!.GetValue<int>().ShouldBe(2);
        page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["ERP rollout", $"Mill {marker.ToUpperInvariant()} upgrade"], ignoreOrder: true);
    }

    [Fact]
    public async Task List_ByAccount_PagesWithTheTotalCount()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Paged"));
        foreach (var name in new[] { "Deal A", "Deal B", "Deal C" }) await client.CreateOpportunityAsync(accountId, name);

        var page = await client.GetFromJsonAsync<JsonObject>($"/api/opportunities?accountId={accountId}&page=2&pageSize=2", Ct);

        page!["totalCount"]!.GetValue<int>().ShouldBe(3);
        var item = page["items"]!.AsArray().ShouldHaveSingleItem()!;
        item["name"]!.GetValue<string>().ShouldBe("Deal C");
        item["accountId"]!.GetValue<Guid>().ShouldBe(accountId);
        item["funnelLevel"]!.GetValue<string>().ShouldBe("in");
        item["amount"]!.GetValue<decimal>().ShouldBe(1200000m);
        item["influenceCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task List_Mine_ReturnsOnlyDealsOwnedByTheSignedInColleague()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Mine"));
        var me = await app.AdminColleagueIdAsync();
        var someoneElse = await app.ColleagueAsync("Someone else");
        var mine = await client.CreateOpportunityAsync(accountId, "My deal", me);
        await client.CreateOpportunityAsync(accountId, "Their deal", someoneElse);

        var page = await client.GetFromJsonAsync<JsonObject>($"/api/opportunities?mine=true&accountId={accountId}", Ct);

        page!["items"]!.AsArray().ShouldHaveSingleItem()!.Id().ShouldBe(mine.Id());
        page["items"]![0]!["ownerName"]!.GetValue<string>().ShouldBe("Administrator");
    }

    [Fact]
    public async Task Delete_CurrentVersion_Returns204AndRemovesTheDealWithItsInfluences()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Delete"));
        var created = await client.CreateOpportunityAsync(accountId, "Doomed");
        var influence = await client.AddInfluenceAsync(created.Id(), new { newPerson = new { name = "Li Wei" } });

        var response = await client.DeleteAsync($"/api/opportunities/{created.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/opportunities/{created.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/influences/{influence.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The person stays in the account's org chart.
        (await app.WithDbAsync(db => Task.FromResult(db.People.Any(p => p.Id == influence["personId"]!.GetValue<Guid>())))).ShouldBeTrue();
    }

    [Fact]
    public async Task Delete_StaleVersion_Returns409AndKeepsTheDeal()
    {
        var client = await app.CreateAdminClientAsync();
        var created = await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Keep")), "Kept");
        await client.PutAsJsonAsync($"/api/opportunities/{created.Id()}", new { version = 1, name = "Kept, renamed" }, Ct);

        var response = await client.DeleteAsync($"/api/opportunities/{created.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetAsync($"/api/opportunities/{created.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SaveLists_ValidLists_ReplacesAllThreeAndRaisesTheVersion()
    {
        var client = await app.CreateAdminClientAsync();
        var created = await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Lists")), "Lists");
        await client.AddInfluenceAsync(created.Id(), new { newPerson = new { name = "Li Wei" } });
        var url = $"/api/opportunities/{created.Id()}/lists";
        await client.PutAsJsonAsync(url, new { version = 1, strengths = new[] { new { text = "Old strength" } } }, Ct);

        var response = await client.PutAsJsonAsync(url, new
        {
            version = 2,
            strengths = new object[] { new { text = "Local support centre", addresses = new[] { "coach-weak", "manual" } } },
            redFlags = new object[] { new { text = "Reorganisation rumour", influence = "li-wei" }, new { text = "Budget freeze", influence = (string?)null } },
            objections = new object[] { new { from = "li-wei", text = "Price 20% above budget", status = "deferred" } },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await response.ReadObjectAsync()).Version().ShouldBe(3);
        var stored = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{created.Id()}", Ct))!;
        stored.Version().ShouldBe(3);
        stored["strengths"]!.AsArray().ShouldHaveSingleItem()!["text"]!.GetValue<string>().ShouldBe("Local support centre");
        stored["strengths"]![0]!["addresses"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["coach-weak", "manual"]);
        stored["redFlags"]!.AsArray().Select(f => f!["influence"]?.GetValue<string>()).ShouldBe(["li-wei", null]);
        var objection = stored["objections"]!.AsArray().ShouldHaveSingleItem()!;
        objection["from"]!.GetValue<string>().ShouldBe("li-wei");
        objection["status"]!.GetValue<string>().ShouldBe("deferred");
    }

    [Fact]
    public async Task SaveLists_UnknownInfluenceAndRedFlag_Returns400AndChangesNothing()
    {
        var client = await app.CreateAdminClientAsync();
        var created = await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Lists bad")), "Lists");
        var url = $"/api/opportunities/{created.Id()}/lists";

        var response = await client.PutAsJsonAsync(url, new
        {
            version = 1,
            strengths = new object[] { new { text = "Fine", addresses = new[] { "made-up" } } },
            redFlags = new object[] { new { text = "", influence = (string?)null } },
            objections = new object[] { new { from = "nobody", text = "Too dear", status = "closed" } },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(
            ["strengths[0].addresses[0]", "redFlags[0].text", "objections[0].from", "objections[0].status"], ignoreOrder: true);
        var stored = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{created.Id()}", Ct))!;
        stored.Version().ShouldBe(1);
        stored["strengths"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveLists_StaleVersion_Returns409AndKeepsTheFirstWritersLists()
    {
        var client = await app.CreateAdminClientAsync();
        var created = await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Lists stale")), "Lists");
        var url = $"/api/opportunities/{created.Id()}/lists";

        var first = await client.PutAsJsonAsync(url, new { version = 1, strengths = new[] { new { text = "First" } } }, Ct);
        var second = await client.PutAsJsonAsync(url, new { version = 1, strengths = new[] { new { text = "Second" } } }, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stored = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{created.Id()}", Ct))!;
        stored["strengths"]!.AsArray().ShouldHaveSingleItem()!["text"]!.GetValue<string>().ShouldBe("First");
    }
}

public sealed class OpportunityEndpointsTests_Sqlite(SqliteApp app) : OpportunityEndpointsTests<SqliteApp>(app);
public sealed class OpportunityEndpointsTests_Postgres(PostgresApp app) : OpportunityEndpointsTests<PostgresApp>(app);
