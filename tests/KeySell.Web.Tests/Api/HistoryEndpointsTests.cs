using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Application.Access;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>The history: every change with old and new, the sheet as it stood at an instant, and nothing that edits the past.</summary>
public abstract class HistoryEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static object InfluenceBody(int version, int support) => new
    {
        version, roles = new[] { "economic" }, influence = "high", support, contact = "occasional", mode = "growth",
        wins = new[] { "recognition" }, results = new[] { "payback within 24 months" },
    };

    private async Task<(HttpClient Client, Guid Deal, Guid Influence, Guid Person, Guid Account)> DealWithOneInfluenceAsync()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(Unique("Jiangnan Auto"));
        var person = await app.PersonAsync(account, "Li Wei", "CFO");
        var deal = (await client.CreateOpportunityAsync(account, "Supplier portal")).Id();
        var influence = (await client.AddInfluenceAsync(deal, new { personId = person, roles = new[] { "economic" }, influence = "high", support = 1, contact = "occasional", mode = "growth" })).Id();
        return (client, deal, influence, person, account);
    }

    private static async Task<JsonArray> HistoryAsync(HttpClient client, string route)
    {
        var response = await client.GetAsync(route, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.ReadObjectAsync())["items"]!.AsArray();
    }

    [Fact]
    public async Task OpportunityHistory_SupportChanged_RecordsWhoWhenOldAndNew()
    {
        var (client, deal, influence, _, _) = await DealWithOneInfluenceAsync();
        var before = DateTimeOffset.UtcNow;

        (await client.PutAsJsonAsync($"/api/influences/{influence}", InfluenceBody(1, 3), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var items = await HistoryAsync(client, $"/api/opportunities/{deal}/history");
        var line = items.Single(i => i!["field"]?.GetValue<string>() == "support")!;
        line["action"]!.GetValue<string>().ShouldBe("updated");
        line["entity"]!.GetValue<string>().ShouldBe("influence");
        line["entityId"]!.GetValue<string>().ShouldBe(influence.ToString());
        line["by"]!.GetValue<string>().ShouldBe(KeySellApp.AdminEmail);
        line["old"]!.GetValue<int>().ShouldBe(1);
        line["new"]!.GetValue<int>().ShouldBe(3);
        line["at"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThanOrEqualTo(before.AddSeconds(-1));
        // Newest first: the change comes before the influence's creation and the deal's.
        items.Select(i => i!["action"]!.GetValue<string>()).Last().ShouldBe("created");
        items.ShouldContain(i => i!["entity"]!.GetValue<string>() == "opportunity" && i["action"]!.GetValue<string>() == "created");
    }

    [Fact]
    public async Task OpportunityHistory_RolesAndObjectiveChanged_WritesTheirIdsAndDottedFieldNames()
    {
        var (client, deal, influence, _, _) = await DealWithOneInfluenceAsync();
        (await client.PutAsJsonAsync($"/api/influences/{influence}", new { version = 1, roles = new[] { "coach", "user" }, influence = "high", support = 1, contact = "occasional", mode = "growth" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync($"/api/opportunities/{deal}", new
        {
            version = 1, name = "Supplier portal", funnelLevel = "best-few", engagement = "before-project", expectedOutcome = "win-win",
            objective = new { product = "ERP suite", quantity = 1, amount = 1500000, currency = "CNY", closeDate = "2027-03-31" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var items = await HistoryAsync(client, $"/api/opportunities/{deal}/history");

        var roles = items.Single(i => i!["field"]?.GetValue<string>() == "roles")!;
        roles["old"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["economic"]);
        roles["new"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["coach", "user"]);
        var funnel = items.Single(i => i!["field"]?.GetValue<string>() == "funnelLevel")!;
        funnel["old"]!.GetValue<string>().ShouldBe("in");
        funnel["new"]!.GetValue<string>().ShouldBe("best-few");
        var amount = items.Single(i => i!["field"]?.GetValue<string>() == "objective.amount")!;
        amount["old"]!.GetValue<decimal>().ShouldBe(1200000m);
        amount["new"]!.GetValue<decimal>().ShouldBe(1500000m);
    }

    [Fact]
    public async Task Since_AfterTheFirstChanges_ListsOnlyLaterOnes()
    {
        var (client, deal, influence, _, _) = await DealWithOneInfluenceAsync();
        await Task.Delay(50, Ct);
        var since = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        await Task.Delay(50, Ct);
        (await client.PutAsJsonAsync($"/api/influences/{influence}", InfluenceBody(1, -2), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var items = await HistoryAsync(client, $"/api/opportunities/{deal}/history?since={Uri.EscapeDataString(since.ToString("O"))}");

        items.ShouldContain(i => i!["field"]!.GetValue<string>() == "support");
        items.ShouldAllBe(i => i!["action"]!.GetValue<string>() == "updated" && i["at"]!.GetValue<DateTimeOffset>() >= since);
    }

    [Fact]
    public async Task PersonAndAccountHistory_ShowTheirOwnLines()
    {
        var (client, deal, influence, person, account) = await DealWithOneInfluenceAsync();
        (await client.PutAsJsonAsync($"/api/influences/{influence}", InfluenceBody(1, 4), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var personLines = await HistoryAsync(client, $"/api/people/{person}/history");
        personLines.ShouldContain(i => i!["entity"]!.GetValue<string>() == "person" && i["action"]!.GetValue<string>() == "created");
        personLines.ShouldContain(i => i!["entity"]!.GetValue<string>() == "influence" && i["field"]!.GetValue<string>() == "support");

        var accountLines = await HistoryAsync(client, $"/api/accounts/{account}/history");
        accountLines.ShouldContain(i => i!["entity"]!.GetValue<string>() == "account" && i["action"]!.GetValue<string>() == "created");
        accountLines.ShouldContain(i => i!["entity"]!.GetValue<string>() == "person" && i["entityId"]!.GetValue<string>() == person.ToString());
        accountLines.ShouldContain(i => i!["entity"]!.GetValue<string>() == "opportunity" && i["entityId"]!.GetValue<string>() == deal.ToString());
    }

    [Fact]
    public async Task SheetAt_AnInstantBetweenTwoSaves_IsTheSheetAsItWasSavedThen()
    {
        var (client, deal, influence, _, _) = await DealWithOneInfluenceAsync();
        var first = await client.GetStringAsync($"/api/opportunities/{deal}/sheet", Ct);
        await Task.Delay(50, Ct);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50, Ct);
        (await client.PutAsJsonAsync($"/api/influences/{influence}", InfluenceBody(1, -3), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await client.GetStringAsync($"/api/opportunities/{deal}/sheet", Ct);
        second.ShouldContain("-3");

        var then = await client.GetStringAsync($"/api/opportunities/{deal}/sheet?at={Uri.EscapeDataString(between.ToString("O"))}", Ct);
        var now = await client.GetStringAsync($"/api/opportunities/{deal}/sheet?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"))}", Ct);

        JsonNode.DeepEquals(WithoutAsOf(then), WithoutAsOf(first)).ShouldBeTrue($"then:\n{then}\nfirst:\n{first}");
        JsonNode.DeepEquals(WithoutAsOf(now), WithoutAsOf(second)).ShouldBeTrue($"now:\n{now}\nsecond:\n{second}");
    }

    [Fact]
    public async Task SheetAt_BeforeTheDealExisted_Returns404()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var (client, deal, _, _, _) = await DealWithOneInfluenceAsync();

        var response = await client.GetAsync($"/api/opportunities/{deal}/sheet?at={Uri.EscapeDataString(before.ToString("O"))}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_NoRouteEditsOrDeletesIt()
    {
        var (client, deal, _, _, _) = await DealWithOneInfluenceAsync();

        (await client.DeleteAsync($"/api/opportunities/{deal}/history", Ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
        (await client.PutAsJsonAsync($"/api/opportunities/{deal}/history", new { }, Ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task ChangeRecords_EvenTheOperatorCannotChangeOrDeleteThem()
    {
        var (_, deal, _, _, _) = await DealWithOneInfluenceAsync();

        await Should.ThrowAsync<AccessDeniedException>(() => app.WithDbAsync(async db =>
        {
            var line = await db.ChangeRecords.FirstAsync(c => c.OpportunityId == deal, Ct);
            line.New = "\"forged\"";
            await db.SaveChangesAsync(Ct);
        }));
        await Should.ThrowAsync<AccessDeniedException>(() => app.WithDbAsync(async db =>
        {
            db.ChangeRecords.Remove(await db.ChangeRecords.FirstAsync(c => c.OpportunityId == deal, Ct));
            await db.SaveChangesAsync(Ct);
        }));
        (await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.OpportunityId == deal && c.New == "\"forged\"", Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task ChangeRecords_PlainSqlCannotChangeOrDeleteThemEither()
    {
        var (_, deal, _, _, _) = await DealWithOneInfluenceAsync();

        await Should.ThrowAsync<Exception>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"History\" SET \"By\" = 'forger'", Ct)));
        await Should.ThrowAsync<Exception>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"History\"", Ct)));
        (await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.OpportunityId == deal && c.By == "forger", Ct))).ShouldBe(0);
        (await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.OpportunityId == deal, Ct))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Delete_Opportunity_LeavesADeletedLineAndRestoreARestoredOne()
    {
        var (client, deal, _, _, _) = await DealWithOneInfluenceAsync();
        (await client.DeleteAsync($"/api/opportunities/{deal}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync($"/api/recycle-bin/opportunity/{deal}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var items = await HistoryAsync(client, $"/api/opportunities/{deal}/history");

        items.Where(i => i!["entity"]!.GetValue<string>() == "opportunity").Select(i => i!["action"]!.GetValue<string>())
            .Take(2).ShouldBe(["restored", "deleted"]);
    }

    private static JsonNode WithoutAsOf(string sheet)
    {
        var node = JsonNode.Parse(sheet)!;
        node.AsObject().Remove("asOf");
        return node;
    }
}

public sealed class HistoryEndpointsTests_Sqlite(SqliteApp app) : HistoryEndpointsTests<SqliteApp>(app);
public sealed class HistoryEndpointsTests_Postgres(PostgresApp app) : HistoryEndpointsTests<PostgresApp>(app);
