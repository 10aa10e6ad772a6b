using System.Net;
using System.Net.Http.Json;
using KeySell.Web.Tests.Infrastructure;

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

    [Fact]
    public async Task Register_WithoutAdmin_IsRefused()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email = "intruder@example.com", password = "Intruder-Passw0rd!" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
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
