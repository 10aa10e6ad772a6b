using System.Text;
using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Sheets;

/// <summary>The sheet's PDF and Excel buttons and the account's "all open deals" PDF, clicked as a seller would, downloads received.</summary>
public sealed class SheetExportTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private Task<Guid> DealAsync(string account, string deal, int more = 0) => Fixture.Server.CreateDealAsync(account, deal,
    [
        new("王芳 Wang Fang", "IT director", BuyingRoles.Coach | BuyingRoles.Technical, InfluenceLevel.High, 3, ResponseMode.Growth),
        new("Li Wei", "CFO", BuyingRoles.Economic, InfluenceLevel.High, -2, ResponseMode.EvenKeel),
        .. Enumerable.Range(1, more).Select(i => new DealArranger.Influence($"陈{i} Chen {i}", "Plant engineer", BuyingRoles.User, InfluenceLevel.Medium, i % 11 - 5, ResponseMode.Trouble)),
    ]);

    /// <summary>Keeps the PDF's first page as a picture beside the screenshots (poppler's pdftoppm, which ./test.sh installs).</summary>
    private async Task KeepPdfPictureAsync(byte[] pdf, string name)
    {
        var file = Path.Combine(Path.GetTempPath(), $"keysell-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = System.Diagnostics.Process.Start("pdftoppm", ["-png", "-r", "90", "-singlefile", file, Path.Combine(Fixture.ScreenshotDirectory, $"{nameof(SheetExportTests)}-{name}")]);
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<Guid> AccountOfAsync(Guid deal)
    {
        await using var scope = Fixture.Server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Opportunities.Where(o => o.Id == deal).Select(o => o.AccountId).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(IDownload Download, byte[] Bytes)> DownloadAsync(ILocator button)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"keysell-download-{Guid.NewGuid():N}");
        await download.SaveAsAsync(path);
        try { return (download, await File.ReadAllBytesAsync(path)); }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task SheetButtons_Clicked_DownloadThePdfAndTheWorkbook()
    {
        var deal = await DealAsync("Export Steel Works", "Export: coil line", more: 10); // twelve people: one page
        await SignInAsync($"/opportunities/{deal}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        await Expect(Page.GetByTestId("sheet-export-pdf")).ToBeVisibleAsync();
        await ShotAsync("sheet-export-buttons");

        var (pdf, pdfBytes) = await DownloadAsync(Page.GetByTestId("sheet-export-pdf"));
        pdf.SuggestedFilename.ShouldBe("Export Steel Works - Export coil line.pdf");
        Encoding.ASCII.GetString(pdfBytes, 0, 5).ShouldBe("%PDF-");
        await KeepPdfPictureAsync(pdfBytes, "sheet-pdf-en");

        var (xlsx, xlsxBytes) = await DownloadAsync(Page.GetByTestId("sheet-export-xlsx"));
        xlsx.SuggestedFilename.ShouldBe("Export Steel Works - Export coil line.xlsx");
        Encoding.ASCII.GetString(xlsxBytes, 0, 2).ShouldBe("PK"); // a zip, as every .xlsx is
        await ShotAsync("sheet-exported");
    }

    [Fact]
    public async Task AccountButton_InChinese_DownloadsEveryOpenDealAndSaysWhenReady()
    {
        var first = await DealAsync("导出钢铁 Export Group", "导出：一号线");
        var account = await AccountOfAsync(first);
        await SignInAsync($"/culture/zh-CN?returnUrl={Uri.EscapeDataString($"/accounts/{account}")}");
        await Page.GotoAsync($"/accounts/{account}");
        await Interactive.WaitAsync(Page);
        var button = Page.GetByTestId("account-sheets-pdf");
        await Expect(button).ToHaveTextAsync("全部未结机会导出 PDF");
        await ShotAsync("account-export-button");

        var (download, bytes) = await DownloadAsync(button);

        download.SuggestedFilename.ShouldBe("导出钢铁 Export Group.pdf");
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        await KeepPdfPictureAsync(bytes, "account-pdf-zh");
        await Expect(Page.GetByTestId("account-sheets-progress")).ToHaveTextAsync("PDF 已生成：1 个机会。");
        await ShotAsync("account-exported");
    }
}
