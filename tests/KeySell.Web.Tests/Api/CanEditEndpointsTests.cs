using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>
/// <c>canEdit</c> on a deal, an account and a person tells a client whether to offer editing: it
/// follows the same rules as the writes (owner, team managers, edit shares, account team; never a viewer).
/// </summary>
public abstract class CanEditEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Member-Passw0rd!";

    private async Task<JsonObject> CreateUserAsync(HttpClient admin, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@keysell.test";
        var response = await admin.PostAsJsonAsync("/api/users", new { email, name = Unique($"Test {role}"), role, password = Password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadObjectAsync();
    }

    private async Task<HttpClient> SignedInAsync(JsonObject user)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(client, user["email"]!.GetValue<string>(), Password));
        return client;
    }

    private static async Task<bool> CanEditAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonObject>(url, Ct))!["canEdit"]!.GetValue<bool>();

    [Fact]
    public async Task CanEdit_FollowsOwnerViewerSharesAndAccountTeam()
    {
        var admin = await app.CreateAdminClientAsync();
        var seller = await CreateUserAsync(admin, "seller");
        var viewer = await CreateUserAsync(admin, "viewer");
        var outsider = await CreateUserAsync(admin, "seller");
        var team = await admin.PostCreatedAsync("/api/teams", new { name = Unique("Can-edit team") });
        (await admin.PutAsJsonAsync($"/api/teams/{team.Id()}/members", new
        {
            members = new[] { new { userId = seller["id"]!.GetValue<string>(), manager = false }, new { userId = viewer["id"]!.GetValue<string>(), manager = false } },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accountId = await app.AccountAsync(Unique("Can-edit Works"));
        var personId = await app.PersonAsync(accountId, "Pan Yue");
        var deal = await admin.CreateOpportunityAsync(accountId, Unique("Can-edit deal"), seller["colleagueId"]!.GetValue<Guid>());
        var dealUrl = $"/api/opportunities/{deal.Id()}";

        var asSeller = await SignedInAsync(seller);
        var asViewer = await SignedInAsync(viewer);
        (await CanEditAsync(admin, dealUrl)).ShouldBeTrue();
        (await CanEditAsync(asSeller, dealUrl)).ShouldBeTrue();
        (await CanEditAsync(asViewer, dealUrl)).ShouldBeFalse();
        (await CanEditAsync(asViewer, $"/api/accounts/{accountId}")).ShouldBeFalse();
        (await CanEditAsync(asViewer, $"/api/people/{personId}")).ShouldBeFalse();
        // The seller reads the account through their deal but does not own it until they join its account team.
        (await CanEditAsync(asSeller, $"/api/accounts/{accountId}")).ShouldBeFalse();
        (await admin.PutAsJsonAsync($"/api/accounts/{accountId}/team", new { userIds = new[] { seller["id"]!.GetValue<string>() } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CanEditAsync(asSeller, $"/api/accounts/{accountId}")).ShouldBeTrue();
        (await CanEditAsync(asSeller, $"/api/people/{personId}")).ShouldBeTrue();

        // A share for reading opens the deal without editing; a share for editing lets them write.
        var asOutsider = await SignedInAsync(outsider);
        (await asOutsider.GetAsync(dealUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var share = await asSeller.PostCreatedAsync($"{dealUrl}/shares", new { userId = outsider["id"]!.GetValue<string>(), access = "read" });
        share["name"]!.GetValue<string>().ShouldBe(outsider["name"]!.GetValue<string>());
        (await CanEditAsync(asOutsider, dealUrl)).ShouldBeFalse();
        await asSeller.PostCreatedAsync($"{dealUrl}/shares", new { userId = outsider["id"]!.GetValue<string>(), access = "edit" });
        (await CanEditAsync(asOutsider, dealUrl)).ShouldBeTrue();
    }
}

public sealed class CanEditEndpointsTests_Sqlite(SqliteApp app) : CanEditEndpointsTests<SqliteApp>(app);
public sealed class CanEditEndpointsTests_Postgres(PostgresApp app) : CanEditEndpointsTests<PostgresApp>(app);
