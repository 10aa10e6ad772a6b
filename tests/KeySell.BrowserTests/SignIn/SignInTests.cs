using KeySell.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.SignIn;

public sealed class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task VisitWithoutSignIn_RedirectsToSignInPage_AndComesBackAfterSignIn()
    {
        await Page.GotoAsync("/accounts");

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?"));
        await Expect(SignInForm.Email).ToBeVisibleAsync();
        await Expect(SignInForm.Password).ToBeVisibleAsync();
        await ShotAsync("sign-in-page");

        await SignInForm.FillAsync(KeySellServer.AdminEmail, KeySellServer.AdminPassword);

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accounts$"));
        await Interactive.WaitAsync(Page);
        await ShotAsync("back-after-sign-in");
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        await Page.GotoAsync("/login");

        await SignInForm.FillAsync(KeySellServer.AdminEmail, "Not-The-Passw0rd!");

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?"));
        await Expect(SignInForm.Error).ToBeVisibleAsync();
        await Expect(SignInForm.Error).Not.ToBeEmptyAsync();
        await ShotAsync("wrong-password");

        // Still signed out: the app sends the browser back to the sign-in page.
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }
}
