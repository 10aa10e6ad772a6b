using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

public abstract class ProcessEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static readonly string[] MethodOrder =
    [
        "confirm-opportunity", "pre-call-research", "discover-pain", "needs-analysis", "evaluate-plan", "summarize-problems",
        "find-evidence", "refine-proposal", "define-success-criteria", "approvals", "draft-proposal", "success-measured", "agreement",
    ];

    private async Task<(HttpClient Client, Guid OpportunityId)> DealAsync()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Baosteel"));
        return (client, (await client.CreateOpportunityAsync(accountId, "Group close")).Id());
    }

    private static async Task<JsonArray> MilestonesAsync(HttpClient client, Guid opportunityId) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/opportunities/{opportunityId}/milestones", Ct))!;

    [Fact]
    public async Task List_NewDeal_ThirteenInTheMethodsOrderNeverSaved()
    {
        var (client, opportunityId) = await DealAsync();

        var milestones = await MilestonesAsync(client, opportunityId);

        milestones.Select(m => m!["id"]!.GetValue<string>()).ShouldBe(MethodOrder);
        milestones.ShouldAllBe(m => m!["done"] == null && m["evidence"] == null && m["version"]!.GetValue<int>() == 0);
    }

    [Fact]
    public async Task Save_TickWithEvidence_ReadsBackAndLeavesTheDealsVersion()
    {
        var (client, opportunityId) = await DealAsync();
        var dealVersion = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{opportunityId}", Ct))!.Version();

        var response = await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/milestones/pre-call-research",
            new { done = "2026-09-10", evidence = "  SWOT done with the coach  ", version = 0 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var saved = await response.ReadObjectAsync();
        saved["id"]!.GetValue<string>().ShouldBe("pre-call-research");
        saved["done"]!.GetValue<string>().ShouldBe("2026-09-10");
        saved["evidence"]!.GetValue<string>().ShouldBe("SWOT done with the coach");
        saved.Version().ShouldBe(1);
        var second = (await MilestonesAsync(client, opportunityId))[1]!;
        second["done"]!.GetValue<string>().ShouldBe("2026-09-10");
        second.Version().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{opportunityId}", Ct))!.Version().ShouldBe(dealVersion);
    }

    [Fact]
    public async Task Save_UntickKeepingEvidence_DoneIsNullAgain()
    {
        var (client, opportunityId) = await DealAsync();
        await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/milestones/agreement", new { done = "2027-03-01", evidence = "Signed", version = 0 }, Ct);

        var response = await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/milestones/agreement", new { done = (string?)null, evidence = "Signed", version = 1 }, Ct);

        var saved = await response.ReadObjectAsync();
        saved["done"].ShouldBeNull();
        saved["evidence"]!.GetValue<string>().ShouldBe("Signed");
        saved.Version().ShouldBe(2);
    }

    [Fact]
    public async Task Save_StaleVersion_Returns409AndKeepsTheFirstSave()
    {
        var (client, opportunityId) = await DealAsync();
        await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/milestones/discover-pain", new { done = "2026-10-01", version = 0 }, Ct);

        var stale = await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/milestones/discover-pain", new { done = "2026-10-05", version = 0 }, Ct);
        var staleAgain = await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/milestones/discover-pain", new { done = "2026-10-05", version = 7 }, Ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        staleAgain.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(staleAgain)).Detail.ShouldNotBeNull().ShouldContain("(version 1); you edited version 7");
        (await MilestonesAsync(client, opportunityId))[2]!["done"]!.GetValue<string>().ShouldBe("2026-10-01");
    }

    [Fact]
    public async Task Save_UnknownMilestone_Returns404NamingIt()
    {
        var (client, opportunityId) = await DealAsync();

        var response = await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/milestones/close-the-deal", new { done = "2026-10-01", version = 0 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull().ShouldContain("close-the-deal");
    }

    [Fact]
    public async Task Save_ImplausibleDateAndLongEvidence_Returns400PerFieldAndStoresNothing()
    {
        var (client, opportunityId) = await DealAsync();

        var response = await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/milestones/approvals",
            new { done = "0202-11-26", evidence = new string('e', 4001), version = 0 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["done", "evidence"], ignoreOrder: true);
        (await MilestonesAsync(client, opportunityId))[9]!.Version().ShouldBe(0);
    }

    [Fact]
    public async Task Save_EvidenceOfExactlyTheLimit_IsKept()
    {
        var (client, opportunityId) = await DealAsync();

        var response = await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/milestones/approvals", new { done = "2026-10-01", evidence = new string('e', 4000), version = 0 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MilestonesAsync(client, opportunityId))[9]!["evidence"]!.GetValue<string>().Length.ShouldBe(4000);
    }

    [Fact]
    public async Task List_UnknownDeal_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        (await client.GetAsync($"/api/opportunities/{Guid.NewGuid()}/milestones", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ProcessEndpointsTests_Sqlite(SqliteApp app) : ProcessEndpointsTests<SqliteApp>(app);
public sealed class ProcessEndpointsTests_Postgres(PostgresApp app) : ProcessEndpointsTests<PostgresApp>(app);
