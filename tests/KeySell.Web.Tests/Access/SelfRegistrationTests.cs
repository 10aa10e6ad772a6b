using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Access;

/// <summary>
/// Contract 1: "No self-registration: no route creates a user except POST /users (admin). Every
/// spelling of a removed route (/api/auth/register, /register/, /Register, %2F…) answers 404 or 405."
/// The matrix leaves /api/auth out (it holds no records), so these spellings are checked here.
/// </summary>
public abstract class SelfRegistrationTests<TApp>(TApp app) where TApp : KeySellApp
{
    public static TheoryData<string> Spellings =>
    [
        "/api/auth/register",
        "/api/auth/register/",
        "/api/auth/Register",
        "/api/auth/REGISTER/",
        "/api/auth//register",
        "/api/auth%2Fregister",
        "/api/auth/register?x=1",
    ];

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Register_AnySpellingAsAnonymous_Answers404Or405AndCreatesNoUser(string path)
    {
        var email = $"self.{Guid.NewGuid():N}@keysell.test";

        var response = await app.CreateClient().PostAsJsonAsync(path, new { email, password = AccessWorld.Password }, Ct);

        ((int)response.StatusCode).ShouldBeOneOf([404, 405], await response.Content.ReadAsStringAsync(Ct));
        await ShouldNotExistAsync(email);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Register_AnySpellingAsAdmin_Answers404Or405AndCreatesNoUser(string path)
    {
        var email = $"admin.made.{Guid.NewGuid():N}@keysell.test";

        var response = await (await app.CreateAdminClientAsync()).PostAsJsonAsync(path, new { email, password = AccessWorld.Password }, Ct);

        ((int)response.StatusCode).ShouldBeOneOf([404, 405], await response.Content.ReadAsStringAsync(Ct));
        await ShouldNotExistAsync(email);
    }

    // Looked up in the database, not by signing in: failed sign-ins count towards the rate limit.
    private async Task ShouldNotExistAsync(string email) =>
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email, Ct))).ShouldBeFalse("a registration route created a user");
}

[Collection(AccessOnSqlite.Name)]
public sealed class SelfRegistrationTests_Sqlite(AccessSqliteApp app) : SelfRegistrationTests<AccessSqliteApp>(app);

[Collection(AccessOnPostgres.Name)]
public sealed class SelfRegistrationTests_Postgres(AccessPostgresApp app) : SelfRegistrationTests<AccessPostgresApp>(app);
