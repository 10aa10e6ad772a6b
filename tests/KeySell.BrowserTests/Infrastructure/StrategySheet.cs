using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// The strategy sheet page (<c>/opportunities/{id}</c>) through the test ids its owner published in
/// /work/notes/sheet-testids.md. Every edit saves by itself; a step is done when the new value is on
/// screen and the page's save indicator says "saved" again.
/// </summary>
public sealed class StrategySheet(IPage page)
{
    public ILocator Root => page.GetByTestId("strategy-sheet");
    public ILocator SaveState => page.GetByTestId("save-state");
    public ILocator Grid => page.GetByTestId("influence-grid");
    public ILocator Rows => page.GetByTestId("influence-row");

    public ILocator Row(string person) => page.Locator(RowSelector(person));

    private static string RowSelector(string person) => $"[data-testid=influence-row][data-person=\"{person}\"]";

    /// <summary>Waits until the sheet has loaded its opportunity and the circuit is live.</summary>
    public async Task WaitLoadedAsync()
    {
        await Interactive.WaitAsync(page);
        await Expect(SaveState).ToBeVisibleAsync();
    }

    /// <summary>Adds someone already in the account's org chart, picked by typing part of the name.</summary>
    public async Task AddExistingPersonAsync(string name)
    {
        await page.GetByTestId("influence-add").ClickAsync();
        var search = page.GetByTestId("influence-person");
        var typed = name[..Math.Min(3, name.Length)];
        // The picker searches on focus (everyone) and again after typing. On a loaded machine the answer to the first
        // search can land after the typing and overtake it, so wait for that first list before typing.
        await search.ClickAsync();
        await Expect(page.Locator(".mud-popover-open [data-testid=influence-person-option]").First).ToBeVisibleAsync();
        await search.FillAsync(typed);
        // Pick from the list found for what was typed: picking from the list shown on focus would leave that search
        // pending, and its late answer would open the list again over the buttons.
        await page.Locator($".mud-popover-open [data-testid=influence-person-option][data-for='{typed}']", new() { HasText = name }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open [data-testid=influence-person-option]")).ToHaveCountAsync(0);
        // The server took the pick once it shows the name and locks the new-person fields.
        await Expect(search).ToHaveValueAsync(name);
        await Expect(page.GetByTestId("influence-new-name")).ToBeDisabledAsync();
        await page.GetByTestId("influence-add-confirm").ClickAsync();
        await Expect(Row(name)).ToBeVisibleAsync();
        await WaitSavedAsync();
    }

    /// <summary>Adds a person who is not in the org chart yet; the sheet creates them in the account.</summary>
    public async Task AddNewPersonAsync(string name, string title)
    {
        await page.GetByTestId("influence-add").ClickAsync();
        await page.GetByTestId("influence-new-name").FillAsync(name);
        await page.GetByTestId("influence-new-title").FillAsync(title);
        await page.GetByTestId("influence-add-confirm").ClickAsync();
        await Expect(Row(name)).ToBeVisibleAsync();
        await WaitSavedAsync();
    }

    /// <summary>Toggles one buying role: C coach, U user buyer, T technical buyer, E economic buyer.</summary>
    public async Task ToggleRoleAsync(string person, char role)
    {
        var id = role switch { 'C' => "coach", 'U' => "user", 'T' => "technical", 'E' => "economic", _ => throw new ArgumentOutOfRangeException(nameof(role)) };
        var button = Row(person).GetByTestId($"role-{id}");
        var pressed = await button.GetAttributeAsync("aria-pressed") == "true";
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-pressed", pressed ? "false" : "true");
        await WaitSavedAsync();
    }

    public async Task SetSupportAsync(string person, int support)
    {
        var row = Row(person);
        await row.GetByTestId("support").ClickAsync();
        var input = row.GetByTestId("support-input");
        await input.FillAsync(support.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await input.PressAsync("Enter");
        await Expect(row.GetByTestId("support")).ToHaveAttributeAsync("data-value", support.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WaitSavedAsync();
    }

    /// <summary>Picks an option of one of the row's drop-downs (influence-level, contact, mode, counterpart) by its text.</summary>
    public async Task PickAsync(string person, string select, string option)
    {
        var wrapper = Row(person).GetByTestId(select);
        await wrapper.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await ExpectShowsAsync(person, select, option);
        await WaitSavedAsync();
    }

    /// <summary>Waits until one of the row's drop-downs shows the option, as text or as its input's value.</summary>
    /// <remarks>Queried afresh on every poll: a save may re-render the row and replace its elements.</remarks>
    public async Task ExpectShowsAsync(string person, string select, string option) =>
        await page.WaitForFunctionAsync(
            """
            ([selector, option]) => {
              const wrapper = document.querySelector(selector);
              return !!wrapper && (wrapper.innerText.includes(option) || [...wrapper.querySelectorAll('input')].some(i => i.value.includes(option)));
            }
            """,
            new object[] { $"{RowSelector(person)} [data-testid={select}]", option },
            new() { Timeout = BrowserFixture.Timeout });

    /// <summary>Opens the row under a person that holds their wins and results (closed by default, so the grid fits the screen).</summary>
    public async Task OpenWinResultsAsync(string person)
    {
        var toggle = Row(person).GetByTestId("winresults-toggle");
        if (await toggle.GetAttributeAsync("aria-expanded") != "true") await toggle.ClickAsync();
        await Expect(Row(person).GetByTestId("winresults-row")).ToBeVisibleAsync();
    }

    public async Task WaitSavedAsync() => await Expect(SaveState).ToHaveAttributeAsync("data-state", "saved");
}
