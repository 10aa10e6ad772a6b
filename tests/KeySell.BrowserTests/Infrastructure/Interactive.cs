using Microsoft.Playwright;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// Pages are prerendered, so inputs and buttons are visible before the Blazor circuit is live; a
/// click in that window is lost. Wait for the interactive renderer before touching anything.
/// </summary>
public static class Interactive
{
    // The prerendered page carries only <!--bl-root--> markers; the interactive renderer writes its own
    // empty <!--!--> markers once the circuit has attached the components and their event handlers.
    private const string RendererAttached = """
        () => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data === '!') return true;
          return false;
        }
        """;

    public static async Task WaitAsync(IPage page) =>
        await page.WaitForFunctionAsync(RendererAttached, null, new() { Timeout = BrowserFixture.Timeout });

    /// <summary>Loads a page of the app and waits until it is interactive.</summary>
    public static async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitAsync(page);
    }

    /// <summary>Reloads the page and waits until the new circuit is interactive.</summary>
    public static async Task ReloadAsync(IPage page)
    {
        await page.ReloadAsync();
        await WaitAsync(page);
    }
}
