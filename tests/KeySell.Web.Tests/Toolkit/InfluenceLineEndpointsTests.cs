using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Web.Tests.Api;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Toolkit;

public abstract class InfluenceLineEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    /// <summary>A deal with Li Wei, Zhang Min and Wang Fang on it (keys li-wei, zhang-min, wang-fang).</summary>
    private async Task<(HttpClient Client, Guid Deal, string Lines)> DealAsync(string name)
    {
        var client = await app.CreateAdminClientAsync();
        var deal = (await client.CreateOpportunityAsync(await app.AccountAsync(Unique(name)), name)).Id();
        foreach (var person in new[] { "Li Wei", "Zhang Min", "Wang Fang" })
            await client.AddInfluenceAsync(deal, new { newPerson = new { name = person } });
        return (client, deal, $"/api/opportunities/{deal}/influence-lines");
    }

    [Fact]
    public async Task Lines_AddUpdateRemove_RoundTripInOrder()
    {
        var (client, deal, url) = await DealAsync("Lines round trip");

        var first = await client.PostAsJsonAsync(url, new { from = "li-wei", to = "zhang-min", strength = "strong", note = "Checks suppliers with her" }, Ct);
        var second = await client.PostAsJsonAsync(url, new { from = "wang-fang", to = "li-wei" }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Ct));
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        var secondLine = await second.ReadObjectAsync();
        secondLine["strength"]!.GetValue<string>().ShouldBe("medium");
        secondLine["note"].ShouldBeNull();

        var updated = await client.PutAsJsonAsync($"{url}/{secondLine.Id()}", new { from = "wang-fang", to = "zhang-min", strength = "weak", note = "Old friends", version = 1 }, Ct);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync(Ct));
        (await updated.ReadObjectAsync()).Version().ShouldBe(2);

        var lines = (await client.GetFromJsonAsync<JsonArray>(url, Ct))!;
        lines.Select(l => (l!["from"]!.GetValue<string>(), l["to"]!.GetValue<string>(), l["strength"]!.GetValue<string>()))
            .ShouldBe([("li-wei", "zhang-min", "strong"), ("wang-fang", "zhang-min", "weak")]);

        var stale = await client.DeleteAsync($"{url}/{secondLine.Id()}?version=1", Ct);
        var removed = await client.DeleteAsync($"{url}/{secondLine.Id()}?version=2", Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetFromJsonAsync<JsonArray>(url, Ct))!.ShouldHaveSingleItem();
        (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}", Ct))!.Version().ShouldBe(1);
    }

    [Fact]
    public async Task Add_SamePersonUnknownKeysAndBadStrength_Returns400QuotingTheValues()
    {
        var (client, _, url) = await DealAsync("Lines bad");

        var same = await client.PostAsJsonAsync(url, new { from = "li-wei", to = "li-wei" }, Ct);
        var unknown = await client.PostAsJsonAsync(url, new { from = "nobody", to = "zhang-min", strength = "huge", note = new string('n', 4001) }, Ct);

        same.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(same)).Errors.ShouldNotBeNull()["to"].ShouldHaveSingleItem().ShouldContain("li-wei");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemDocument.ReadAsync(unknown)).Errors.ShouldNotBeNull();
        errors.Keys.ShouldBe(["from", "strength", "note"], ignoreOrder: true);
        errors["from"].ShouldHaveSingleItem().ShouldContain("nobody");
        errors["strength"].ShouldHaveSingleItem().ShouldContain("huge");
        (await client.GetFromJsonAsync<JsonArray>(url, Ct))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Add_TheSameLineTwice_Returns400()
    {
        var (client, _, url) = await DealAsync("Lines twice");

        (await client.PostAsJsonAsync(url, new { from = "li-wei", to = "zhang-min" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await client.PostAsJsonAsync(url, new { from = "li-wei", to = "zhang-min" }, Ct);
        var reverse = await client.PostAsJsonAsync(url, new { from = "zhang-min", to = "li-wei" }, Ct);

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reverse.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task RemoveInfluence_LinesTouchingIt_GoAndCallsAndActionsNoLongerNameIt()
    {
        var (client, deal, url) = await DealAsync("Lines removal");
        await app.WithDbAsync(async db =>
        {
            db.Calls.Add(new Call { OpportunityId = deal, Key = "c1", Date = new DateOnly(2026, 12, 1), With = ["li-wei", "zhang-min"] });
            db.Actions.Add(new SellingAction { OpportunityId = deal, Key = "a1", Text = "Send the case", InfluenceKey = "li-wei" });
            db.Actions.Add(new SellingAction { OpportunityId = deal, Key = "a2", Position = 1, Text = "Meet her", InfluenceKey = "zhang-min" });
            await db.SaveChangesAsync(Ct);
        });
        await client.PostAsJsonAsync(url, new { from = "li-wei", to = "zhang-min" }, Ct);
        await client.PostAsJsonAsync(url, new { from = "wang-fang", to = "li-wei" }, Ct);
        await client.PostAsJsonAsync(url, new { from = "wang-fang", to = "zhang-min" }, Ct);
        var liWei = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}", Ct))!["influences"]!.AsArray()
            .Single(i => i!["key"]!.GetValue<string>() == "li-wei")!;

        var removed = await client.DeleteAsync($"/api/influences/{liWei.Id()}?version={liWei.Version()}", Ct);

        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var left = (await client.GetFromJsonAsync<JsonArray>(url, Ct))!.ShouldHaveSingleItem()!;
        (left["from"]!.GetValue<string>(), left["to"]!.GetValue<string>()).ShouldBe(("wang-fang", "zhang-min"));
        var sheet = await app.SheetAsync(deal);
        sheet.InfluenceLines.ShouldHaveSingleItem().From.ShouldBe("wang-fang");
        sheet.Calls.ShouldHaveSingleItem().With.ShouldBe(["zhang-min"]);
        sheet.Actions.Select(a => a.Influence).ShouldBe([null, "zhang-min"]);
    }

    [Fact]
    public async Task Update_LineOfAnotherDeal_Returns404()
    {
        var (client, _, url) = await DealAsync("Lines one");
        var (_, otherDeal, _) = await DealAsync("Lines other");
        var line = await (await client.PostAsJsonAsync(url, new { from = "li-wei", to = "zhang-min" }, Ct)).ReadObjectAsync();

        var response = await client.PutAsJsonAsync($"/api/opportunities/{otherDeal}/influence-lines/{line.Id()}",
            new { from = "li-wei", to = "zhang-min", strength = "weak", note = (string?)null, version = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class InfluenceLineEndpointsTests_Sqlite(SqliteApp app) : InfluenceLineEndpointsTests<SqliteApp>(app);
public sealed class InfluenceLineEndpointsTests_Postgres(PostgresApp app) : InfluenceLineEndpointsTests<PostgresApp>(app);
