using System.Text.RegularExpressions;
using KeySell.Application.Data;
using KeySell.Application.RecycleBin;
using KeySell.Application.Teams;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.Accounts;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Admin;

/// <summary>The admin's users, teams and recycle bin, and that nobody else reaches them.</summary>
public sealed partial class AdminTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Admin_CreatesUserAndTeam_NewUserSignsInWithTheTemporaryPassword()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"mei-{suffix}@keysell.test";
        var name = $"Mei Lin {suffix}";
        var team = $"East China {suffix}";

        await SignInAsync("/");
        await Expect(Page.GetByTestId("nav-admin")).ToBeVisibleAsync();
        await Page.GetByTestId("nav-admin-users").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/users$"));
        await Expect(Page.GetByTestId("user-row").Filter(new() { HasText = KeySellServer.AdminEmail })).ToBeVisibleAsync();
        await ShotAsync("users");

        // A manager, so the team page may mark them manager; no password: the server generates one.
        await Page.GetByTestId("user-new").ClickAsync();
        await Input(Page.GetByTestId("user-email")).FillAsync(email);
        await Input(Page.GetByTestId("user-name-input")).FillAsync(name);
        await Page.GetByTestId("user-role").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Manager" }).ClickAsync();
        await ShotAsync("new-user");
        await Page.GetByTestId("user-create").ClickAsync();

        var shown = Page.GetByTestId("user-temp-password");
        await Expect(shown).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-temp-note")).ToContainTextAsync("will not be shown again");
        var temporary = (await shown.InnerTextAsync()).Trim();
        temporary.Length.ShouldBeGreaterThanOrEqualTo(16);
        await ShotAsync("temporary-password");

        await Page.GetByTestId("user-done").ClickAsync();
        var row = Page.Locator($"tr:has([data-testid=user-row][data-email='{email}'])");
        await Expect(row).ToBeVisibleAsync();
        // Shown once: once the dialog is closed the password is nowhere on the page.
        await Expect(Page.GetByText(temporary)).ToHaveCountAsync(0);

        // Disabled and enabled again, each after a confirmation; then renamed.
        await row.GetByTestId("user-disable").ClickAsync();
        await Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(row.GetByTestId("user-status")).ToHaveAttributeAsync("data-disabled", "true");
        await ShotAsync("disabled");
        await row.GetByTestId("user-enable").ClickAsync();
        await Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(row.GetByTestId("user-status")).ToHaveAttributeAsync("data-disabled", "false");
        name = $"Lin Mei {suffix}";
        await row.GetByTestId("user-rename").ClickAsync();
        await Input(Page.GetByTestId("user-rename-name")).FillAsync(name);
        await Page.GetByTestId("user-rename-save").ClickAsync();
        await Expect(row.GetByTestId("user-row-name")).ToHaveTextAsync(name);

        await Page.GetByTestId("nav-admin-teams").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/teams$"));
        await Page.GetByTestId("team-new").ClickAsync();
        await Input(Page.GetByTestId("team-name")).FillAsync(team);
        await Page.GetByTestId("team-create").ClickAsync();
        var card = Page.Locator($"[data-testid=team-card][data-team='{team}']");
        await Expect(card).ToBeVisibleAsync();

        await Input(card.GetByTestId("team-member-add")).FillAsync(suffix);
        await Page.GetByTestId("team-member-option").Filter(new() { HasText = name }).ClickAsync();
        var member = card.Locator($"[data-testid=team-member][data-user='{name}']");
        await Expect(member).ToBeVisibleAsync();
        await Input(member.GetByTestId("team-member-manager")).CheckAsync();
        await Expect(Input(member.GetByTestId("team-member-manager"))).ToBeCheckedAsync();
        await ShotAsync("team");

        await using (var scope = Fixture.Server.Services.CreateOperatorScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Name == team, TestContext.Current.CancellationToken);
            stored.Members.ShouldHaveSingleItem().Manager.ShouldBeTrue();
        }

        // The same pages in Chinese.
        await SwitchLanguageAsync("zh", "zh-CN");
        await Expect(card.GetByText("团队经理")).ToBeVisibleAsync();
        await ShotAsync("team-zh");
        await Page.GetByTestId("nav-admin-users").ClickAsync();
        await Expect(row).ToBeVisibleAsync();
        // The role select shows its value in an input or beside it, depending on MudBlazor's version.
        var shownRole = await row.EvaluateAsync<string>("r => r.innerText + ' ' + [...r.querySelectorAll('input')].map(i => i.value).join(' ')");
        shownRole.ShouldContain("经理");
        await ShotAsync("users-zh");

        // The new user, in a browser of their own, signs in with the temporary password.
        await using var theirs = await Fixture.NewContextAsync();
        var page = await theirs.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2F");
        await new SignInForm(page).FillAsync(email, temporary);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        if (new Uri(page.Url).AbsolutePath == "/account")
        {
            // Where the forced password change exists, the temporary password opens nothing else until it is replaced.
            await Expect(page.GetByTestId("account-forced")).ToBeVisibleAsync();
            await page.GetByTestId("account-current").FillAsync(temporary);
            await page.GetByTestId("account-new").FillAsync("Mei-Own-Passw0rd!");
            await page.GetByTestId("account-confirm").FillAsync("Mei-Own-Passw0rd!");
            await page.GetByTestId("account-change-password").ClickAsync();
            await Expect(page.GetByTestId("account-done")).ToBeVisibleAsync();
            await page.GotoAsync("/");
        }
        await Interactive.WaitAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("My opportunities");
        await Expect(page.GetByTestId("user-name")).ToContainTextAsync(email);
        // A manager is no admin.
        await Expect(page.GetByTestId("nav-admin")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Seller_SeesNoAdminMenu_AndIsNotAllowedOnAdminPages()
    {
        var email = $"seller-{Guid.NewGuid():N}@keysell.test";
        const string password = "Seller-Passw0rd!";
        await using (var scope = Fixture.Server.Services.CreateOperatorScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>()
                .Handle(new CreateUser.Command(email, "Wang Fang", "seller", password), TestContext.Current.CancellationToken);
            created.Succeeded.ShouldBeTrue(created.Error?.Message);
        }

        await Page.GotoAsync("/login?returnUrl=%2F");
        await SignInForm.FillAsync(email, password);
        await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        await Interactive.WaitAsync(Page);
        await Expect(Page.GetByTestId("nav-accounts")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("nav-admin")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("nav-admin-users")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/admin/users", "/admin/teams", "/admin/recycle-bin" })
        {
            var response = await Page.GotoAsync(path);
            response.ShouldNotBeNull().Status.ShouldBeLessThan(400);
            await Expect(Page.GetByTestId("not-allowed")).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("users-table")).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("team-new")).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("recycle-bin-table")).ToHaveCountAsync(0);
        }
        await Interactive.WaitAsync(Page);
        await ShotAsync("not-allowed");
        await SwitchLanguageAsync("zh", "zh-CN");
        await Expect(Page.GetByTestId("not-allowed")).ToContainTextAsync("无权访问");
        await ShotAsync("not-allowed-zh");
    }

    [Fact]
    public async Task RecycleBin_RestoringADealOfADeletedAccount_AsksForTheAccountFirst()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var accountName = $"Baosteel {suffix}";
        var dealName = $"Coil line {suffix}";
        await using (var scope = Fixture.Server.Services.CreateOperatorScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = new Account { Name = accountName, Industry = "Steel", Region = "Shanghai" };
            var deal = new Opportunity { Account = account, Name = dealName, Objective = new SalesObjective { Product = "Inspection", Quantity = 1, Amount = 800_000m, Currency = "CNY" } };
            db.AddRange(account, deal);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.MoveToRecycleBin(deal);
            db.MoveToRecycleBin(account);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await SignInAsync("/");
        await Page.GetByTestId("nav-admin-recycle-bin").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/recycle-bin$"));
        var dealRow = Page.Locator($"tr:has([data-testid=bin-row][data-name='{dealName}'])");
        var accountRow = Page.Locator($"tr:has([data-testid=bin-row][data-name='{accountName}'])");
        await Expect(dealRow).ToContainTextAsync(accountName);
        await Expect(dealRow).ToContainTextAsync("Opportunity");
        await ShotAsync("recycle-bin");
        await SwitchLanguageAsync("zh", "zh-CN");
        await Expect(dealRow).ToContainTextAsync("机会");
        await ShotAsync("recycle-bin-zh");
        await SwitchLanguageAsync("en", "en");

        await dealRow.GetByTestId("bin-restore").ClickAsync();
        await Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(Page.GetByTestId("page-error")).ToContainTextAsync(accountName);
        await Expect(dealRow).ToBeVisibleAsync();
        await ShotAsync("account-first");

        await accountRow.GetByTestId("bin-restore").ClickAsync();
        await Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(Page.GetByTestId("restored-link")).ToBeVisibleAsync();
        await Expect(accountRow).ToHaveCountAsync(0);
        await dealRow.GetByTestId("bin-restore").ClickAsync();
        await Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(dealRow).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("recycle-bin-empty")).ToBeVisibleAsync();
        await ShotAsync("restored");

        await Page.Locator("span", new() { HasText = $"Restored: {dealName}" }).GetByTestId("restored-link").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/opportunities/[0-9a-f-]{36}$"));
    }

    private async Task SwitchLanguageAsync(string link, string htmlLang)
    {
        await Page.GetByTestId($"lang-{link}").ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", htmlLang);
        await Interactive.WaitAsync(Page);
    }

    /// <summary>The input a MudBlazor field's test id names: MudBlazor puts the attribute on the input itself or on its wrapper.</summary>
    private static ILocator Input(ILocator field) => field.Locator("xpath=self::input | descendant::input").First;
}
