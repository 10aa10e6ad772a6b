using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;

namespace KeySell.Web.Tests.Api;

public abstract class PersonEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/people", body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    [Fact]
    public async Task Create_WithManager_ShowsBothSidesOfTheReportingLine()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Org"));
        var cfo = await CreateAsync(client, new { accountId = account, name = "Li Wei", title = "CFO", preferences = "Data first" });

        var director = await CreateAsync(client, new { accountId = account, name = "Chen Jing", title = "Finance Director", reportsToId = (string)cfo["id"]! });

        director["reportsTo"]!["name"]!.GetValue<string>().ShouldBe("Li Wei");
        var manager = await client.GetFromJsonAsync<JsonObject>($"/api/people/{cfo["id"]}", Ct);
        manager!["directReports"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ShouldBe(["Chen Jing"]);
        manager["preferences"]!.GetValue<string>().ShouldBe("Data first");
        manager["status"]!.GetValue<string>().ShouldBe("active");
    }

    [Fact]
    public async Task Create_ManagerInAnotherAccount_Returns400OnReportsTo()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Here"));
        var elsewhere = await app.PersonAsync(await app.AccountAsync(DealArrange.Unique("There")), "Stranger");

        var response = await client.PostAsJsonAsync("/api/people", new { accountId = account, name = "New", reportsToId = elsewhere }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!.Keys.ShouldBe(["reportsToId"]);
    }

    [Fact]
    public async Task Create_InvalidFields_Returns400WithAnErrorPerField()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Strict"));

        var response = await client.PostAsJsonAsync("/api/people", new { accountId = account, name = "", email = "not-an-email", status = "retired" }, Ct);

        (await ProblemDocument.ReadAsync(response)).Errors!.Keys.ShouldBe(["name", "email", "status"], ignoreOrder: true);
    }

    [Fact]
    public async Task Update_ManagerWhoReportsToThePerson_Returns400Cycle()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Loop"));
        var boss = await CreateAsync(client, new { accountId = account, name = "Boss" });
        var report = await CreateAsync(client, new { accountId = account, name = "Report", reportsToId = (string)boss["id"]! });

        var response = await client.PutAsJsonAsync($"/api/people/{boss["id"]}", new
        {
            name = "Boss", title = (string?)null, departmentId = (Guid?)null, reportsToId = (string)report["id"]!, email = (string?)null,
            phone = (string?)null, responsibilities = (string?)null, preferences = (string?)null, status = "active", version = 1,
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!["reportsToId"].ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstSave()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Race"));
        var person = await CreateAsync(client, new { accountId = account, name = "Wang Fang" });
        object Body(string title) => new
        {
            name = "Wang Fang", title, departmentId = (Guid?)null, reportsToId = (Guid?)null, email = (string?)null,
            phone = (string?)null, responsibilities = (string?)null, preferences = (string?)null, status = "active", version = 1,
        };

        (await client.PutAsJsonAsync($"/api/people/{person["id"]}", Body("CIO"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await client.PutAsJsonAsync($"/api/people/{person["id"]}", Body("CTO"), Ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonObject>($"/api/people/{person["id"]}", Ct))!["title"]!.GetValue<string>().ShouldBe("CIO");
    }

    [Fact]
    public async Task Delete_Manager_MovesReportsUpAndInfluencerIsRefused()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Reorg"));
        var ceo = await CreateAsync(client, new { accountId = account, name = "CEO" });
        var vp = await CreateAsync(client, new { accountId = account, name = "VP", reportsToId = (string)ceo["id"]! });
        var manager = await CreateAsync(client, new { accountId = account, name = "Manager", reportsToId = (string)vp["id"]! });
        var opportunity = await client.CreateOpportunityAsync(account, "Deal");
        await client.AddInfluenceAsync(Guid.Parse((string)opportunity["id"]!), new { personId = (string)ceo["id"]!, roles = new[] { "economic" } });

        var deleteVp = await client.DeleteAsync($"/api/people/{vp["id"]}?version=1", Ct);
        var deleteCeo = await client.DeleteAsync($"/api/people/{ceo["id"]}?version=1", Ct);

        deleteVp.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetFromJsonAsync<JsonObject>($"/api/people/{manager["id"]}", Ct))!["reportsTo"]!["name"]!.GetValue<string>().ShouldBe("CEO");
        deleteCeo.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(deleteCeo)).Detail!.ShouldContain("buying influence");
    }

    [Fact]
    public async Task List_ForAccount_SearchesNameAndTitle()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Searchable"));
        await CreateAsync(client, new { accountId = account, name = "Zhang San", title = "Procurement Manager" });
        await CreateAsync(client, new { accountId = account, name = "Li Si", title = "IT Director" });

        var page = await client.GetFromJsonAsync<JsonObject>($"/api/accounts/{account}/people?search=procurement", Ct);

        page!["totalCount"]!.GetValue<int>().ShouldBe(1);
        page["items"]![0]!["name"]!.GetValue<string>().ShouldBe("Zhang San");
    }

    [Fact]
    public async Task Get_UnknownPerson_Returns404() =>
        (await (await app.CreateAdminClientAsync()).GetAsync($"/api/people/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
}

public sealed class PersonEndpointsTests_Sqlite(SqliteApp app) : PersonEndpointsTests<SqliteApp>(app);
public sealed class PersonEndpointsTests_Postgres(PostgresApp app) : PersonEndpointsTests<PostgresApp>(app);
