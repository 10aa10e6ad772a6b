using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;
using KeySell.Web.Tests.Api;

namespace KeySell.Web.Tests.Toolkit;

public abstract class NeedsEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private async Task<(HttpClient Client, Guid Deal)> DealAsync(string name)
    {
        var client = await app.CreateAdminClientAsync();
        var deal = await client.CreateOpportunityAsync(await app.AccountAsync(Unique(name)), name);
        return (client, deal.Id());
    }

    private static object Node(string problem, string? solution = null, string? layer = null, Guid? id = null, params object[] children) =>
        new { id, layer, problem, solution, children };

    [Fact]
    public async Task Get_NoTreeYet_ReturnsVersionZeroWithoutChecks()
    {
        var (client, deal) = await DealAsync("Needs none");

        var needs = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}/needs", Ct))!;

        needs.Version().ShouldBe(0);
        needs["branches"]!.AsArray().ShouldBeEmpty();
        needs["checks"].ShouldBeNull();
    }

    [Fact]
    public async Task Put_NewTree_StoresItWithTheChecksAndLeavesTheDealsVersionAlone()
    {
        var (client, deal) = await DealAsync("Needs round trip");

        var response = await client.PutAsJsonAsync($"/api/opportunities/{deal}/needs", new
        {
            version = 0,
            currentState = "Month-end close takes 12 days",
            branches = new[]
            {
                Node("Cash tied up", null, "finance", null, Node("Invoices wait for matching", "Automatic matching")),
                Node("Late figures for the board", "Consolidation dashboard", "management"),
            },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var stored = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}/needs", Ct))!;
        stored.Version().ShouldBe(1);
        stored["currentState"]!.GetValue<string>().ShouldBe("Month-end close takes 12 days");
        var branches = stored["branches"]!.AsArray();
        branches.Select(b => b!["problem"]!.GetValue<string>()).ShouldBe(["Cash tied up", "Late figures for the board"]);
        branches[0]!["layer"]!.GetValue<string>().ShouldBe("finance");
        branches[0]!["children"]!.AsArray().ShouldHaveSingleItem()!["solution"]!.GetValue<string>().ShouldBe("Automatic matching");
        branches[0]!["children"]![0]!["layer"].ShouldBeNull();
        // Two layers of the three the course asks for; both leaves have a solution; the state is written.
        var checks = stored["checks"]!;
        (checks["rooted"]!.GetValue<bool>(), checks["decomposed"]!.GetValue<bool>(), checks["landed"]!.GetValue<bool>()).ShouldBe((true, false, true));
        checks["layers"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["finance", "management"]);
        (checks["leaves"]!.GetValue<int>(), checks["unlandedLeaves"]!.GetValue<int>()).ShouldBe((2, 0));
        (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}", Ct))!.Version().ShouldBe(1);
    }

    [Fact]
    public async Task Put_NodesSentWithTheirIds_KeepTheirRowsAndNewOnesGetNewIds()
    {
        var (client, deal) = await DealAsync("Needs ids");
        var url = $"/api/opportunities/{deal}/needs";
        var first = await (await client.PutAsJsonAsync(url, new
        {
            version = 0, currentState = "State",
            branches = new[] { Node("Cash", "x", "finance"), Node("Churn", "y", "customers") },
        }, Ct)).ReadObjectAsync();
        var cash = first["branches"]![0]!.Id();
        var churn = first["branches"]![1]!.Id();

        // Churn moves under a new process branch, cash is kept and renamed, nothing else is sent.
        var second = await client.PutAsJsonAsync(url, new
        {
            version = 1, currentState = "State",
            branches = new[] { Node("Cash tied up", "x", "finance", cash), Node("Slow process", null, "process", null, Node("Churn", "y", null, churn)) },
        }, Ct);

        second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync(Ct));
        var stored = await second.ReadObjectAsync();
        stored.Version().ShouldBe(2);
        stored["branches"]![0]!.Id().ShouldBe(cash);
        stored["branches"]![0]!["problem"]!.GetValue<string>().ShouldBe("Cash tied up");
        stored["branches"]![1]!.Id().ShouldNotBe(cash);
        stored["branches"]![1]!.Id().ShouldNotBe(churn);
        stored["branches"]![1]!["children"]![0]!.Id().ShouldBe(churn);
    }

    [Fact]
    public async Task Put_SavedAsRead_ChangesNothingAndKeepsTheVersion()
    {
        var (client, deal) = await DealAsync("Needs same");
        var url = $"/api/opportunities/{deal}/needs";
        var saved = await (await client.PutAsJsonAsync(url, new { version = 0, currentState = "S", branches = new[] { Node("Cash", "x", "finance") } }, Ct)).ReadObjectAsync();

        var again = await client.PutAsJsonAsync(url, new
        {
            version = 1, currentState = "S", branches = new[] { Node("Cash", "x", "finance", saved["branches"]![0]!.Id()) },
        }, Ct);

        (await again.ReadObjectAsync()).Version().ShouldBe(1);
    }

    [Fact]
    public async Task Put_SevenLevelsDeep_Returns400AtTheSeventhNodeAndStoresNothing()
    {
        var (client, deal) = await DealAsync("Needs deep");
        object node = Node("Level 7", "x");
        for (var level = 6; level >= 2; level--) node = Node($"Level {level}", null, null, null, node);
        var branch = Node("Level 1", null, "finance", null, node);

        var response = await client.PutAsJsonAsync($"/api/opportunities/{deal}/needs", new { version = 0, currentState = "S", branches = new[] { branch } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys
            .ShouldBe(["branches[0].children[0].children[0].children[0].children[0].children[0].children[0]"]);
        (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}/needs", Ct))!.Version().ShouldBe(0);
    }

    [Fact]
    public async Task Put_SixLevelsDeep_IsAccepted()
    {
        var (client, deal) = await DealAsync("Needs six");
        object node = Node("Level 6", "x");
        for (var level = 5; level >= 2; level--) node = Node($"Level {level}", null, null, null, node);

        var response = await client.PutAsJsonAsync($"/api/opportunities/{deal}/needs",
            new { version = 0, currentState = "S", branches = new[] { Node("Level 1", null, "finance", null, node) } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Put_501Nodes_Returns400OnBranches_500AreAccepted()
    {
        var (client, deal) = await DealAsync("Needs many");
        var url = $"/api/opportunities/{deal}/needs";
        object Tree(int leaves) => new
        {
            version = 0, currentState = "S",
            branches = new[] { Node("Root", null, "finance", null, Enumerable.Range(1, leaves - 1).Select(i => Node($"Leaf {i}", "x")).ToArray()) },
        };

        var tooMany = await client.PutAsJsonAsync(url, Tree(501), Ct);
        var enough = await client.PutAsJsonAsync(url, Tree(500), Ct);

        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(tooMany)).Errors.ShouldNotBeNull().Keys.ShouldBe(["branches"]);
        enough.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await enough.ReadObjectAsync())["checks"]!["leaves"]!.GetValue<int>().ShouldBe(499);
    }

    [Fact]
    public async Task Put_BadFields_Returns400WithEachPathAndTheValue()
    {
        var (client, deal) = await DealAsync("Needs bad");
        var unknownId = Guid.NewGuid();

        var response = await client.PutAsJsonAsync($"/api/opportunities/{deal}/needs", new
        {
            version = 0,
            currentState = new string('s', 4001),
            branches = new[]
            {
                Node("Cash", null, "treasury", null, Node("Late", "x", "finance")),
                Node(" ", "x", null),
                Node("Known?", "x", "process", unknownId),
            },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull();
        errors.Keys.ShouldBe(["currentState", "branches[0].layer", "branches[0].children[0].layer", "branches[1].problem", "branches[1].layer", "branches[2].id"],
            ignoreOrder: true);
        errors["branches[0].layer"].ShouldHaveSingleItem().ShouldContain("treasury");
        errors["branches[0].children[0].layer"].ShouldHaveSingleItem().ShouldContain("finance");
        errors["branches[2].id"].ShouldHaveSingleItem().ShouldContain(unknownId.ToString());
    }

    [Fact]
    public async Task Put_StaleVersion_Returns409AndKeepsTheFirstWritersTree()
    {
        var (client, deal) = await DealAsync("Needs stale");
        var url = $"/api/opportunities/{deal}/needs";
        (await client.PutAsJsonAsync(url, new { version = 0, currentState = "First", branches = Array.Empty<object>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var late = await client.PutAsJsonAsync(url, new { version = 0, currentState = "Second", branches = Array.Empty<object>() }, Ct);
        var stale = await client.PutAsJsonAsync(url, new { version = 7, currentState = "Third", branches = Array.Empty<object>() }, Ct);

        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonObject>(url, Ct))!["currentState"]!.GetValue<string>().ShouldBe("First");
    }

    [Fact]
    public async Task Delete_Tree_LeavesNoTreeAndAStaleVersionIsRefused()
    {
        var (client, deal) = await DealAsync("Needs delete");
        var url = $"/api/opportunities/{deal}/needs";
        await client.PutAsJsonAsync(url, new { version = 0, currentState = "S", branches = new[] { Node("Cash", "x", "finance") } }, Ct);

        var stale = await client.DeleteAsync($"{url}?version=5", Ct);
        var deleted = await client.DeleteAsync($"{url}?version=1", Ct);
        var again = await client.DeleteAsync($"{url}?version=1", Ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var now = (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;
        (now.Version(), now["branches"]!.AsArray().Count).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Get_UnknownDeal_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        (await client.GetAsync($"/api/opportunities/{Guid.NewGuid()}/needs", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sheet_StoredTree_IsTheSheetsNeeds()
    {
        var (client, deal) = await DealAsync("Needs sheet");
        await client.PutAsJsonAsync($"/api/opportunities/{deal}/needs", new
        {
            version = 0, currentState = "12-day close", branches = new[] { Node("Cash", null, "finance", null, Node("Late", "Matching")) },
        }, Ct);

        var sheet = await app.SheetAsync(deal);

        sheet.Needs.ShouldNotBeNull().CurrentState.ShouldBe("12-day close");
        sheet.Needs.Branches.ShouldHaveSingleItem().Layer.ShouldBe(KeySell.Domain.Needs.NeedLayer.Finance);
        sheet.Needs.Branches[0].Children.ShouldHaveSingleItem().Solution.ShouldBe("Matching");
    }
}

public sealed class NeedsEndpointsTests_Sqlite(SqliteApp app) : NeedsEndpointsTests<SqliteApp>(app);
public sealed class NeedsEndpointsTests_Postgres(PostgresApp app) : NeedsEndpointsTests<PostgresApp>(app);
