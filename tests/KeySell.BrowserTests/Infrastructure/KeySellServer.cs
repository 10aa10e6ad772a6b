using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// The real web app on Kestrel, listening on a free loopback port, with an empty SQLite database in a
/// temporary data directory and one admin account. A browser needs a real socket, so the in-memory
/// TestServer that the API tests use will not do.
/// </summary>
/// <param name="seedDemo">Seed the bilingual demo (its own server, since the demo goes only into an empty database).</param>
public sealed class KeySellServer(bool seedDemo = false) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@keysell.test";
    public const string AdminPassword = "Browser-Admin-Passw0rd!";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "keysell-browser-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("KeySell:DataDirectory", _dataDirectory);
        builder.UseSetting("KeySell:Database:Provider", "sqlite");
        builder.UseSetting("KeySell:SeedDemoData", seedDemo ? "true" : "false");
        builder.UseSetting("KeySell:Admin:Email", AdminEmail);
        builder.UseSetting("KeySell:Admin:Password", AdminPassword);
        // Outside Development the host does not read the build's static web asset manifest by itself;
        // without it MudBlazor's CSS and JS (served from the NuGet cache at build time) would 404.
        builder.UseStaticWebAssets();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
