using System.Net.Http.Headers;
using System.Net.Http.Json;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Web.Tests.Infrastructure;

/// <summary>
/// The whole web app in memory on a real, empty database of one provider. API test classes are
/// written once as <c>XxxTests&lt;TApp&gt; : IClassFixture&lt;TApp&gt; where TApp : KeySellApp</c>
/// and run twice, through a concrete <c>XxxTests_Sqlite</c> and <c>XxxTests_Postgres</c>.
/// </summary>
public abstract class KeySellApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@keysell.test";
    public const string AdminPassword = "Test-Admin-Passw0rd!";

    private string? _adminToken;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Settings for this fixture's database; applied before the app reads its configuration.</summary>
    protected abstract IEnumerable<KeyValuePair<string, string>> DatabaseSettings();

    /// <summary>Further settings a fixture needs (a certificate, limits); none by default, so the defaults are what is tested.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> AppSettings() => [];

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("KeySell:SeedDemoData", "false");
        builder.UseSetting("KeySell:Admin:Email", AdminEmail);
        builder.UseSetting("KeySell:Admin:Password", AdminPassword);
        foreach (var (key, value) in DatabaseSettings().Concat(AppSettings())) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
    }

    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>A client that the app sees as coming from <paramref name="ip"/> (TestServer has no socket, so no address of its own).</summary>
    public HttpClient CreateClientFrom(string ip, bool https = false)
    {
        // No cookie jar and no redirects: the tests send and read cookies and redirects themselves.
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            // Not localhost: HSTS is never sent to localhost.
            BaseAddress = https ? new Uri("https://keysell.example/") : new Uri("http://localhost/"),
        });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, ip);
        return client;
    }

    /// <summary>Stands in for the socket's remote address, before any of the app's middleware runs.</summary>
    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers[ClientAddressHeader] is [{ } ip]) http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(ip);
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    /// <summary>Creates a user straight in the store (user administration is not this suite's subject).</summary>
    public async Task<AppUser> CreateUserAsync(string email, string password, bool mustChangePassword = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, MustChangePassword = mustChangePassword };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>A client signed in as the admin with a bearer token from <c>POST /api/auth/login</c>.</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = CreateClient();
        _adminToken ??= await SignInAsync(client, AdminEmail, AdminPassword);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    public static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    /// <summary>Direct database access for arranging a test or checking what was stored.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> use)
    {
        await using var scope = Services.CreateOperatorScope();
        return await use(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> use) => WithDbAsync(async db => { await use(db); return true; });

    private sealed record TokenResponse(string AccessToken);
}

public class SqliteApp : KeySellApp
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "keysell-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IEnumerable<KeyValuePair<string, string>> DatabaseSettings() =>
        [new("KeySell:Database:Provider", "sqlite"), new("KeySell:DataDirectory", _directory)];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

public class PostgresApp : KeySellApp
{
    private string? _connectionString;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async ValueTask InitializeAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync("keysell_api");

    protected override IEnumerable<KeyValuePair<string, string>> DatabaseSettings() =>
        [new("KeySell:Database:Provider", "postgres"), new("ConnectionStrings:KeySell", _connectionString ?? throw new InvalidOperationException("Not initialized."))];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is not null) await PostgresServer.DropDatabaseAsync(_connectionString);
    }
}
