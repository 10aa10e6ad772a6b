using System.Net;
using System.Net.Http.Json;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Tests.Api;

public abstract class AuthEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    [Fact]
    public async Task Api_WithoutSignIn_Returns401Problem()
    {
        var response = await app.CreateClient().GetAsync("/api/accounts", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Status.ShouldBe(401);
        problem.Detail.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Login_WithAdminCredentials_ReturnsBearerTokenThatOpensTheApi()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.GetAsync("/api/accounts", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_WithWrongPassword_Returns401()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = KeySellApp.AdminEmail, password = "wrong-password" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/register/")]
    [InlineData("/api/auth/Register")]
    [InlineData("/api/auth/REGISTER")]
    [InlineData("/api/auth%2Fregister")]
    [InlineData("/api/auth%2fregister")]
    [InlineData("/api//auth/register")]
    [InlineData("/api/auth/register?useCookies=true")]
    [InlineData("/api/auth/confirmEmail")]
    [InlineData("/api/auth/resendConfirmationEmail")]
    [InlineData("/api/auth/forgotPassword")]
    [InlineData("/api/auth/resetPassword")]
    [InlineData("/api/auth/manage/2fa")]
    [InlineData("/api/auth/manage/info")]
    [InlineData("/register")]
    public async Task Register_AnySpellingEvenAsAdmin_IsNotARoute(string path)
    {
        var admin = await app.CreateAdminClientAsync();
        var body = new { email = "intruder@example.com", password = "Intruder-Passw0rd!" };

        var anonymous = await app.CreateClient().PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var asAdmin = await admin.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var get = await admin.GetAsync(path, TestContext.Current.CancellationToken);

        foreach (var response in new[] { anonymous, asAdmin, get })
            ((int)response.StatusCode).ShouldBeOneOf(404, 405);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "intruder@example.com", TestContext.Current.CancellationToken))).ShouldBeFalse();
    }

    [Fact]
    public async Task OpenApiDocument_WithoutSignIn_IsRefused_AndServedAfterSignIn()
    {
        var anonymous = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var signedIn = await (await app.CreateAdminClientAsync()).GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        anonymous.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        ((int)anonymous.StatusCode).ShouldBeOneOf(302, 401);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await signedIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("/api/auth/login");
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/login")]
    public async Task PublicEndpoints_WithoutSignIn_AreServed(string path)
    {
        var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Page_WithoutSignIn_RedirectsToSignIn()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/accounts", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }
}

public sealed class AuthEndpointsTests_Sqlite(SqliteApp app) : AuthEndpointsTests<SqliteApp>(app);
public sealed class AuthEndpointsTests_Postgres(PostgresApp app) : AuthEndpointsTests<PostgresApp>(app);
