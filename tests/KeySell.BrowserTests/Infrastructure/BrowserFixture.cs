using Microsoft.Playwright;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// One running app and one headless Chromium shared by every browser test; each test opens its own
/// browser context, so cookies (sign-in, language) never leak from one test to another.
/// </summary>
/// <remarks>
/// Chromium is Debian's <c>chromium</c> package (<c>/usr/bin/chromium</c>, or <c>KEYSELL_CHROMIUM</c>);
/// Playwright's own browser downloads are never used. Screenshots go to
/// <c>$KEYSELL_TEST_OUTPUT/screenshots</c>, or <c>TestResults/screenshots</c> beside the test binaries.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "KEYSELL_CHROMIUM";
    public const string OutputVariable = "KEYSELL_TEST_OUTPUT";

    // A 2-core CI machine builds and serves while Chromium renders; auto-waits need headroom, not sleeps.
    public const float Timeout = 30_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KeySellServer Server { get; } = new();

    public string ScreenshotDirectory { get; } = Path.Combine(
        Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } output ? output : Path.Combine(AppContext.BaseDirectory, "TestResults"),
        "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        // Screenshots of an earlier run would pass for this run's.
        foreach (var old in Directory.EnumerateFiles(ScreenshotDirectory).Where(f => f.EndsWith(".png") || f.EndsWith(".log"))) File.Delete(old);
        Assertions.SetDefaultExpectTimeout(Timeout);

        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}. Install Debian's chromium package or set {ChromiumVariable}.");

        // Start the app and the browser side by side: both take a few seconds on a small machine.
        var server = Task.Run(Server.Start);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        await server;
    }

    /// <summary>A fresh, signed-out browser context whose relative URLs go to the app.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            Locale = locale,
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
