using Microsoft.Playwright;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// An HTML5 drag and drop as a user does it, until it lands. Chromium sometimes drops the synthetic drag of a busy page
/// (the drop zone's dragover handler not yet answered), so a drag whose result does not show within a few seconds is
/// made again — as a user would drag again. The result must be something a second drag cannot double.
/// </summary>
public static class DragAndDrop
{
    public static async Task DragUntilAsync(ILocator source, ILocator target, ILocator landed, int attempts = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            await source.DragToAsync(target);
            try
            {
                await Assertions.Expect(landed).ToBeVisibleAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < attempts)
            {
                // Not landed yet: drag again.
            }
        }
    }
}
