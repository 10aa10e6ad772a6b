using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>
/// A deal's action plan through <c>/api/opportunities/{id}/actions</c>: each action is a row with its own version and
/// sheet id, checked field by field (400 naming the path and quoting the value), refused when stale (409), and saved
/// without moving the deal's own version.
/// </summary>
public abstract class ActionEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private sealed record Deal(HttpClient Admin, Guid Id, string InfluenceKey, Guid ColleagueId);

    private async Task<Deal> DealAsync()
    {
        var admin = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Action Steel"));
        var deal = await admin.CreateOpportunityAsync(accountId, Unique("ERP rollout"));
        var person = await app.PersonAsync(accountId, "Li Wei", "CFO");
        var influence = await admin.AddInfluenceAsync(deal.Id(), new { personId = person, roles = new[] { "economic" } });
        var colleague = await app.ColleagueAsync(Unique("Our VP Sales"));
        return new Deal(admin, deal.Id(), influence["key"]!.GetValue<string>(), colleague);
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, Guid deal, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/opportunities/{deal}/actions", body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadObjectAsync();
    }

    private static async Task<ProblemDocument> BadAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        return await ProblemDocument.ReadAsync(response);
    }

    [Fact]
    public async Task Actions_RoundTrip_CreateReadUpdateDelete()
    {
        var d = await DealAsync();
        var dealVersion = (await d.Admin.GetObjectAsync($"/api/opportunities/{d.Id}")).Version();

        var response = await d.Admin.PostAsJsonAsync($"/api/opportunities/{d.Id}/actions", new
        {
            text = "  Send the Baosteel reference case  ", ownerId = d.ColleagueId, due = "2027-01-15", influence = d.InfluenceKey,
            addresses = new[] { "coach-weak", "no-coach", "coach-weak" },
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        response.Headers.Location!.ToString().ShouldBe($"/api/opportunities/{d.Id}/actions/a1");
        var first = await response.ReadObjectAsync();
        var named = await PostAsync(d.Admin, d.Id, new { id = "call-ceo", text = "Ask for a meeting with the CEO" });
        var third = await PostAsync(d.Admin, d.Id, new { text = "Book the plant visit", status = "done" });

        first["id"]!.GetValue<string>().ShouldBe("a1");
        first["text"]!.GetValue<string>().ShouldBe("Send the Baosteel reference case");
        first["ownerId"]!.GetValue<Guid>().ShouldBe(d.ColleagueId);
        first["owner"]!.GetValue<string>().ShouldStartWith("Our VP Sales");
        first["due"]!.GetValue<string>().ShouldBe("2027-01-15");
        first["status"]!.GetValue<string>().ShouldBe("open");
        first["influence"]!.GetValue<string>().ShouldBe(d.InfluenceKey);
        first["addresses"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["coach-weak", "no-coach"]);
        first["overdue"]!.GetValue<bool>().ShouldBeFalse();
        first.Version().ShouldBe(1);
        named["id"]!.GetValue<string>().ShouldBe("call-ceo");
        named["ownerId"].ShouldBeNull();
        named["due"].ShouldBeNull();
        third["id"]!.GetValue<string>().ShouldBe("a2", "the next free a-number: a1 is taken, call-ceo is not an a-number");
        third["status"]!.GetValue<string>().ShouldBe("done");

        var list = await d.Admin.GetObjectAsync($"/api/opportunities/{d.Id}/actions");
        list["totalCount"]!.GetValue<int>().ShouldBe(3);
        list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldBe(["a1", "call-ceo", "a2"], "the plan's order");

        var put = await d.Admin.PutAsJsonAsync($"/api/opportunities/{d.Id}/actions/a1", new
        {
            text = "Send the Baosteel case, signed by their CIO", ownerId = (Guid?)null, due = "2027-01-20", status = "dropped",
            influence = (string?)null, addresses = Array.Empty<string>(), version = 1,
        }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var updated = await d.Admin.GetObjectAsync($"/api/opportunities/{d.Id}/actions/a1");
        updated.Version().ShouldBe(2);
        updated["text"]!.GetValue<string>().ShouldBe("Send the Baosteel case, signed by their CIO");
        updated["status"]!.GetValue<string>().ShouldBe("dropped");
        updated["due"]!.GetValue<string>().ShouldBe("2027-01-20");
        updated["ownerId"].ShouldBeNull();
        updated["influence"].ShouldBeNull();
        updated["addresses"]!.AsArray().Count.ShouldBe(0);

        (await d.Admin.DeleteAsync($"/api/opportunities/{d.Id}/actions/call-ceo?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await d.Admin.GetAsync($"/api/opportunities/{d.Id}/actions/call-ceo", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await d.Admin.GetObjectAsync($"/api/opportunities/{d.Id}/actions"))["totalCount"]!.GetValue<int>().ShouldBe(2);

        // Only the action rows were written: someone editing the deal's header is not refused.
        (await d.Admin.GetObjectAsync($"/api/opportunities/{d.Id}")).Version().ShouldBe(dealVersion);
    }

    [Fact]
    public async Task Actions_StaleVersion_Is409NamingWhoSavedAndNothingChanges()
    {
        var d = await DealAsync();
        await PostAsync(d.Admin, d.Id, new { text = "Send the case" });
        (await d.Admin.PutAsJsonAsync($"/api/opportunities/{d.Id}/actions/a1", new { text = "First save", version = 1 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await d.Admin.PutAsJsonAsync($"/api/opportunities/{d.Id}/actions/a1", new { text = "Second save, read before the first", version = 1 }, Ct);
        var staleDelete = await d.Admin.DeleteAsync($"/api/opportunities/{d.Id}/actions/a1?version=1", Ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(stale)).Detail!.ShouldContain(KeySellApp.AdminEmail);
        staleDelete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var kept = await d.Admin.GetObjectAsync($"/api/opportunities/{d.Id}/actions/a1");
        kept["text"]!.GetValue<string>().ShouldBe("First save");
        kept.Version().ShouldBe(2);
    }

    [Fact]
    public async Task Actions_BadFields_Are400NamingEachPathQuotingTheValueAndStoreNothing()
    {
        var d = await DealAsync();
        var unknownColleague = Guid.NewGuid();

        var response = await d.Admin.PostAsJsonAsync($"/api/opportunities/{d.Id}/actions", new
        {
            text = new string('x', 4001), ownerId = unknownColleague, due = "0202-11-26", status = "finished", influence = "nobody",
            addresses = new[] { "coach-weak", "no-such-flag" },
        }, Ct);

        var problem = await BadAsync(response);
        problem.Errors!.Keys.Order().ShouldBe(["addresses[1]", "due", "influence", "ownerId", "status", "text"]);
        problem.Errors["status"].Single().ShouldContain("finished");
        problem.Errors["influence"].Single().ShouldContain("nobody");
        problem.Errors["addresses[1]"].Single().ShouldContain("no-such-flag");
        problem.Errors["ownerId"].Single().ShouldContain(unknownColleague.ToString());
        (await d.Admin.GetObjectAsync($"/api/opportunities/{d.Id}/actions"))["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Actions_MissingTextOrDuplicateId_Are400()
    {
        var d = await DealAsync();
        await PostAsync(d.Admin, d.Id, new { id = "send-case", text = "Send the case" });

        var blank = await BadAsync(await d.Admin.PostAsJsonAsync($"/api/opportunities/{d.Id}/actions", new { text = "   " }, Ct));
        var twice = await BadAsync(await d.Admin.PostAsJsonAsync($"/api/opportunities/{d.Id}/actions", new { id = "send-case", text = "Again" }, Ct));
        var put = await BadAsync(await d.Admin.PutAsJsonAsync($"/api/opportunities/{d.Id}/actions/send-case", new { version = 1 }, Ct));

        blank.Errors!.Keys.ShouldBe(["text"]);
        twice.Errors!.Keys.ShouldBe(["id"]);
        twice.Errors["id"].Single().ShouldContain("send-case");
        put.Errors!.Keys.ShouldBe(["text"]);
        (await d.Admin.GetObjectAsync($"/api/opportunities/{d.Id}/actions"))["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Actions_FiveHundredOnADeal_TheNextIs400()
    {
        var d = await DealAsync();
        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 500; i++)
                db.Actions.Add(new KeySell.Domain.Actions.SellingAction { OpportunityId = d.Id, Key = $"a{i}", Position = i, Text = $"Step {i}" });
            await db.SaveChangesAsync(Ct);
        });

        var problem = await BadAsync(await d.Admin.PostAsJsonAsync($"/api/opportunities/{d.Id}/actions", new { text = "One too many" }, Ct));

        problem.Errors!.Keys.ShouldBe(["actions"]);
        problem.Errors["actions"].Single().ShouldContain("500");
        (await app.WithDbAsync(db => db.Actions.CountAsync(a => a.OpportunityId == d.Id, Ct))).ShouldBe(500);
    }

    [Fact]
    public async Task Actions_UnknownDealOrAction_Are404()
    {
        var d = await DealAsync();

        (await d.Admin.GetAsync($"/api/opportunities/{Guid.NewGuid()}/actions", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await d.Admin.PostAsJsonAsync($"/api/opportunities/{Guid.NewGuid()}/actions", new { text = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await d.Admin.GetAsync($"/api/opportunities/{d.Id}/actions/a9", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await d.Admin.PutAsJsonAsync($"/api/opportunities/{d.Id}/actions/a9", new { text = "x", version = 1 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Actions_Saved_WriteTheDealsHistory()
    {
        var d = await DealAsync();
        await PostAsync(d.Admin, d.Id, new { text = "Send the case" });
        (await d.Admin.PutAsJsonAsync($"/api/opportunities/{d.Id}/actions/a1", new { text = "Send the case", status = "done", version = 1 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = await d.Admin.GetObjectAsync($"/api/opportunities/{d.Id}/history");

        var lines = history["items"]!.AsArray().Select(i => i!).Where(i => i["entity"]!.GetValue<string>() == "action").ToList();
        lines.ShouldContain(l => l["action"]!.GetValue<string>() == "created");
        lines.ShouldContain(l => l["action"]!.GetValue<string>() == "updated" && l["field"]!.GetValue<string>() == "status");
    }
}

public sealed class ActionEndpointsTests_Sqlite(SqliteApp app) : ActionEndpointsTests<SqliteApp>(app);
public sealed class ActionEndpointsTests_Postgres(PostgresApp app) : ActionEndpointsTests<PostgresApp>(app);
