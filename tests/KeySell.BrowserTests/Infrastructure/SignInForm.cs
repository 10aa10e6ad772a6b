using Microsoft.Playwright;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>The sign-in page (<c>/login</c>), through the test ids in /work/notes/ui-testids.md.</summary>
public sealed class SignInForm(IPage page)
{
    public ILocator Email => page.GetByTestId("signin-email");
    public ILocator Password => page.GetByTestId("signin-password");
    public ILocator Submit => page.GetByTestId("signin-submit");
    public ILocator Error => page.GetByTestId("signin-error");

    public async Task FillAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }
}
