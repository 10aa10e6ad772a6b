using System.Diagnostics;
using System.Text.RegularExpressions;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Sheets;

/// <summary>The strategy sheet as one page (issue 11): it fits a laptop screen, its flags point at the cell, it prints on one page.</summary>
public sealed class OnePageSheetTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected override (int Width, int Height) Viewport => (1366, 768);

    private static readonly DateOnly Met = new(2026, 11, 29);

    /// <summary>Eight people, one of them an opponent (support −4) and one nobody has met (contact none).</summary>
    private async Task<Guid> EightPersonDealAsync(string suffix) =>
        await Fixture.Server.CreateDealAsync($"One Page Steel {suffix}", $"One page {suffix}: coil inspection",
            new("Chen Jing", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth) { Since = Met, LastContact = Met },
            new("Liu Yang", "Quality Engineer", BuyingRoles.Coach | BuyingRoles.User, InfluenceLevel.Medium, 4, ResponseMode.Trouble) { Since = Met, LastContact = Met },
            new("Sun Hao", "IT Architect", BuyingRoles.Technical, InfluenceLevel.Low, -1, ResponseMode.EvenKeel) { Since = Met, LastContact = Met },
            new("Zhao Qing 赵晴", "Head of Procurement and Supplier Development, East China Region", BuyingRoles.Technical, InfluenceLevel.Medium, -4, ResponseMode.Overconfident) { Since = Met, LastContact = Met },
            new("Wang Wei", "Plant Manager", BuyingRoles.User, InfluenceLevel.High, 1, ResponseMode.Growth) { Contact = ContactLevel.None, Since = Met },
            new("Li Na", "Maintenance Lead", BuyingRoles.User, InfluenceLevel.Low, 0, ResponseMode.Unknown) { Contact = ContactLevel.Frequent, LastContact = Met },
            new("Xu Ming", "Production Planner", BuyingRoles.None, InfluenceLevel.Unknown, null, ResponseMode.Unknown) { Contact = ContactLevel.Unknown },
            new("Gao Fei", "Safety Officer", BuyingRoles.User, InfluenceLevel.Medium, 3, ResponseMode.EvenKeel) { LastContact = Met });

    [Fact]
    public async Task StrategySheet_LaptopAndDesktopScreens_ShowObjectiveFivePeopleAndFlagSummaryWithoutSidewaysScrolling()
    {
        var opportunity = await EightPersonDealAsync("fit");
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        await Expect(sheet.Rows).ToHaveCountAsync(8);

        await ExpectFitsAsync(sheet, 1366, 768);
        await ShotAsync("sheet-1366x768");

        await Page.SetViewportSizeAsync(1920, 1080);
        await ExpectFitsAsync(sheet, 1920, 1080);
        await ShotAsync("sheet-1920x1080");
    }

    [Fact]
    public async Task StrategySheet_ChineseAt1366_FitsAndShowsTheCoursesRoleWords()
    {
        var opportunity = await EightPersonDealAsync("zh");
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        await Page.GetByTestId("lang-zh").ClickAsync();
        await Expect(Page.GetByTestId("nav-accounts")).ToContainTextAsync("客户");
        await sheet.WaitLoadedAsync();

        await Expect(sheet.Row("Liu Yang").GetByTestId("role-user")).ToHaveTextAsync("用户");
        await Expect(sheet.Row("Liu Yang").GetByTestId("role-user")).ToHaveAttributeAsync("aria-label", "用户");
        await Expect(Page.GetByTestId("title-level")).ToContainTextAsync("漏斗");
        var widths = await Page.Locator(".kss-grid-wrap").First.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the Chinese grid scrolls sideways at 1366x768");
        await ExpectInViewAsync(sheet.Rows.Nth(4).Locator("tr.kss-influence-main"), 1366, 768, "person 5");
        await ShotAsync("sheet-zh-1366x768");
    }

    private async Task ExpectFitsAsync(StrategySheet sheet, int width, int height)
    {
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var wrap = Page.Locator(".kss-grid-wrap").First;
        var widths = await wrap.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"the grid scrolls sideways at {width}x{height}");
        (await Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);

        // The title names the deal, its account and its funnel level; the save state is not the first line.
        await Expect(Page.GetByTestId("sheet-title")).ToContainTextAsync("One page fit");
        await Expect(Page.GetByTestId("sheet-subtitle")).ToContainTextAsync("One Page Steel fit");
        await Expect(Page.GetByTestId("title-level")).ToContainTextAsync("Funnel level");

        await ExpectInViewAsync(Page.GetByTestId("objective"), width, height, "the objective");
        await ExpectInViewAsync(Page.GetByTestId("flag-summary"), width, height, "the red-flag summary");
        for (var i = 0; i < 5; i++)
        {
            // The row's last cell is the remove button: the whole row is within the screen's width and height.
            await ExpectInViewAsync(sheet.Rows.Nth(i).Locator("tr.kss-influence-main"), width, height, $"person {i + 1}");
        }
        await Expect(Page.GetByTestId("winresults-toggle").First).ToBeInViewportAsync();

        // Text is cut when it is wider than the box that clips it: an input's value (measured in the input's font, since an
        // input reports no scroll width), or an element that hides its overflow. Visually hidden text (1 px) is for screen readers.
        var cut = await Page.EvaluateAsync<string[]>(
            """
            () => {
              const canvas = document.createElement('canvas').getContext('2d');
              const textWidth = e => { const s = getComputedStyle(e); canvas.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`; return canvas.measureText(e.value).width; };
              const room = e => { const s = getComputedStyle(e); return e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); };
              return [...document.querySelectorAll('[data-testid=strategy-sheet] :is(.kss-sheet-bar, .kss-objective, .kss-grid, .kss-flags, .kss-lists) *')]
                .filter(e => e.offsetParent !== null && e.clientWidth > 2 && e.type !== 'hidden')
                .filter(e => e.tagName === 'INPUT'
                  ? e.value && textWidth(e) > room(e) + 1
                  : getComputedStyle(e).overflowX !== 'visible' && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.scrollWidth > e.clientWidth + 1)
                .filter(e => !e.closest('[title]:not([title=""])'))
                .map(e => `${e.tagName} ${e.className} "${(e.value ?? e.textContent).trim().slice(0, 40)}"`);
            }
            """);
        cut.ShouldBeEmpty($"text is cut without a tooltip at {width}x{height}");

        // The grid's own values are never cut at these sizes, tooltip or not: dates, contact, mode, influence.
        var cutInGrid = await Page.EvaluateAsync<string[]>(
            """
            () => {
              const canvas = document.createElement('canvas').getContext('2d');
              return [...document.querySelectorAll('.kss-grid input')]
                .filter(e => e.offsetParent !== null && e.clientWidth > 2 && e.type !== 'hidden' && e.value)
                .filter(e => {
                  const s = getComputedStyle(e);
                  canvas.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
                  return canvas.measureText(e.value).width > e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) + 1;
                })
                .map(e => `"${e.value}" in ${e.clientWidth}px`);
            }
            """);
        cutInGrid.ShouldBeEmpty($"grid values are cut at {width}x{height}");
    }

    private static async Task ExpectInViewAsync(ILocator element, int width, int height, string what)
    {
        var box = await element.BoundingBoxAsync();
        box.ShouldNotBeNull(what);
        box.X.ShouldBeGreaterThanOrEqualTo(0, what);
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(width + 0.5f, $"{what} reaches past the right edge at {width}x{height}");
        (box.Y + box.Height).ShouldBeLessThanOrEqualTo(height + 0.5f, $"{what} is below the fold at {width}x{height}");
    }

    [Fact]
    public async Task RedFlag_Clicked_HighlightsAndFocusesTheCellThatRaisesIt()
    {
        var opportunity = await EightPersonDealAsync("flags");
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();

        // Gravest first: the severity bands come critical, warning, info, each named in words.
        var severities = await Page.GetByTestId("red-flag-group").EvaluateAllAsync<string[]>("groups => groups.map(g => g.dataset.severity)");
        severities.ShouldBe(["critical", "warning", "info"]);
        await Expect(Page.GetByTestId("red-flag-group").First.Locator("h3")).ToContainTextAsync("Critical");

        await ExpectFlagShowsAsync(sheet, "opponent", "Zhao Qing 赵晴", "support");
        await ExpectFlagShowsAsync(sheet, "uncovered", "Wang Wei", "contact");
        await ExpectFlagShowsAsync(sheet, "no-counterpart", "Chen Jing", "counterpart");
        await ShotAsync("flag-highlights-counterpart");
    }

    private async Task ExpectFlagShowsAsync(StrategySheet sheet, string flag, string person, string cell)
    {
        var link = Page.Locator($"[data-testid=red-flag][data-flag={flag}][data-person=\"{person}\"] [data-testid=red-flag-link]");
        await link.ClickAsync();
        var target = sheet.Row(person).Locator($"[data-cell={cell}]");
        await Expect(target).ToHaveClassAsync(new Regex("kss-cell-highlight"));
        await Expect(target).ToBeFocusedAsync();
        await Expect(target).ToBeInViewportAsync();
        // Only that cell lights up, not its neighbours.
        await Expect(Page.Locator(".kss-cell-highlight")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task SupportEditAndStrengthRemoval_Finished_KeepFocusOnTheSheet()
    {
        var opportunity = await EightPersonDealAsync("focus");
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        var chip = sheet.Row("Sun Hao").GetByTestId("support");

        await chip.ClickAsync();
        await sheet.Row("Sun Hao").GetByTestId("support-input").FillAsync("2");
        await sheet.Row("Sun Hao").GetByTestId("support-input").PressAsync("Enter");
        await Expect(chip).ToHaveAttributeAsync("data-value", "2");
        await Expect(chip).ToBeFocusedAsync();
        await sheet.WaitSavedAsync();

        await chip.ClickAsync();
        await sheet.Row("Sun Hao").GetByTestId("support-input").PressAsync("Escape");
        await Expect(chip).ToBeFocusedAsync();

        // Tabbing away commits nothing new and closes the editor behind the seller.
        await chip.ClickAsync();
        await sheet.Row("Sun Hao").GetByTestId("support-input").PressAsync("Tab");
        await Expect(sheet.Row("Sun Hao").GetByTestId("support-input")).ToHaveCountAsync(0);
        await Expect(chip).ToHaveAttributeAsync("data-value", "2");

        var strength = Page.Locator("input[data-testid=strength-new], [data-testid=strength-new] input").First;
        await strength.FillAsync("Our line already runs at their sister plant");
        await strength.PressAsync("Enter");
        await Expect(Page.GetByTestId("strength-item")).ToHaveCountAsync(1);
        await sheet.WaitSavedAsync();
        await Page.GetByTestId("strength-remove").ClickAsync();
        await Expect(Page.GetByTestId("strength-item")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#strengths-heading")).ToBeFocusedAsync();
        (await Page.EvaluateAsync<string>("() => document.activeElement.tagName")).ShouldNotBe("BODY");
    }

    [Fact]
    public async Task StrategySheet_320PixelsWide_DoesNotScrollSideways()
    {
        await Page.SetViewportSizeAsync(320, 800);
        var opportunity = await EightPersonDealAsync("narrow");
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        await Expect(Page.GetByTestId("red-flag-group").First).ToBeVisibleAsync();
        await Page.GetByTestId("derived-red-flags").ScrollIntoViewIfNeededAsync();
        await ShotAsync("sheet-320-flags");
        var flags = await Page.GetByTestId("derived-red-flags").BoundingBoxAsync();
        flags.ShouldNotBeNull();
        (flags.X + flags.Width).ShouldBeLessThanOrEqualTo(320.5f, "the red-flag panel is wider than the screen");
        (await Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320);
    }

    [Fact]
    public async Task StrategySheet_Printed_IsOneLandscapePageWithoutTheAppAroundIt()
    {
        var opportunity = await EightPersonDealAsync("print");
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        var navigation = await Page.Locator("nav a, .mud-drawer a").EvaluateAllAsync<string[]>("links => links.map(l => l.innerText.trim()).filter(t => t.length > 2)");
        navigation.ShouldNotBeEmpty();

        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(Page.GetByTestId("share-open")).ToBeHiddenAsync();
        await Expect(sheet.Row("Chen Jing").GetByTestId("wins-count")).ToBeHiddenAsync();
        await ShotAsync("print-preview");

        // As the browser's print dialog does: the page size and orientation come from the sheet's @page rule.
        var pdf = await Page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(Fixture.ScreenshotDirectory, $"{nameof(OnePageSheetTests)}-print.pdf"), pdf, TestContext.Current.CancellationToken);
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        var text = await PdfTextAsync(pdf);
        var size = Regex.Match(raw, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)");
        double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), "the page is not landscape");
        Regex.Matches(raw, @"/Type\s*/Page(?![s\w])").Count.ShouldBe(1, $"the sheet prints on more than one page; after the first: {text[(text.IndexOf('\f') + 1)..]}");

        text.ShouldContain("One page print: coil inspection");
        text.ShouldContain("Chen Jing");
        text.ShouldContain("Recognised as the one who modernised the plant");
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var link in navigation) lines.ShouldNotContain(link, $"the menu entry \"{link}\" is printed");
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"keysell-sheet-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
