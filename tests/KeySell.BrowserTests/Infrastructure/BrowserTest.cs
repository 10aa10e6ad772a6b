using Microsoft.Playwright;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// A test with its own browser context and page on the shared app. <see cref="ShotAsync"/> records
/// each major step as a numbered PNG; a failing test leaves a final <c>-FAILED.png</c> of what the
/// browser showed at that moment.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;
    private int _shots;

    protected BrowserFixture Fixture { get; } = fixture;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is opened in InitializeAsync.");

    protected virtual (int Width, int Height) Viewport => (1280, 900);

    public virtual async ValueTask InitializeAsync()
    {
        _context = await Fixture.NewContextAsync(Viewport.Width, Viewport.Height);
        _page = await _context.NewPageAsync();
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
    protected async Task SignInAsync(string returnPath = "/")
    {
        await Page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnPath)}");
        await SignInForm.FillAsync(KeySellServer.AdminEmail, KeySellServer.AdminPassword);
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
        }
        if (_context is not null) await _context.CloseAsync();
    }
}
