using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.RelationshipMap;

/// <summary>A server of its own with the bilingual demo in it: the demo goes only into an empty database.</summary>
public sealed class DemoServer : IAsyncLifetime
{
    public KeySellServer Server { get; } = new(seedDemo: true);

    public ValueTask InitializeAsync()
    {
        Server.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    public async Task<Guid> IdAsync(Func<AppDbContext, Task<Guid>> find)
    {
        await using var scope = Server.Services.CreateOperatorScope();
        return await find(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>The relationship maps of the demo: who reports to whom, who listens to whom, a saved drag, a line added, an export.</summary>
public sealed class RelationshipMapTests(BrowserFixture fixture, DemoServer demo) : BrowserTest(fixture), IClassFixture<DemoServer>
{
    protected override (int Width, int Height) Viewport => (1366, 900);

    private async Task OpenAsync(string path)
    {
        await Page.GotoAsync($"{demo.Server.BaseUrl}/login?returnUrl={Uri.EscapeDataString(path)}");
        await SignInForm.FillAsync(KeySellServer.AdminEmail, KeySellServer.AdminPassword);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        await Interactive.WaitAsync(Page);
    }

    private ILocator NodeOf(string name) => Page.Locator($"[data-testid=map-node][data-name*='{name}']");

    private async Task<string> PersonIdAsync(string name) => (await NodeOf(name).GetAttributeAsync("data-person"))!;

    [Fact]
    public async Task DemoDealMap_DrawsItsPeopleAndLines_KeepsADrag_TakesANewLine_ExportsSvgAndPng()
    {
        var deal = await demo.IdAsync(db => db.Opportunities.Where(o => o.Name.Contains("Group ERP consolidation")).Select(o => o.Id).SingleAsync());
        await OpenAsync($"/opportunities/{deal}/map");

        // The five buying influences; the demo's three informal lines; Ma Chao reports to Zhao Lei, who reports to Liu Fang.
        await Expect(Page.GetByTestId("map-node")).ToHaveCountAsync(5);
        await Expect(Page.GetByTestId("map-canvas")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(Page.Locator("[data-testid=map-edge][data-kind=informal]")).ToHaveCountAsync(3);
        var liWei = await PersonIdAsync("Li Wei");
        var liuFang = await PersonIdAsync("Liu Fang");
        var zhaoLei = await PersonIdAsync("Zhao Lei");
        var maChao = await PersonIdAsync("Ma Chao");
        await Expect(Page.Locator($"[data-testid=map-edge][data-kind=informal][data-from='{liWei}'][data-to='{liuFang}']")).ToHaveAttributeAsync("data-strength", "strong");
        await Expect(Page.Locator($"[data-testid=map-edge][data-kind=reporting][data-from='{maChao}'][data-to='{zhaoLei}']")).ToHaveCountAsync(1);
        await Expect(Page.Locator($"[data-testid=map-edge][data-kind=reporting][data-from='{zhaoLei}'][data-to='{liuFang}']")).ToHaveCountAsync(1);
        // Liu Fang is a champion (+4): the scale's dark green; Li Wei's counterpart is on his node.
        await Expect(NodeOf("Liu Fang")).ToHaveAttributeAsync("data-support", "4");
        await Expect(NodeOf("Liu Fang").Locator("rect").First).ToHaveAttributeAsync("fill", "#2e7d32");
        await Expect(NodeOf("Li Wei").GetByTestId("map-counterpart")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("map-legend")).ToBeVisibleAsync();
        await ShotAsync("deal-map");

        // Drag Li Wei 160 px right and 90 px down once the map is fitted to the screen; the place is saved for this user
        // and comes back after a reload.
        await Expect(Page.GetByTestId("map-canvas")).ToHaveAttributeAsync("data-ready", "true");
        var node = NodeOf("Li Wei");
        var before = (await node.GetAttributeAsync("data-x"), await node.GetAttributeAsync("data-y"));
        var box = (await node.Locator("rect").First.BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(box.X + box.Width / 2 + 80, box.Y + box.Height / 2 + 45, new() { Steps = 5 });
        await Page.Mouse.MoveAsync(box.X + box.Width / 2 + 160, box.Y + box.Height / 2 + 90, new() { Steps = 5 });
        await Page.Mouse.UpAsync();
        await Expect(Page.GetByTestId("deal-map")).ToHaveAttributeAsync("data-saves", "1");
        var dropped = (await node.GetAttributeAsync("data-x"), await node.GetAttributeAsync("data-y"));
        dropped.ShouldNotBe(before);

        await Page.ReloadAsync();
        await Interactive.WaitAsync(Page);
        await Expect(NodeOf("Li Wei")).ToHaveCountAsync(1);
        // Kept to the hundredth of a pixel.
        double At(string? value) => Math.Round(double.Parse(value!, System.Globalization.CultureInfo.InvariantCulture), 2);
        At(await NodeOf("Li Wei").GetAttributeAsync("data-x")).ShouldBe(At(dropped.Item1));
        At(await NodeOf("Li Wei").GetAttributeAsync("data-y")).ShouldBe(At(dropped.Item2));

        // A seller draws a new line on the map: Wu Min listens to Liu Fang, weak.
        var wuMin = await PersonIdAsync("Wu Min");
        await Page.GetByTestId("map-line-from").SelectOptionAsync(wuMin);
        await Page.GetByTestId("map-line-to").SelectOptionAsync(liuFang);
        await Page.GetByTestId("map-line-new-strength").SelectOptionAsync("Weak");
        await Page.GetByTestId("map-line-add").ClickAsync();
        await Expect(Page.Locator($"[data-testid=map-edge][data-kind=informal][data-from='{wuMin}'][data-to='{liuFang}']")).ToHaveAttributeAsync("data-strength", "weak");
        await Expect(Page.Locator($"[data-testid=map-line][data-from='{wuMin}'][data-to='{liuFang}']")).ToHaveCountAsync(1);
        await ShotAsync("deal-map-line-added");

        // Export: an SVG file named after the deal, holding the drawn map; a PNG too.
        var svg = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("map-export-svg").ClickAsync());
        svg.SuggestedFilename.ShouldEndWith(".svg");
        svg.SuggestedFilename.ShouldContain("Group ERP consolidation");
        var text = await File.ReadAllTextAsync((await svg.PathAsync())!, TestContext.Current.CancellationToken);
        text.ShouldContain("<svg");
        text.ShouldContain("李伟 Li Wei");
        var png = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("map-export-png").ClickAsync());
        png.SuggestedFilename.ShouldEndWith(".png");
        (await File.ReadAllBytesAsync((await png.PathAsync())!, TestContext.Current.CancellationToken))[..4].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }

    [Fact]
    public async Task DemoAccountMap_ShowsTheOrgChartsLines_NeutralUntilADealIsPicked()
    {
        var account = await demo.IdAsync(db => db.Accounts.Where(a => a.Name.Contains("East China Steel Group")).Select(a => a.Id).SingleAsync());
        await OpenAsync($"/accounts/{account}/map");

        // The chairman is at the top of the chains; his line to his strategy director is the account's own (no deal).
        await Expect(NodeOf("Wang Jianguo")).ToHaveCountAsync(1);
        var chairman = await PersonIdAsync("Wang Jianguo");
        var strategy = await PersonIdAsync("Xu Ming");
        await Expect(Page.Locator($"[data-testid=map-edge][data-kind=informal][data-from='{chairman}'][data-to='{strategy}']")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("map-legend-neutral")).ToBeVisibleAsync();
        await Expect(NodeOf("Liu Fang")).ToHaveAttributeAsync("data-support", "");
        await ShotAsync("account-map-neutral");

        var deal = await demo.IdAsync(db => db.Opportunities.Where(o => o.Name.Contains("Group ERP consolidation")).Select(o => o.Id).SingleAsync());
        await Page.GetByTestId("map-deal").SelectOptionAsync(deal.ToString());
        await Expect(NodeOf("Liu Fang")).ToHaveAttributeAsync("data-support", "4");
        await Expect(Page.GetByTestId("map-legend-neutral")).ToHaveCountAsync(0);
        await ShotAsync("account-map-by-deal");
    }

    [Fact]
    public async Task DemoDealMap_OpenedAndFitAfterZoomingIn_ShowsEveryPersonInsideTheCanvas()
    {
        var deal = await demo.IdAsync(db => db.Opportunities.Where(o => o.Name.Contains("Group ERP consolidation")).Select(o => o.Id).SingleAsync());
        await OpenAsync($"/opportunities/{deal}/map");
        await Expect(Page.GetByTestId("map-canvas")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(Page.GetByTestId("map-node")).ToHaveCountAsync(5);
        await ExpectEveryoneInsideAsync("on opening");

        // Zoomed in far enough that people leave the canvas, Fit brings everyone back.
        for (var i = 0; i < 4; i++) await Page.GetByTestId("map-zoom-in").ClickAsync();
        await Page.WaitForFunctionAsync($"() => ({Outside})().length > 0");
        await Page.GetByTestId("map-fit").ClickAsync();
        await ExpectEveryoneInsideAsync("after Fit");
        await ShotAsync("fit");
    }

    /// <summary>The people whose box is not wholly inside the map's canvas, as the browser lays them out.</summary>
    private const string Outside =
        """
        () => {
          const canvas = document.querySelector('[data-testid=map-canvas]');
          const c = canvas.getBoundingClientRect();
          return [...canvas.querySelectorAll('[data-testid=map-node]')]
            .filter(n => { const r = n.getBoundingClientRect(); return r.left < c.left - 1 || r.top < c.top - 1 || r.right > c.right + 1 || r.bottom > c.bottom + 1; })
            .map(n => n.getAttribute('data-name'));
        }
        """;

    private async Task ExpectEveryoneInsideAsync(string when)
    {
        try
        {
            await Page.WaitForFunctionAsync($"() => ({Outside})().length === 0", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            (await Page.EvaluateAsync<string[]>(Outside)).ShouldBeEmpty($"people drawn outside the map {when}");
        }
    }
}
