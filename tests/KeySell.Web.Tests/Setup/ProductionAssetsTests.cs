using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace KeySell.Web.Tests.Setup;

/// <summary>
/// The app as an operator runs it: the build output (this test's own bin folder holds KeySell.Web.dll
/// and its manifests) started with <c>dotnet KeySell.Web.dll</c> in Production. Every stylesheet and
/// script the sign-in page links must come with its bytes (they once all came as 200 with 0 bytes).
/// </summary>
public sealed partial class ProductionAssetsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BuildOutput_RunInProduction_ServesEveryLinkedCssAndJsWithItsBytes()
    {
        var data = Directory.CreateTempSubdirectory("keysell-production-").FullName;
        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo("dotnet", "KeySell.Web.dll")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["KeySell__DataDirectory"] = data,
                ["KeySell__Database__Provider"] = "sqlite",
                ["ConnectionStrings__KeySell"] = "",
                ["KeySell__SeedDemoData"] = "false",
            },
        })!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitUntilUpAsync(client, server);

            var page = await client.GetStringAsync("login", Ct);
            var assets = AssetLink().Matches(page).Select(m => m.Groups["path"].Value).Distinct().ToList();

            assets.ShouldContain(a => a.EndsWith(".css", StringComparison.Ordinal));
            assets.ShouldContain(a => a.EndsWith(".js", StringComparison.Ordinal));
            foreach (var asset in assets)
            {
                using var response = await client.GetAsync(asset.TrimStart('/'), Ct);
                var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
                bytes.Length.ShouldBeGreaterThan(100, asset);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    [GeneratedRegex("""(?:href|src)="(?<path>[^"?#]+\.(?:css|js))["?#]""")]
    private static partial Regex AssetLink();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Start-up migrates a new database first; a minute is far more than it needs on a loaded machine.</summary>
    private static async Task WaitUntilUpAsync(HttpClient client, Process server)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (server.HasExited) throw new InvalidOperationException($"The server stopped with exit code {server.ExitCode}.");
            try
            {
                if ((await client.GetAsync("health", Ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException("The server did not answer /health within a minute.");
    }
}
