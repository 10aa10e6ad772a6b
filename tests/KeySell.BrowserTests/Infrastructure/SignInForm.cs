using Microsoft.Playwright;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>The sign-in page: found by its field names, which the restyled page keeps.</summary>
public sealed class SignInForm(IPage page)
{
    public ILocator Email => page.Locator("input[name=email]");
    public ILocator Password => page.Locator("input[name=password]");
    public ILocator Submit => page.Locator("form:has(input[name=password]) [type=submit]");

    /// <summary>The message after a failed sign-in: its test id, or any alert on the page.</summary>
    public ILocator Error => page.GetByTestId("sign-in-error").Or(page.GetByRole(AriaRole.Alert));

    public async Task FillAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }
}
