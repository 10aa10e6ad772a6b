using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>Users and teams as an admin sets them up, and what a member sees of them.</summary>
public abstract class TeamEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Member-Passw0rd!";

    private async Task<JsonObject> CreateUserAsync(HttpClient admin, string role, string? password = Password)
    {
        var email = $"{role}-{Guid.NewGuid():N}@keysell.test";
        var response = await admin.PostAsJsonAsync("/api/users", new { email, name = $"Test {role}", role, password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadObjectAsync();
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(client, email, Password));
        return client;
    }

    [Fact]
    public async Task CreateUser_WithoutPassword_AnswersATemporaryPasswordOnceAndLinksANewColleague()
    {
        var admin = await app.CreateAdminClientAsync();

        var user = await CreateUserAsync(admin, "seller", password: null);

        var temporary = user["temporaryPassword"]!.GetValue<string>();
        temporary.Length.ShouldBeGreaterThanOrEqualTo(12);
        user["role"]!.GetValue<string>().ShouldBe("seller");
        user["disabled"]!.GetValue<bool>().ShouldBeFalse();
        var colleague = await admin.GetFromJsonAsync<JsonObject>($"/api/colleagues/{user["colleagueId"]!.GetValue<Guid>()}", Ct);
        colleague!["name"]!.GetValue<string>().ShouldBe("Test seller");
        var listed = await admin.GetFromJsonAsync<JsonObject>($"/api/users?search={Uri.EscapeDataString(user["email"]!.GetValue<string>())}", Ct);
        listed!["items"]!.AsArray().Single()!.AsObject().ContainsKey("temporaryPassword").ShouldBeFalse();
    }

    [Fact]
    public async Task CreateUser_ExistingEmailOrUnknownRole_Returns400PerField()
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new { email = KeySellApp.AdminEmail, name = "Again", role = "emperor" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["email", "role"], ignoreOrder: true);
    }

    [Fact]
    public async Task Me_MemberOfATeam_ListsTheTeamWithTheManagerMark()
    {
        var admin = await app.CreateAdminClientAsync();
        var manager = await CreateUserAsync(admin, "manager");
        var team = await (await admin.PostAsJsonAsync("/api/teams", new { name = Unique("North China") }, Ct)).ReadObjectAsync();
        (await admin.PutAsJsonAsync($"/api/teams/{team.Id()}/members", new { members = new[] { new { userId = manager["id"]!.GetValue<string>(), manager = true } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var me = await (await SignedInAsync(manager["email"]!.GetValue<string>())).GetFromJsonAsync<JsonObject>("/api/me", Ct);

        me!["email"]!.GetValue<string>().ShouldBe(manager["email"]!.GetValue<string>());
        me["role"]!.GetValue<string>().ShouldBe("manager");
        me["colleagueId"]!.GetValue<Guid>().ShouldBe(manager["colleagueId"]!.GetValue<Guid>());
        var only = me["teams"]!.AsArray().Single()!;
        only["id"]!.GetValue<Guid>().ShouldBe(team.Id());
        only["manager"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task SetMembers_SellerMarkedManager_Returns400AndChangesNothing()
    {
        var admin = await app.CreateAdminClientAsync();
        var seller = await CreateUserAsync(admin, "seller");
        var team = await (await admin.PostAsJsonAsync("/api/teams", new { name = Unique("South China") }, Ct)).ReadObjectAsync();

        var response = await admin.PutAsJsonAsync($"/api/teams/{team.Id()}/members", new { members = new[] { new { userId = seller["id"]!.GetValue<string>(), manager = true } } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["members[0].manager"]);
        var teams = await admin.GetFromJsonAsync<JsonObject>("/api/teams?pageSize=200", Ct);
        teams!["items"]!.AsArray().Single(t => t!["id"]!.GetValue<Guid>() == team.Id())!["members"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Teams_ForAMember_ListsOnlyTheirOwnTeams()
    {
        var admin = await app.CreateAdminClientAsync();
        var seller = await CreateUserAsync(admin, "seller");
        var mine = await (await admin.PostAsJsonAsync("/api/teams", new { name = Unique("Mine") }, Ct)).ReadObjectAsync();
        var other = await (await admin.PostAsJsonAsync("/api/teams", new { name = Unique("Other") }, Ct)).ReadObjectAsync();
        await admin.PutAsJsonAsync($"/api/teams/{mine.Id()}/members", new { members = new[] { new { userId = seller["id"]!.GetValue<string>(), manager = false } } }, Ct);

        var teams = await (await SignedInAsync(seller["email"]!.GetValue<string>())).GetFromJsonAsync<JsonObject>("/api/teams", Ct);

        teams!["totalCount"]!.GetValue<int>().ShouldBe(1);
        teams["items"]!.AsArray().Single()!["id"]!.GetValue<Guid>().ShouldBe(mine.Id());
        teams["items"]!.AsArray().ShouldNotContain(t => t!["id"]!.GetValue<Guid>() == other.Id());
    }

    [Fact]
    public async Task UpdateUser_LastActiveAdminDemoted_Returns409()
    {
        var admin = await app.CreateAdminClientAsync();
        var me = await admin.GetFromJsonAsync<JsonObject>("/api/me", Ct);
        var others = await app.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.Role == Domain.Teams.Role.Admin && !u.Disabled && u.Email != KeySellApp.AdminEmail)));
        Assert.SkipWhen(others > 0, "another admin exists in this fixture");

        var response = await admin.PutAsJsonAsync($"/api/users/{me!["id"]!.GetValue<string>()}", new { name = "Administrator", role = "seller", disabled = false }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}

public sealed class TeamEndpointsTests_Sqlite(SqliteApp app) : TeamEndpointsTests<SqliteApp>(app);
public sealed class TeamEndpointsTests_Postgres(PostgresApp app) : TeamEndpointsTests<PostgresApp>(app);
