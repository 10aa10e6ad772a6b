using Microsoft.Playwright;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// A test with its own browser context and page on the shared app. <see cref="ShotAsync"/> records
/// each major step as a numbered PNG; a failing test leaves a final <c>-FAILED.png</c> of what the
/// browser showed at that moment, and a <c>-FAILED.log</c> of the browser's errors.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;
    private int _shots;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _browserLog = new();

    protected BrowserFixture Fixture { get; } = fixture;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is opened in InitializeAsync.");

    protected virtual (int Width, int Height) Viewport => (1280, 900);

    public virtual async ValueTask InitializeAsync()
    {
        _context = await Fixture.NewContextAsync(Viewport.Width, Viewport.Height);
        _page = await _context.NewPageAsync();
        // Kept for the report of a failed test: Blazor logs circuit errors to the browser console.
        _page.Console += (_, message) => { if (message.Type is "error" or "warning") _browserLog.Enqueue($"console {message.Type}: {message.Text}"); };
        _page.PageError += (_, error) => _browserLog.Enqueue($"page error: {error}");
        _page.Response += (_, response) => { if (response.Status >= 400) _browserLog.Enqueue($"HTTP {response.Status} {response.Url}"); };
    }

    /// <summary>Saves a full-page screenshot named after the test and the step, in step order.</summary>
    protected async Task ShotAsync(string step)
    {
        _shots++;
        await Page.ScreenshotAsync(new() { Path = ShotPath($"{_shots:00}-{step}"), FullPage = true });
    }

    private string ShotPath(string step)
    {
        var test = TestContext.Current.Test;
        var name = test is null ? GetType().Name : $"{GetType().Name}.{test.TestCase.TestMethod?.MethodName}";
        return Path.Combine(Fixture.ScreenshotDirectory, $"{name}-{step}.png");
    }

    /// <summary>Signs in through the sign-in form and waits until the interactive app is live.</summary>
    protected Task SignInAsync(string returnPath = "/") => SignInAsync(KeySellServer.AdminEmail, KeySellServer.AdminPassword, returnPath);

    /// <summary>Signs in as a user the test created, e.g. a viewer or a seller of one team.</summary>
    protected async Task SignInAsync(string email, string password, string returnPath = "/")
    {
        await Page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnPath)}");
        await SignInForm.FillAsync(email, password);
        await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        await Interactive.WaitAsync(Page);
    }

    protected SignInForm SignInForm => new(Page);

    public virtual async ValueTask DisposeAsync()
    {
        if (_page is not null && TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            try { await _page.ScreenshotAsync(new() { Path = ShotPath("FAILED"), FullPage = true }); }
            catch (PlaywrightException) { }
            await File.WriteAllLinesAsync(Path.ChangeExtension(ShotPath("FAILED"), ".log"), [$"url: {_page.Url}", .. _browserLog]);
        }
        if (_context is not null) await _context.CloseAsync();
    }
}
