using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// The accounts list and the account page (org chart, people, opportunities), through the test ids
/// in /work/notes/ui-testids.md.
/// </summary>
public sealed partial class AccountPages(IPage page)
{
    public ILocator OrgChart => page.GetByTestId("org-chart");

    public ILocator PersonNode(string name) => OrgChart.GetByTestId("person-node").Filter(new() { HasText = name });

    /// <summary>Creates an account from the accounts list and opens its page.</summary>
    public async Task CreateAccountAsync(string name, string industry, string region)
    {
        await page.GetByTestId("nav-accounts").ClickAsync();
        await Expect(page).ToHaveURLAsync(AccountsList());
        await page.GetByTestId("account-new").ClickAsync();
        await page.GetByTestId("account-name").FillAsync(name);
        await page.GetByTestId("account-industry").FillAsync(industry);
        await page.GetByTestId("account-region").FillAsync(region);
        await page.GetByTestId("account-create").ClickAsync();

        // The dialog may open the new account directly or leave it in the list to click.
        var title = page.GetByTestId("account-title");
        var link = page.GetByTestId("account-link").Filter(new() { HasText = name });
        await Expect(title.Or(link)).ToBeVisibleAsync();
        if (!await title.IsVisibleAsync()) await link.ClickAsync();
        await Expect(title).ToHaveTextAsync(name);
        await Expect(page).ToHaveURLAsync(AccountPage());
    }

    /// <summary>Adds a person to the open account's org chart, optionally reporting to someone already there.</summary>
    public async Task AddPersonAsync(string name, string title, string? manager = null)
    {
        await page.GetByTestId("person-add").ClickAsync();
        await page.GetByTestId("person-name").FillAsync(name);
        await page.GetByTestId("person-title").FillAsync(title);
        if (manager is not null)
        {
            await page.GetByTestId("person-manager").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = manager }).ClickAsync();
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        }
        await page.GetByTestId("person-save").ClickAsync();
        await Expect(page.GetByTestId("person-save")).ToHaveCountAsync(0);
        await Expect(PersonNode(name)).ToBeVisibleAsync();
    }

    /// <summary>
    /// Whether the report's node sits in the manager's branch of the org-chart tree: inside the
    /// nearest tree item (or list item) that holds the manager's node, and not that node itself.
    /// </summary>
    public async Task<bool> IsUnderAsync(string report, string manager) =>
        await OrgChart.EvaluateAsync<bool>(
            """
            (chart, [report, manager]) => {
              const node = name => [...chart.querySelectorAll('[data-testid=person-node]')].find(n => n.innerText.includes(name));
              const reportNode = node(report), managerNode = node(manager);
              if (!reportNode || !managerNode) return false;
              const branch = managerNode.closest('[role=treeitem], li');
              return !!branch && branch !== reportNode.closest('[role=treeitem], li') && branch.contains(reportNode);
            }
            """,
            new[] { report, manager });

    /// <summary>Creates an opportunity on the open account; the app opens its strategy sheet.</summary>
    public async Task CreateOpportunityAsync(string name, string product, decimal amount, string currency)
    {
        await page.GetByTestId("opportunity-new").ClickAsync();
        await page.GetByTestId("opportunity-name").FillAsync(name);
        await page.GetByTestId("opportunity-product").FillAsync(product);
        await page.GetByTestId("opportunity-amount").FillAsync(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("opportunity-currency").FillAsync(currency);
        await page.GetByTestId("opportunity-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(OpportunityPage());
    }

    [GeneratedRegex(@"/accounts/?$")]
    private static partial Regex AccountsList();

    [GeneratedRegex(@"/accounts/[0-9a-fA-F-]{36}$")]
    private static partial Regex AccountPage();

    [GeneratedRegex(@"/opportunities/[0-9a-fA-F-]{36}$")]
    private static partial Regex OpportunityPage();
}
