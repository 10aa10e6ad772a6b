using System.Text.RegularExpressions;
using KeySell.Application.Identity;
using KeySell.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.SignIn;

/// <summary>My account (forced password change) and the admin's security log, in the browser.</summary>
public sealed class AccountTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task MustChangePassword_SignIn_KeptOnAccountPageUntilChanged()
    {
        var email = $"new-{Guid.NewGuid():N}@keysell.test";
        await using (var scope = Fixture.Server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, MustChangePassword = true }, "Temporary-Passw0rd!")).Succeeded.ShouldBeTrue();
        }

        await Page.GotoAsync("/login?returnUrl=%2Faccounts");
        await SignInForm.FillAsync(email, "Temporary-Passw0rd!");
        await Expect(Page).ToHaveURLAsync(new Regex("/account$"));
        await Expect(Page.GetByTestId("account-forced")).ToBeVisibleAsync();
        await Page.GotoAsync("/accounts");
        await Expect(Page).ToHaveURLAsync(new Regex("/account$"));
        await ShotAsync("forced");

        await Page.GetByTestId("account-current").FillAsync("Temporary-Passw0rd!");
        await Page.GetByTestId("account-new").FillAsync("Own-Chosen-Passw0rd!");
        await Page.GetByTestId("account-confirm").FillAsync("Own-Chosen-Passw0rd!");
        await Page.GetByTestId("account-change-password").ClickAsync();

        await Expect(Page.GetByTestId("account-done")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("account-forced")).ToHaveCountAsync(0);
        await Interactive.GotoAsync(Page, "/accounts");
        await Expect(Page).ToHaveURLAsync(new Regex("/accounts$"));
        await ShotAsync("changed");
    }

    [Fact]
    public async Task SecurityLog_Admin_SeesTheirSignIn()
    {
        await SignInAsync("/admin/security-log");

        await Expect(Page.GetByTestId("security-log")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("security-event-kind").Filter(new() { HasText = "sign-in" }).First).ToBeVisibleAsync();
        await ShotAsync("security-log");
    }
}
