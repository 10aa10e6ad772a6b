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

    [Theory]
    [InlineData("/api/people/6f1c1a52-2f7e-4a53-9d0e-3f1f2b0c4d11")]
    [InlineData("/api/accounts/6f1c1a52-2f7e-4a53-9d0e-3f1f2b0c4d11/people")]
    public async Task Get_WithoutSignIn_Returns401(string url) =>
        (await app.CreateClient().GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Create_WithDepartment_Returns201WithLocationAndTheStoredPerson()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(DealArrange.Unique("Pharma"));
        var finance = await client.CreateDepartmentAsync(account.Id(), "Finance");

        var response = await client.PostAsJsonAsync("/api/people", new
        {
            accountId = account.Id(), name = " Li Wei ", title = "CFO", departmentId = finance.Id(), email = "li.wei@example.com", phone = "+86 21 5555 0101",
            responsibilities = "Budget owner for IT", status = "moved",
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadObjectAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/people/{created.Id()}");
        var stored = await client.GetObjectAsync(response.Headers.Location.ToString());
        stored.Text("name").ShouldBe("Li Wei");
        stored.Text("accountName").ShouldBe(account.Text("name"));
        stored.Text("departmentName").ShouldBe("Finance");
        stored.Text("email").ShouldBe("li.wei@example.com");
        stored.Text("status").ShouldBe("moved");
        stored["deals"]!.AsArray().ShouldBeEmpty();
        stored.Version().ShouldBe(1);
        var onAccount = (await client.GetObjectAsync($"/api/accounts/{account.Id()}"))["people"]!.AsArray().ShouldHaveSingleItem()!;
        onAccount["departmentId"]!.GetValue<Guid>().ShouldBe(finance.Id());
    }

    [Fact]
    public async Task List_Paging_ReturnsThePageInNameOrderWithTheTotalCount()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Paged"));
        foreach (var name in new[] { "Zhao Lei", "Chen Jing", "Li Wei" }) await CreateAsync(client, new { accountId = account, name, title = "Manager" });
        await app.PersonAsync(await app.AccountAsync(DealArrange.Unique("Other")), "Another Account's Manager", "Manager");

        var first = await client.GetObjectAsync($"/api/accounts/{account}/people?search=MANAGER&page=1&pageSize=2");
        var second = await client.GetObjectAsync($"/api/accounts/{account}/people?search=MANAGER&page=2&pageSize=2");

        first["totalCount"]!.GetValue<int>().ShouldBe(3);
        first["items"].Names().ShouldBe(["Chen Jing", "Li Wei"]);
        second["totalCount"]!.GetValue<int>().ShouldBe(3);
        second["items"].Names().ShouldBe(["Zhao Lei"]);
    }

    [Fact]
    public async Task List_UnknownAccount_Returns404() =>
        (await (await app.CreateAdminClientAsync()).GetAsync($"/api/accounts/{Guid.NewGuid()}/people", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task Create_TooLongTextAndDepartmentOfAnotherAccount_Returns400OnEachField()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Here"));
        var foreignDepartment = await client.CreateDepartmentAsync(await app.AccountAsync(DealArrange.Unique("There")), "Finance");

        var response = await client.PostAsJsonAsync("/api/people", new
        {
            accountId = account, name = new string('n', 201), title = new string('t', 201), preferences = new string('p', 4001), departmentId = foreignDepartment.Id(),
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(["name", "title", "preferences", "departmentId"], ignoreOrder: true);
        problem.Errors["preferences"].ShouldHaveSingleItem().ShouldContain("4000");
        problem.Errors["departmentId"].ShouldHaveSingleItem().ShouldContain("same account");
    }

    [Fact]
    public async Task Create_UnknownAccountAndManager_Returns400OnEachReference()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/people", new { accountId = Guid.NewGuid(), name = "Nobody", reportsToId = Guid.NewGuid() }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["accountId", "reportsToId"], ignoreOrder: true);
    }

    [Fact]
    public async Task Update_ReportsToThemselves_Returns400Cycle()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Self"));
        var person = await CreateAsync(client, new { accountId = account, name = "Solo" });

        var response = await client.PutAsJsonAsync($"/api/people/{person.Id()}", new
        {
            name = "Solo", title = (string?)null, departmentId = (Guid?)null, reportsToId = person.Id(), email = (string?)null,
            phone = (string?)null, responsibilities = (string?)null, preferences = (string?)null, status = "active", version = 1,
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull()["reportsToId"].ShouldHaveSingleItem().ShouldContain("loop");
        (await client.GetObjectAsync($"/api/people/{person.Id()}"))["reportsTo"].ShouldBeNull();
    }

    [Fact]
    public async Task Update_CurrentVersion_Returns200WithTheNewVersion()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Leaving"));
        var person = await CreateAsync(client, new { accountId = account, name = "Wang Fang", title = "CIO" });

        var response = await client.PutAsJsonAsync($"/api/people/{person.Id()}", new
        {
            name = "Wang Fang", title = "CIO", departmentId = (Guid?)null, reportsToId = (Guid?)null, email = (string?)null,
            phone = (string?)null, responsibilities = (string?)null, preferences = "Golf on Saturdays", status = "left-company", version = 1,
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = await response.ReadObjectAsync();
        updated.Version().ShouldBe(2);
        updated.Text("status").ShouldBe("left-company");
        updated.Text("preferences").ShouldBe("Golf on Saturdays");
    }

    [Fact]
    public async Task UpdateAndDelete_UnknownPerson_Return404()
    {
        var client = await app.CreateAdminClientAsync();
        var id = Guid.NewGuid();

        var update = await client.PutAsJsonAsync($"/api/people/{id}", new { name = "Nobody", status = "active", version = 1 }, Ct);
        var delete = await client.DeleteAsync($"/api/people/{id}?version=1", Ct);

        update.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_BuyingInfluence_Returns409NamingTheNumberOfDealsAndKeepsThePerson()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Two deals"));
        var cfo = await CreateAsync(client, new { accountId = account, name = "Li Wei", title = "CFO" });
        foreach (var deal in new[] { "ERP rollout", "Data centre" })
        {
            var opportunity = await client.CreateOpportunityAsync(account, deal);
            await client.AddInfluenceAsync(opportunity.Id(), new { personId = cfo.Id(), roles = new[] { "economic" }, support = 2 });
        }

        var response = await client.DeleteAsync($"/api/people/{cfo.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull();
        detail.ShouldContain("Li Wei");
        detail.ShouldContain("2 opportunities");
        var stored = await client.GetObjectAsync($"/api/people/{cfo.Id()}");
        var deals = stored["deals"]!.AsArray();
        deals.Select(d => d!.Text("opportunityName")).ShouldBe(["Data centre", "ERP rollout"]);
        deals.ShouldAllBe(d => d!["roles"]!.AsArray().Single()!.GetValue<string>() == "economic" && d["support"]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task Delete_StaleVersion_Returns409AndKeepsThePerson()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Stale delete"));
        var person = await CreateAsync(client, new { accountId = account, name = "Zhou Min" });
        await client.PutAsJsonAsync($"/api/people/{person.Id()}", new { name = "Zhou Min", title = "COO", status = "active", version = 1 }, Ct);

        var response = await client.DeleteAsync($"/api/people/{person.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetObjectAsync($"/api/people/{person.Id()}")).Text("title").ShouldBe("COO");
    }
}

public sealed class PersonEndpointsTests_Sqlite(SqliteApp app) : PersonEndpointsTests<SqliteApp>(app);
public sealed class PersonEndpointsTests_Postgres(PostgresApp app) : PersonEndpointsTests<PostgresApp>(app);
