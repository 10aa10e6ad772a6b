using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KeySell.Web.Tests.Infrastructure;
using MiniExcelLibs;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Exports;

/// <summary>
/// The one-page documents a seller hands over: the PDF read back by poppler (the text a viewer extracts, the fonts
/// it finds, the page count), the workbook read back by MiniExcel and by the Open XML SDK.
/// </summary>
public abstract class OnePageDocumentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static string Person(int n, string name, string roles, int? support, string? title = "Engineer") => $$"""
        {
          "id": "p{{n}}", "name": "{{name}}", "title": {{(title is null ? "null" : $"\"{title}\"")}},
          "roles": [{{roles}}], "influence": "medium", "support": {{(support is { } s ? s.ToString(CultureInfo.InvariantCulture) : "null")}},
          "contact": "occasional", "mode": "growth", "counterpart": null, "status": "active",
          "since": null, "lastContact": "2026-11-20", "wins": ["recognition"], "results": ["uptime above 98%"]
        }
        """;

    /// <summary>
    /// A deal with <paramref name="people"/> influences (Chinese names among them) and no economic buyer, so the
    /// engine raises no-economic-buyer; strengths and a manual red flag as given.
    /// </summary>
    private static string Sheet(string account, string deal, int people, string strengths = "[]")
    {
        string[] names = ["王芳", "陈杰", "Li Wei", "赵晴", "Zhang San", "孙浩", "Maria Schmidt", "刘洋", "周婷", "John Carter", "黄磊", "吴敏"];
        var influences = Enumerable.Range(0, people).Select(i => Person(i, names[i % names.Length] + (i >= names.Length ? $" {i}" : ""),
            i == 0 ? "\"coach\"" : i % 3 == 0 ? "\"technical\"" : "\"user\"", i == 1 ? -4 : i == 2 ? null : (i % 11) - 5));
        return $$"""
            {
              "schema": "keysell.strategy-sheet/1",
              "asOf": "2026-11-26",
              "opportunity": {
                "name": "{{deal}}", "account": "{{account}}", "idealCustomerScore": null,
                "objective": { "product": "ERP suite", "quantity": 2, "amount": 1200000.50, "currency": "CNY", "closeDate": "2027-03-31" },
                "engagement": "before-project", "funnelLevel": "in", "expectedOutcome": "win-win"
              },
              "influences": [{{string.Join(",", influences)}}],
              "strengths": {{strengths}},
              "objections": [],
              "redFlags": []
            }
            """;
    }

    private async Task<(HttpClient Client, Guid AccountId, Guid DealId, string Account, string Deal)> DealAsync(int people = 4, string strengths = "[]", string? accountName = null)
    {
        var client = await app.CreateAdminClientAsync();
        var account = accountName ?? Unique("华东钢铁 East China Steel");
        var accountId = await app.AccountAsync(account);
        var deal = Unique("ERP rollout");
        var id = (await client.CreateOpportunityAsync(accountId, deal)).Id();
        await PutSheetAsync(client, id, Sheet(account, deal, people, strengths));
        return (client, accountId, id, account, deal);
    }

    private static async Task PutSheetAsync(HttpClient client, Guid id, string json)
    {
        var current = await client.GetAsync($"/api/opportunities/{id}/sheet", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/opportunities/{id}/sheet") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    [Fact]
    public async Task SheetPdf_Chinese_ShowsTheDealTheChineseNamesAndTheRedFlagsInChinese()
    {
        var (client, _, id, account, deal) = await DealAsync();

        var text = Poppler.Squeezed(await Poppler.TextAsync(await DownloadAsync(client, $"/api/opportunities/{id}/sheet.pdf?lang=zh-CN", "application/pdf")));

        text.ShouldContain(Poppler.Squeezed(deal));
        text.ShouldContain(Poppler.Squeezed(account));
        text.ShouldContain("王芳");
        text.ShouldContain("陈杰");
        text.ShouldContain("小红旗");                        // the red flags' heading
        text.ShouldContain("尚未确定作出最终批准的决策者。");  // no-economic-buyer, in the engine's Chinese words
        text.ShouldContain("严重");                          // grouped by severity: critical
        text.ShouldNotContain("Nobody is identified");
    }

    [Fact]
    public async Task SheetPdf_English_ShowsTheChineseNamesAndTheRedFlagsInEnglish()
    {
        var (client, _, id, _, deal) = await DealAsync();

        var text = Poppler.Squeezed(await Poppler.TextAsync(await DownloadAsync(client, $"/api/opportunities/{id}/sheet.pdf?lang=en", "application/pdf")));

        text.ShouldContain(Poppler.Squeezed(deal));
        text.ShouldContain("王芳");
        text.ShouldContain("陈杰");
        text.ShouldContain(Poppler.Squeezed("Nobody is identified as the economic buyer who gives final approval."));
        text.ShouldNotContain("尚未确定作出最终批准的决策者");
    }

    [Fact]
    public async Task SheetPdf_WithoutLang_FollowsAcceptLanguage()
    {
        var (client, _, id, _, _) = await DealAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/opportunities/{id}/sheet.pdf");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");

        var response = await client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Poppler.Squeezed(await Poppler.TextAsync(await response.Content.ReadAsByteArrayAsync(Ct))).ShouldContain("尚未确定作出最终批准的决策者。");
    }

    [Fact]
    public async Task SheetPdf_Fonts_AreEmbeddedSubsetsNotType3()
    {
        var (client, _, id, _, _) = await DealAsync();
        var pdf = await DownloadAsync(client, $"/api/opportunities/{id}/sheet.pdf?lang=zh-CN", "application/pdf");

        var fonts = (await Poppler.FontsAsync(pdf)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        fonts.ShouldNotBeEmpty();
        foreach (var font in fonts)
        {
            font.ShouldNotContain("Type 3");
            font.ShouldContain("Noto Sans CJK SC");
            // name type… encoding emb sub uni: the subset's name starts with six capitals and a plus (ABCDEF+).
            font.ShouldMatch(@"^[A-Z]{6}\+.*\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$");
        }
        // Declared as what it is (CFF outlines): poppler reads it without a complaint.
        (await Poppler.ComplaintsAsync(pdf)).ShouldBeEmpty();
        // A subset: far smaller than the 16 MB face it was cut from.
        pdf.Length.ShouldBeLessThan(400_000);
    }

    [Fact]
    public async Task SheetPdf_TwelvePeople_IsOnePage()
    {
        var (client, _, id, _, _) = await DealAsync(people: 12);

        foreach (var lang in new[] { "en", "zh-CN" })
        {
            var pdf = await DownloadAsync(client, $"/api/opportunities/{id}/sheet.pdf?lang={lang}", "application/pdf");
            (await Poppler.PagesAsync(pdf)).ShouldBe(1, lang);
            var text = Poppler.Squeezed(await Poppler.TextAsync(pdf));
            text.ShouldContain("吴敏"); // the twelfth person is on it
        }
    }

    [Fact]
    public async Task SheetPdf_FortyPeople_ContinuesOnAnotherPage()
    {
        var (client, _, id, _, _) = await DealAsync(people: 40);

        var pdf = await DownloadAsync(client, $"/api/opportunities/{id}/sheet.pdf?lang=en", "application/pdf");

        (await Poppler.PagesAsync(pdf)).ShouldBeGreaterThan(1);
        Poppler.Squeezed(await Poppler.TextAsync(pdf)).ShouldContain(Poppler.Squeezed("吴敏 35"));
    }

    [Fact]
    public async Task SheetDocuments_AnAttachmentNamedAfterAccountAndDeal_NotCached()
    {
        var (client, _, id, account, deal) = await DealAsync();

        foreach (var extension in new[] { "pdf", "xlsx" })
        {
            var response = await client.GetAsync($"/api/opportunities/{id}/sheet.{extension}", Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var disposition = response.Content.Headers.ContentDisposition!;
            disposition.DispositionType.ShouldBe("attachment");
            // RFC 5987 keeps the Chinese account name; the plain name is the ASCII fallback.
            Uri.UnescapeDataString(disposition.FileNameStar!).ShouldBe($"{account} - {deal}.{extension}");
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            response.Headers.ETag.ShouldNotBeNull();
        }
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("zh-TW")]
    public async Task SheetDocuments_UnknownLanguage_Are400NamingLang(string lang)
    {
        var (client, accountId, id, _, _) = await DealAsync();

        foreach (var url in new[] { $"/api/opportunities/{id}/sheet.pdf", $"/api/opportunities/{id}/sheet.xlsx", $"/api/accounts/{accountId}/sheets.pdf" })
        {
            var response = await client.GetAsync($"{url}?lang={lang}", Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            var problem = await ProblemDocument.ReadAsync(response);
            problem.Errors!.Keys.ShouldContain("lang");
        }
    }

    [Fact]
    public async Task SheetDocuments_UnknownDeal_Are404()
    {
        var client = await app.CreateAdminClientAsync();
        (await client.GetAsync($"/api/opportunities/{Guid.NewGuid()}/sheet.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/opportunities/{Guid.NewGuid()}/sheet.xlsx", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/accounts/{Guid.NewGuid()}/sheets.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SheetXlsx_TwoReaders_SameNumbersDatesAndTexts()
    {
        var (client, _, id, account, deal) = await DealAsync();
        var xlsx = await DownloadAsync(client, $"/api/opportunities/{id}/sheet.xlsx?lang=en", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using var stream = new MemoryStream(xlsx);
        stream.GetSheetNames().ShouldBe(["Opportunity", "Buying influences", "Red flags", "Strengths", "Action plan", "Objections", "Calls", "Informal influence", "SWOT"], ignoreOrder: false);

        var opportunity = ((IDictionary<string, object>)stream.Query(useHeaderRow: true, sheetName: "Opportunity").Single());
        opportunity["Opportunity"].ShouldBe(deal);
        opportunity["Account"].ShouldBe(account);
        Convert.ToDecimal(opportunity["Amount"], CultureInfo.InvariantCulture).ShouldBe(1200000.50m);
        opportunity["Close date"].ShouldBe(new DateTime(2027, 3, 31));

        var people = stream.Query(useHeaderRow: true, sheetName: "Buying influences").Cast<IDictionary<string, object>>().ToList();
        people.Select(p => p["Person"]).ShouldBe(["王芳", "陈杰", "Li Wei", "赵晴"]);
        Convert.ToDecimal(people[1]["Support"], CultureInfo.InvariantCulture).ShouldBe(-4m);
        people[2]["Support"].ShouldBeNull(); // not judged: an empty cell, not a zero
        people[0]["Last contact"].ShouldBe(new DateTime(2026, 11, 20));

        // The second reader sees the cells' own types: a number, a date (a serial number with a date format), a text.
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cells = Cells(document, "Buying influences");
        cells["E3"].Type.ShouldBe("n");
        cells["E3"].Value.ShouldBe("-4");
        cells["J2"].Type.ShouldBe("n");
        DateTime.FromOADate(double.Parse(cells["J2"].Value, CultureInfo.InvariantCulture)).ShouldBe(new DateTime(2026, 11, 20));
        cells["J2"].IsDate.ShouldBeTrue();
        cells["A2"].Value.ShouldBe("王芳");
        var deals = Cells(document, "Opportunity");
        double.Parse(deals["F2"].Value, CultureInfo.InvariantCulture).ShouldBe(1200000.5);
        deals["H2"].IsDate.ShouldBeTrue();
    }

    [Fact]
    public async Task SheetXlsx_Chinese_HeadersAndSheetsInChinese()
    {
        var (client, _, id, _, _) = await DealAsync();
        var xlsx = await DownloadAsync(client, $"/api/opportunities/{id}/sheet.xlsx?lang=zh-CN", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using var stream = new MemoryStream(xlsx);
        stream.GetSheetNames().ShouldContain("购买影响者");
        var flags = stream.Query(useHeaderRow: true, sheetName: "小红旗").Cast<IDictionary<string, object>>().ToList();
        flags.ShouldContain(f => f.Values.OfType<string>().Any(v => v.Contains("尚未确定作出最终批准的决策者", StringComparison.Ordinal)));
        flags.First().Keys.ShouldContain("严重程度");
    }

    [Fact]
    public async Task SheetXlsx_TextThatLooksLikeAFormula_IsStoredWithAnApostrophe()
    {
        string[] texts = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-2+3", "@SUM(A1:A2)", "=cmd|' /C calc'!A0", "普通的强项"];
        var strengths = "[" + string.Join(",", texts.Select(t => $"{{ \"text\": {System.Text.Json.JsonSerializer.Serialize(t)}, \"addresses\": [] }}")) + "]";
        var (client, _, id, _, _) = await DealAsync(strengths: strengths);

        var xlsx = await DownloadAsync(client, $"/api/opportunities/{id}/sheet.xlsx?lang=en", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var strengthCells = Cells(document, "Strengths").Where(c => c.Key.StartsWith('A') && c.Key != "A1").OrderBy(c => int.Parse(c.Key[1..], CultureInfo.InvariantCulture)).ToList();
        strengthCells.Select(c => c.Value.Value).ShouldBe(["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1+2", "'-2+3", "'@SUM(A1:A2)", "'=cmd|' /C calc'!A0", "普通的强项"]);
        strengthCells.ShouldAllBe(c => c.Value.Type != "n" && !c.Value.HasFormula);
        // The negative support beside them is still a number.
        Cells(document, "Buying influences")["E3"].Value.ShouldBe("-4");
    }

    [Fact]
    public async Task AccountPdf_OnePagePerOpenDeal_WithACoverLine()
    {
        var client = await app.CreateAdminClientAsync();
        var account = Unique("华南汽车 South Auto");
        var accountId = await app.AccountAsync(account);
        var deals = new List<string>();
        foreach (var level in new[] { "in", "best-few", "won" })
        {
            var deal = Unique($"Deal {level}");
            var id = (await client.CreateOpportunityAsync(accountId, deal)).Id();
            await PutSheetAsync(client, id, Sheet(account, deal, 6).Replace("\"funnelLevel\": \"in\"", $"\"funnelLevel\": \"{level}\"", StringComparison.Ordinal));
            deals.Add(deal);
        }

        var pdf = await DownloadAsync(client, $"/api/accounts/{accountId}/sheets.pdf?lang=zh-CN", "application/pdf");

        (await Poppler.PagesAsync(pdf)).ShouldBe(2);
        var text = Poppler.Squeezed(await Poppler.TextAsync(pdf));
        text.ShouldContain(Poppler.Squeezed(deals[0]));
        text.ShouldContain(Poppler.Squeezed(deals[1]));
        text.ShouldNotContain(Poppler.Squeezed(deals[2])); // won: not an open deal
        text.ShouldContain(Poppler.Squeezed($"{account}"));
        text.ShouldContain("2个未结机会");
    }

    private sealed record CellInfo(string Value, string Type, bool IsDate, bool HasFormula);

    /// <summary>Every cell of a worksheet by reference (A1…), with its stored value, its type and whether its style is a date.</summary>
    private static Dictionary<string, CellInfo> Cells(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var formats = workbook.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var custom = workbook.WorkbookStylesPart?.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        bool IsDate(uint? style)
        {
            if (style is null || style >= formats.Count) return false;
            var id = formats[(int)style.Value].NumberFormatId?.Value ?? 0;
            return id is >= 14 and <= 22 || (custom.TryGetValue(id, out var code) && code.Contains('y') && code.Contains('d'));
        }
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c =>
        {
            var type = c.DataType?.Value is { } t ? t.ToString() : "n";
            var raw = c.CellValue?.Text ?? c.InlineString?.InnerText ?? "";
            var value = c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(raw, CultureInfo.InvariantCulture)] : raw;
            var kind = c.DataType?.Value == CellValues.SharedString || c.DataType?.Value == CellValues.InlineString || c.DataType?.Value == CellValues.String ? "s" : c.DataType?.Value == CellValues.Boolean ? "b" : "n";
            return new CellInfo(value, kind, IsDate(c.StyleIndex?.Value), c.CellFormula is not null);
        });
    }
}

public sealed class OnePageDocumentTests_Sqlite(SqliteApp app) : OnePageDocumentTests<SqliteApp>(app);
public sealed class OnePageDocumentTests_Postgres(PostgresApp app) : OnePageDocumentTests<PostgresApp>(app);
