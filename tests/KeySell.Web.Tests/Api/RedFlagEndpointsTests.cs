using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;

namespace KeySell.Web.Tests.Api;

public abstract class RedFlagEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, Guid OpportunityId)> DealWithAnEvenKeelEconomicBuyerAsync()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Analysed"));
        var cfo = await app.PersonAsync(account, "Li Wei", "CFO");
        var opportunity = (await client.CreateOpportunityAsync(account, "ERP rollout")).Id();
        await client.AddInfluenceAsync(opportunity, new
        {
            personId = cfo, roles = new[] { "economic" }, influence = "high", support = 1, contact = "occasional", mode = "even-keel",
            wins = new[] { "recognition" },
        });
        return (client, opportunity);
    }

    [Fact]
    public async Task Analysis_Deal_ReturnsTheContractsFormatWithFlagsInRuleOrder()
    {
        var (client, opportunity) = await DealWithAnEvenKeelEconomicBuyerAsync();

        var analysis = await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{opportunity}/analysis", Ct);

        analysis!["opportunity"]!.GetValue<string>().ShouldBe("ERP rollout");
        var ids = analysis["redFlags"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();
        // A stored deal is a version-2 sheet: Li Wei, mapped the day the deal was set up, is no new player; the deal has
        // no next step, and at "in" with an amount nobody on it is the top officer.
        ids.ShouldBe(["no-coach", "no-user", "no-counterpart", "unreceptive-economic-buyer", "no-strength", "stale", "no-next-step", "no-top-officer"]);
        var unreceptive = analysis["redFlags"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "unreceptive-economic-buyer")!;
        unreceptive["message"]!.GetValue<string>().ShouldContain("Li Wei");
        unreceptive["action"]!.GetValue<string>().ShouldStartWith("No discrepancy, no sale");
        analysis["unreceptive"]!.AsArray().Count.ShouldBe(1);
        analysis["funnel"]!["level"]!.GetValue<string>().ShouldBe("in");
        analysis["funnel"]!["premature"]!.GetValue<bool>().ShouldBeTrue();
        analysis["funnel"]!["unmet"]!.AsArray().Select(u => u!.GetValue<string>()).ShouldBe(["receptive-influence"]);
        // The version-2 parts: no needs tree yet (null, but present), no calls, no milestone reached.
        analysis.Select(p => p.Key).ShouldBe(["opportunity", "asOf", "redFlags", "receptive", "unreceptive", "funnel", "needs", "calls", "milestones"]);
        analysis["needs"].ShouldBeNull();
        JsonNode.DeepEquals(analysis["calls"], JsonNode.Parse("""{ "done": 0, "advances": 0, "continuations": 0, "nextCall": null }""")).ShouldBeTrue();
        JsonNode.DeepEquals(analysis["milestones"], JsonNode.Parse("""{ "done": [], "next": "confirm-opportunity" }""")).ShouldBeTrue();
    }

    [Fact]
    public async Task Analysis_InChinese_SpeaksTheCoursesTerms()
    {
        var (client, opportunity) = await DealWithAnEvenKeelEconomicBuyerAsync();

        var raw = await client.GetStringAsync($"/api/opportunities/{opportunity}/analysis?lang=zh-CN", Ct);

        var noCoach = JsonNode.Parse(raw)!["redFlags"]![0]!;
        noCoach["message"]!.GetValue<string>().ShouldContain("没有教练");
        raw.ShouldContain("没有教练", customMessage: "Chinese goes out as characters, not \\u escapes");
    }

    [Fact]
    public async Task Analysis_UnknownLanguage_Returns400OnLang()
    {
        var (client, opportunity) = await DealWithAnEvenKeelEconomicBuyerAsync();

        var response = await client.GetAsync($"/api/opportunities/{opportunity}/analysis?lang=fr", Ct);

        (await ProblemDocument.ReadAsync(response)).Errors!.Keys.ShouldBe(["lang"]);
    }

    [Fact]
    public async Task Analysis_UnknownOpportunity_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        (await client.GetAsync($"/api/opportunities/{Guid.NewGuid()}/analysis", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class RedFlagEndpointsTests_Sqlite(SqliteApp app) : RedFlagEndpointsTests<SqliteApp>(app);
public sealed class RedFlagEndpointsTests_Postgres(PostgresApp app) : RedFlagEndpointsTests<PostgresApp>(app);
