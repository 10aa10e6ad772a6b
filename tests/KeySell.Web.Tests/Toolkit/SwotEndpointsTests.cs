using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Api;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Toolkit;

public abstract class SwotEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static IEnumerable<string> Items(JsonNode swot, string quadrant) => swot[quadrant]!.AsArray().Select(i => i!.GetValue<string>());

    [Theory]
    [InlineData("opportunity")]
    [InlineData("account")]
    public async Task Put_FourLists_RoundTripAndRaiseTheSwotsOwnVersion(string whose)
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Swot"));
        var deal = await client.CreateOpportunityAsync(accountId, "Swot deal");
        var url = whose == "account" ? $"/api/accounts/{accountId}/swot" : $"/api/opportunities/{deal.Id()}/swot";
        var before = (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;

        var first = await client.PutAsJsonAsync(url, new
        {
            version = 0, strengths = new[] { " Local support centre " }, weaknesses = Array.Empty<string>(),
            opportunities = new[] { "Group consolidation in 2027", "New plant" }, threats = new[] { "Incumbent's price cut" },
        }, Ct);
        var second = await client.PutAsJsonAsync(url, new
        {
            version = 1, strengths = new[] { "Local support centre" }, weaknesses = new[] { "No steel reference" },
            opportunities = new[] { "New plant" }, threats = new[] { "Incumbent's price cut" },
        }, Ct);

        before.Version().ShouldBe(0);
        Items(before, "strengths").ShouldBeEmpty();
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));
        second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync(Ct));
        var stored = (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;
        stored.Version().ShouldBe(2);
        Items(stored, "strengths").ShouldBe(["Local support centre"]);
        Items(stored, "weaknesses").ShouldBe(["No steel reference"]);
        Items(stored, "opportunities").ShouldBe(["New plant"]);
        Items(stored, "threats").ShouldBe(["Incumbent's price cut"]);
        // The deal's own record is not touched by its SWOT.
        (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal.Id()}", Ct))!.Version().ShouldBe(1);
    }

    [Fact]
    public async Task Put_AccountAndDealSwots_AreSeparate()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Swot both"));
        var deal = await client.CreateOpportunityAsync(accountId, "Swot both");

        await client.PutAsJsonAsync($"/api/accounts/{accountId}/swot", new { version = 0, strengths = new[] { "Account strength" } }, Ct);
        await client.PutAsJsonAsync($"/api/opportunities/{deal.Id()}/swot", new { version = 0, threats = new[] { "Deal threat" } }, Ct);

        var account = (await client.GetFromJsonAsync<JsonObject>($"/api/accounts/{accountId}/swot", Ct))!;
        var dealSwot = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal.Id()}/swot", Ct))!;
        (Items(account, "strengths").Single(), Items(account, "threats").Count()).ShouldBe(("Account strength", 0));
        (Items(dealSwot, "threats").Single(), Items(dealSwot, "strengths").Count()).ShouldBe(("Deal threat", 0));
    }

    [Fact]
    public async Task Put_TooManyAndBlankAndTooLong_Returns400PerEntryAndStoresNothing()
    {
        var client = await app.CreateAdminClientAsync();
        var deal = await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Swot bad")), "Swot bad");
        var url = $"/api/opportunities/{deal.Id()}/swot";

        var response = await client.PutAsJsonAsync(url, new
        {
            version = 0,
            strengths = Enumerable.Range(1, 101).Select(i => $"S{i}").ToArray(),
            weaknesses = new[] { "fine", " " },
            threats = new[] { new string('t', 4001) },
        }, Ct);
        var hundred = await client.PutAsJsonAsync(url, new { version = 0, strengths = Enumerable.Range(1, 100).Select(i => $"S{i}").ToArray() }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["strengths", "weaknesses[1]", "threats[0]"], ignoreOrder: true);
        hundred.StatusCode.ShouldBe(HttpStatusCode.OK);
        Items((await client.GetFromJsonAsync<JsonObject>(url, Ct))!, "strengths").Count().ShouldBe(100);
    }

    [Fact]
    public async Task Put_StaleVersion_Returns409AndKeepsTheFirstWritersLists()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Swot stale"));
        var url = $"/api/accounts/{accountId}/swot";

        var first = await client.PutAsJsonAsync(url, new { version = 0, strengths = new[] { "First" } }, Ct);
        var second = await client.PutAsJsonAsync(url, new { version = 0, strengths = new[] { "Second" } }, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Items((await client.GetFromJsonAsync<JsonObject>(url, Ct))!, "strengths").ShouldBe(["First"]);
    }

    [Fact]
    public async Task Get_UnknownAccount_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        (await client.GetAsync($"/api/accounts/{Guid.NewGuid()}/swot", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/opportunities/{Guid.NewGuid()}/swot", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SwotEndpointsTests_Sqlite(SqliteApp app) : SwotEndpointsTests<SqliteApp>(app);
public sealed class SwotEndpointsTests_Postgres(PostgresApp app) : SwotEndpointsTests<PostgresApp>(app);
