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
}

public sealed class ColleagueEndpointsTests_Sqlite(SqliteApp app) : ColleagueEndpointsTests<SqliteApp>(app);
public sealed class ColleagueEndpointsTests_Postgres(PostgresApp app) : ColleagueEndpointsTests<PostgresApp>(app);
