using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;

namespace KeySell.Web.Tests.Api;

public abstract class ColleagueEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateUpdateDelete_Colleague_RoundTrips()
    {
        var client = await app.CreateAdminClientAsync();
        var created = await client.PostAsJsonAsync("/api/colleagues", new { name = "Zhou Min", title = "VP Sales", email = "zhou.min@keysell.example" }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<string>();

        var updated = await client.PutAsJsonAsync($"/api/colleagues/{id}", new { name = "Zhou Min", title = "SVP Sales", email = (string?)null, version = 1 }, Ct);
        var stale = await client.PutAsJsonAsync($"/api/colleagues/{id}", new { name = "Zhou Min", title = "CEO", email = (string?)null, version = 1 }, Ct);
        var deleted = await client.DeleteAsync($"/api/colleagues/{id}?version=2", Ct);

        (await updated.Content.ReadFromJsonAsync<JsonObject>(Ct))!["title"]!.GetValue<string>().ShouldBe("SVP Sales");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/colleagues/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_InvalidEmail_Returns400OnEmail()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/colleagues", new { name = "X", email = "x@" }, Ct);

        (await ProblemDocument.ReadAsync(response)).Errors!.Keys.ShouldBe(["email"]);
    }

    [Fact]
    public async Task Delete_ColleagueOfAUser_Returns409()
    {
        var client = await app.CreateAdminClientAsync();
        var adminColleague = await app.AdminColleagueIdAsync();
        var read = await client.GetFromJsonAsync<JsonObject>($"/api/colleagues/{adminColleague}", Ct);

        var response = await client.DeleteAsync($"/api/colleagues/{adminColleague}?version={read!["version"]}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task List_Search_FindsByTitle()
    {
        var client = await app.CreateAdminClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..6];
        await client.PostAsJsonAsync("/api/colleagues", new { name = "Solution Engineer " + marker, title = "Pre-sales " + marker }, Ct);

        var page = await client.GetFromJsonAsync<JsonObject>($"/api/colleagues?search=pre-sales {marker}", Ct);

        page!["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData("/api/colleagues")]
    [InlineData("/api/colleagues/6f1c1a52-2f7e-4a53-9d0e-3f1f2b0c4d11")]
    public async Task Get_WithoutSignIn_Returns401(string url) =>
        (await app.CreateClient().GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Create_Valid_Returns201WithLocationOfTheStoredColleague()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/colleagues", new { name = " Wang Fang ", title = "Solution Architect", email = "wang.fang@keysell.example" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadObjectAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/colleagues/{created.Id()}");
        var stored = await client.GetObjectAsync(response.Headers.Location.ToString());
        stored.Text("name").ShouldBe("Wang Fang");
        stored.Text("title").ShouldBe("Solution Architect");
        stored.Text("email").ShouldBe("wang.fang@keysell.example");
        stored.Version().ShouldBe(1);
    }

    [Fact]
    public async Task List_Paging_ReturnsThePageInNameOrderWithTheTotalCountIgnoringCase()
    {
        var client = await app.CreateAdminClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { "Gamma", "Alpha", "Beta" }) await client.CreateColleagueAsync(new { name = $"{marker} {name}" });

        var first = await client.GetObjectAsync($"/api/colleagues?search={marker.ToUpperInvariant()}&page=1&pageSize=2");
        var second = await client.GetObjectAsync($"/api/colleagues?search={marker.ToUpperInvariant()}&page=2&pageSize=2");

        first["totalCount"]!.GetValue<int>().ShouldBe(3);
        first["items"].Names().ShouldBe([$"{marker} Alpha", $"{marker} Beta"]);
        second["totalCount"]!.GetValue<int>().ShouldBe(3);
        second["items"].Names().ShouldBe([$"{marker} Gamma"]);
    }

    [Fact]
    public async Task Create_BlankNameTooLongTitleAndBadEmail_Returns400OnEachField()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/colleagues", new { name = "  ", title = new string('t', 201), email = "zhou.min at keysell" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(["name", "title", "email"], ignoreOrder: true);
        problem.Errors["email"].ShouldHaveSingleItem().ShouldContain("zhou.min at keysell");
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstWritersChange()
    {
        var client = await app.CreateAdminClientAsync();
        var colleague = await client.CreateColleagueAsync(new { name = DealArrange.Unique("Zhou Min") });
        var url = $"/api/colleagues/{colleague.Id()}";

        var first = await client.PutAsJsonAsync(url, new { name = colleague.Text("name"), title = "Sales Director", version = 1 }, Ct);
        var second = await client.PutAsJsonAsync(url, new { name = colleague.Text("name"), title = "Key Account Manager", version = 1 }, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.ReadObjectAsync()).Version().ShouldBe(2);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(second)).Detail.ShouldNotBeNull().ShouldContain("version 2");
        (await client.GetObjectAsync(url)).Text("title").ShouldBe("Sales Director");
    }

    [Fact]
    public async Task GetUpdateDelete_UnknownColleague_Return404()
    {
        var client = await app.CreateAdminClientAsync();
        var id = Guid.NewGuid();

        var get = await client.GetAsync($"/api/colleagues/{id}", Ct);
        var update = await client.PutAsJsonAsync($"/api/colleagues/{id}", new { name = "Nobody", version = 1 }, Ct);
        var delete = await client.DeleteAsync($"/api/colleagues/{id}?version=1", Ct);

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        update.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_OwnerAndCounterpart_Returns409NamingEachReason()
    {
        var client = await app.CreateAdminClientAsync();
        var colleague = await client.CreateColleagueAsync(new { name = DealArrange.Unique("Zhou Min") });
        var account = await app.AccountAsync(DealArrange.Unique("Steel"));
        var opportunity = await client.CreateOpportunityAsync(account, "ERP rollout", colleague.Id());
        await client.AddInfluenceAsync(opportunity.Id(), new { newPerson = new { name = "Li Wei" }, counterpartId = colleague.Id() });

        var response = await client.DeleteAsync($"/api/colleagues/{colleague.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull();
        detail.ShouldContain(colleague.Text("name"));
        detail.ShouldContain("they own 1 opportunity");
        detail.ShouldContain("counterpart of 1 buying influence");
        (await client.GetAsync($"/api/colleagues/{colleague.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_ColleagueOfAUser_NamesTheUser()
    {
        var client = await app.CreateAdminClientAsync();
        var adminColleague = await client.GetObjectAsync($"/api/colleagues/{await app.AdminColleagueIdAsync()}");

        var response = await client.DeleteAsync($"/api/colleagues/{adminColleague.Id()}?version={adminColleague.Version()}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull();
        detail.ShouldContain(KeySellApp.AdminEmail);
        detail.ShouldNotContain("opportunities");
    }
}

public sealed class ColleagueEndpointsTests_Sqlite(SqliteApp app) : ColleagueEndpointsTests<SqliteApp>(app);
public sealed class ColleagueEndpointsTests_Postgres(PostgresApp app) : ColleagueEndpointsTests<PostgresApp>(app);
