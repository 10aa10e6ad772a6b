using KeySell.Application.Data;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KeySell.Cli.Tests;

/// <summary><c>keysell import</c>: CRM exports in, by external id, with every problem on its own line.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private readonly CliSandbox _cli = new();

    public async ValueTask InitializeAsync() => (await _cli.Run("migrate")).ExitCode.ShouldBe(0);

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Write(string name, string text)
    {
        var path = _cli.PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string SalesforceAccounts =
        "Id,Name,ParentId,Industry,NumberOfEmployees,BillingState,OwnerId,CreatedDate\n" +
        "001A,华东钢铁集团,,Steel,12000,Shanghai,005X,2024-01-01\n" +
        "001B,华东钢铁冷轧厂,001A,Steel,800,Jiangsu,005X,2024-01-01\n";

    private const string SalesforceContacts =
        "Id,AccountId,FirstName,LastName,Title,Department,ReportsToId,Email,Phone,OwnerId\n" +
        "003B,001B,芳,王,厂长,生产部,003A,wang.fang@example.cn,+86 21 5555 0101,005X\n" +
        "003A,001B,明,李,总经理,,,li.ming@example.cn,,005X\n";

    private const string SalesforceOpportunities =
        "Id,AccountId,Name,StageName,Amount,CloseDate,CurrencyIsoCode,OwnerId\n" +
        "006A,001B,Cold-rolling MES,Proposal/Price Quote,1200000,2027-03-31,CNY,005X\n" +
        "006B,001A,Group ERP,Closed Won,8000000.50,2026-10-01,USD,005X\n" +
        "006C,001A,Data centre,Prospecting,,,,005X\n";

    private async Task<CliResult> ImportSalesforceAsync()
    {
        (await _cli.Run("import", "accounts", Write("Account.csv", SalesforceAccounts))).ExitCode.ShouldBe(0);
        (await _cli.Run("import", "contacts", Write("Contact.csv", SalesforceContacts))).ExitCode.ShouldBe(0);
        return await _cli.Run("import", "opportunities", Write("Opportunity.csv", SalesforceOpportunities));
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read) =>
        await _cli.WithServicesAsync(services => read(services.GetRequiredService<AppDbContext>()));

    [Fact]
    public async Task Import_SalesforceExportWithNoMapping_BringsInGroupOrgChartAndDeals()
    {
        var result = await ImportSalesforceAsync();

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("Created 3, updated 0, unchanged 0, bad rows 0 of 3 rows (salesforce)");
        result.Out.ShouldContain("Ignored columns (no counterpart in KeySell): OwnerId");
        var plant = await DbAsync(db => db.Accounts.Include(a => a.ParentAccount).SingleAsync(a => a.ExternalId == "001B", Ct));
        plant.Name.ShouldBe("华东钢铁冷轧厂");
        plant.ExternalSource.ShouldBe("salesforce");
        plant.ParentAccount!.Name.ShouldBe("华东钢铁集团");
        plant.Region.ShouldBe("Jiangsu");
        var wang = await DbAsync(db => db.People.Include(p => p.ReportsTo).Include(p => p.Department).SingleAsync(p => p.ExternalId == "003B", Ct));
        wang.Name.ShouldBe("王芳");
        wang.Title.ShouldBe("厂长");
        wang.Department!.Name.ShouldBe("生产部");
        wang.ReportsTo!.Name.ShouldBe("李明");
        wang.Phone.ShouldBe("+86 21 5555 0101");
        var mes = await DbAsync(db => db.Opportunities.SingleAsync(o => o.ExternalId == "006A", Ct));
        mes.Objective.Amount.ShouldBe(1_200_000m);
        mes.Objective.Currency.ShouldBe("CNY");
        mes.Objective.CloseDate.ShouldBe(new DateOnly(2027, 3, 31));
        mes.FunnelLevel.ShouldBe(FunnelLevel.BestFew);
        (await DbAsync(db => db.Opportunities.SingleAsync(o => o.ExternalId == "006B", Ct))).FunnelLevel.ShouldBe(FunnelLevel.Won);
        (await DbAsync(db => db.Opportunities.SingleAsync(o => o.ExternalId == "006C", Ct))).FunnelLevel.ShouldBe(FunnelLevel.Above);
    }

    [Fact]
    public async Task Import_SameFilesTwice_ChangesNothingTheSecondTime()
    {
        await ImportSalesforceAsync();
        var history = await DbAsync(db => db.ChangeRecords.CountAsync(Ct));
        var versions = await DbAsync(db => db.People.Select(p => p.Version).SumAsync(Ct));

        var accounts = await _cli.Run("import", "accounts", _cli.PathOf("Account.csv"));
        var contacts = await _cli.Run("import", "contacts", _cli.PathOf("Contact.csv"));
        var deals = await _cli.Run("import", "opportunities", _cli.PathOf("Opportunity.csv"));

        accounts.Out.ShouldContain("Created 0, updated 0, unchanged 2");
        contacts.Out.ShouldContain("Created 0, updated 0, unchanged 2");
        deals.Out.ShouldContain("Created 0, updated 0, unchanged 3");
        (await DbAsync(db => db.ChangeRecords.CountAsync(Ct))).ShouldBe(history);
        (await DbAsync(db => db.People.Select(p => p.Version).SumAsync(Ct))).ShouldBe(versions);
        (await DbAsync(db => db.Accounts.CountAsync(Ct))).ShouldBe(2);
    }

    [Fact]
    public async Task Import_ChangedAmount_UpdatesThatDealWithOneHistoryLine()
    {
        await ImportSalesforceAsync();
        var history = await DbAsync(db => db.ChangeRecords.CountAsync(Ct));

        var result = await _cli.Run("import", "opportunities", Write("Opportunity2.csv", SalesforceOpportunities.Replace("1200000,", "1300000,")));

        result.Out.ShouldContain("Created 0, updated 1, unchanged 2");
        (await DbAsync(db => db.ChangeRecords.CountAsync(Ct))).ShouldBe(history + 1);
        (await DbAsync(db => db.Opportunities.SingleAsync(o => o.ExternalId == "006A", Ct))).Objective.Amount.ShouldBe(1_300_000m);
    }

    [Fact]
    public async Task Import_BadRows_ReportsEachByRowAndColumnAndImportsTheRest()
    {
        await ImportSalesforceAsync();
        var file = Write("bad.csv",
            "Id,AccountId,Name,StageName,Amount,CloseDate,CurrencyIsoCode\n" +
            "006D,001A,Good deal,Qualification,10,2027-01-01,EUR\n" +
            "006E,001A,,Qualification,ten,31/31/2027,XYZ\n" +
            "006D,001A,Twin,Qualification,,,\n" +
            "006F,001Z,Orphan,Qualification,,,\n" +
            "006G,001A,=cmd|' /C calc'!A0,Qualification,,,\n" +
            "006H,001A,Odd stage,Ausschreibung,,,\n");

        var result = await _cli.Run("import", "opportunities", file);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldContain($"{file}:3: Name: This field is required.");
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{file}:3: Amount: 'ten' is not a number"));
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{file}:3: CloseDate: '31/31/2027' is not a date"));
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{file}:3: CurrencyIsoCode: 'XYZ' is not an ISO 4217 currency code"));
        result.ErrorLines.ShouldContain($"{file}:4: Id: The id '006D' is on an earlier row of the file too.");
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{file}:5: AccountId: No account '001Z' exists"));
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{file}:6: Name: Text starting with ="));
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{file}:7: StageName: 'Ausschreibung' is not a stage"));
        result.Out.ShouldContain("Created 1, updated 0, unchanged 0, bad rows 5 of 6 rows");
        (await DbAsync(db => db.Opportunities.CountAsync(o => o.ExternalId == "006D", Ct))).ShouldBe(1);
        (await DbAsync(db => db.Opportunities.CountAsync(o => o.Name.StartsWith("="), Ct))).ShouldBe(0);
        var job = result.Out[(result.Out.LastIndexOf("Job ", StringComparison.Ordinal) + 4)..].Trim().TrimEnd('.');
        var directory = Path.Combine(_cli.DataDirectory, "imports", Guid.Parse(job).ToString("N"));
        var errors = await File.ReadAllLinesAsync(Path.Combine(directory, "errors.csv"), Ct);
        errors[0].ShouldBe("row,Id,AccountId,Name,StageName,Amount,CloseDate,CurrencyIsoCode,problem");
        errors.Length.ShouldBe(6);
        errors.ShouldContain(l => l.StartsWith("6,006G,001A,'=cmd|"));
    }

    [Fact]
    public async Task Import_DryRun_ReportsWhatWouldHappenAndChangesNothing()
    {
        var result = await _cli.Run("import", "accounts", Write("Account.csv", SalesforceAccounts), "--dry-run");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("Dry run, nothing changed: would create 2, would update 0");
        (await DbAsync(db => db.Accounts.CountAsync(Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Import_DryRunOfContacts_ReportsUnknownReportsToButNotOneFurtherDownTheFile()
    {
        await _cli.Run("import", "accounts", Write("Account.csv", SalesforceAccounts));
        var file = Write("Contact.csv", SalesforceContacts + "003C,001B,强,赵,工程师,,003Q,,,005X\n");

        var result = await _cli.Run("import", "contacts", file, "--dry-run");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"{file}:4: ReportsToId: No person '003Q' exists to report to."]);
    }

    [Fact]
    public async Task Import_ChineseColumnsWithMappingFile_MapsAndLinksReportsToByName()
    {
        await _cli.Run("import", "accounts", Write("accounts.csv", "客户名称,行业,地区\n江南汽车,汽车,浙江\n"));
        var contacts = Write("contacts.csv", "姓名,公司名称,职位,部门,邮箱,直属上级,备注\n周敏,江南汽车,CIO,信息部,zhou.min@example.cn,陈刚,老客户\n陈刚,江南汽车,CEO,,,,\n");

        var auto = await _cli.Run("import", "contacts", contacts);

        auto.ExitCode.ShouldBe(0, auto.Error);
        auto.Out.ShouldContain("Ignored columns (no counterpart in KeySell): 备注");
        var zhou = await DbAsync(db => db.People.Include(p => p.ReportsTo).SingleAsync(p => p.Name == "周敏", Ct));
        zhou.ReportsTo!.Name.ShouldBe("陈刚");
        zhou.Email.ShouldBe("zhou.min@example.cn");

        var mapping = Write("mapping.json", """{"姓名": "name", "公司名称": "accountName", "备注": "title"}""");
        var mapped = await _cli.Run("import", "contacts", contacts, "--mapping", mapping);
        mapped.Out.ShouldContain("Created 0, updated 1, unchanged 1");
        (await DbAsync(db => db.People.SingleAsync(p => p.Name == "周敏", Ct))).Title.ShouldBe("老客户");
    }

    [Fact]
    public async Task Import_MappingWithoutAccountColumn_Exits2NamingTheField()
    {
        var contacts = Write("contacts.csv", "Full Name,Job Title\nZhou Min,CIO\n");

        var result = await _cli.Run("import", "contacts", contacts);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"{contacts}: mapping: No column is mapped to accountExternalId."]);
    }

    [Fact]
    public async Task Import_Xlsx_ReadsTypedCellsLikeCsv()
    {
        await _cli.Run("import", "accounts", Write("Account.csv", SalesforceAccounts));
        var path = _cli.PathOf("deals.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object> { ["Opportunity Name"] = "Hot strip MES", ["Account Name"] = "华东钢铁集团", ["Amount"] = 950000.5m, ["Close Date"] = new DateTime(2027, 6, 30), ["Stage"] = "Negotiation/Review", ["Currency"] = "CNY" },
        });

        var result = await _cli.Run("import", "opportunities", path);

        result.ExitCode.ShouldBe(0, result.Error);
        var deal = await DbAsync(db => db.Opportunities.SingleAsync(o => o.Name == "Hot strip MES", Ct));
        deal.Objective.Amount.ShouldBe(950_000.5m);
        deal.Objective.CloseDate.ShouldBe(new DateOnly(2027, 6, 30));
        deal.FunnelLevel.ShouldBe(FunnelLevel.BestFew);
        deal.ExternalId.ShouldBeNull();
    }

    [Fact]
    public async Task Import_GroupsThatNameEachOtherAsParent_LinksOneAndReportsTheLoop()
    {
        var file = Write("loop.csv", "Id,Name,ParentId\nL1,Loop one,L2\nL2,Loop two,L1\n");

        var result = await _cli.Run("import", "accounts", file);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"{file}:3: ParentId: An account cannot be its own parent or the parent of its own parent group."]);
        (await DbAsync(db => db.Accounts.SingleAsync(a => a.ExternalId == "L1", Ct))).ParentAccountId.ShouldNotBeNull();
        (await DbAsync(db => db.Accounts.SingleAsync(a => a.ExternalId == "L2", Ct))).ParentAccountId.ShouldBeNull();
    }
}
