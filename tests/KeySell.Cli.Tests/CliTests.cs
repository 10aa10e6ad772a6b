using System.Text.Json.Nodes;

namespace KeySell.Cli.Tests;

public sealed class CliTests : IAsyncDisposable
{
    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    private async Task SeedAsync() => (await _cli.Run("seed-demo")).ExitCode.ShouldBe(0);

    [Fact]
    public async Task Migrate_EmptyDirectory_CreatesDatabaseAndListsTheMigration()
    {
        var result = await _cli.Run("migrate");

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldContain("Applied 19 migration(s)");
        result.Out.ShouldContain("_Initial");
        File.Exists(_cli.PathOf("keysell.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Migrate_SecondRun_SaysUpToDate()
    {
        await _cli.Run("migrate");

        var result = await _cli.Run("migrate");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("up to date");
        result.Out.ShouldNotContain("_Initial");
    }

    [Fact]
    public async Task SeedDemo_NewDirectory_MigratesAndPrintsCounts()
    {
        var result = await _cli.Run("seed-demo");

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldContain("Applied 19 migration(s)");
        result.Out.ShouldMatch(@"Seeded the demo: \d+ accounts, \d+ people, \d+ opportunities\.");
        (await _cli.OpportunityCountAsync()).ShouldBeGreaterThanOrEqualTo(4);
        // A newcomer can sign in as each role of the demo team.
        result.Out.ShouldContain("Demo team sign-ins");
        foreach (var line in new[] { @"seller\s+chen\.ming@", @"manager\s+zhao\.qing@", @"viewer\s+sun\.hao@", @"seller\s+wang\.lei@" })
            result.Out.ShouldMatch(line);
    }

    [Fact]
    public async Task SeedDemo_DatabaseAlreadySeeded_SaysSoAndAddsNothing()
    {
        await SeedAsync();
        var before = await _cli.OpportunityCountAsync();

        var result = await _cli.Run("seed-demo");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("already has accounts");
        (await _cli.OpportunityCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task SheetExport_ImportAsNew_ExportAgain_GivesTheSameSheet()
    {
        await SeedAsync();
        var id = await _cli.OpportunityIdAsync("冷轧 MES");

        var exported = await _cli.Run("sheet", "export", id.ToString());
        exported.ExitCode.ShouldBe(0);
        exported.Error.ShouldBeEmpty();
        var sheetFile = _cli.PathOf("mes.json");
        await File.WriteAllTextAsync(sheetFile, exported.Out, TestContext.Current.CancellationToken);

        var imported = await _cli.Run("sheet", "import", sheetFile);
        imported.ExitCode.ShouldBe(0);
        imported.Error.ShouldBeEmpty();
        var newId = Guid.Parse(imported.Out.Trim());
        newId.ShouldNotBe(id);

        var again = await _cli.Run("sheet", "export", newId.ToString());
        again.ExitCode.ShouldBe(0);
        JsonNode.DeepEquals(JsonNode.Parse(again.Out), JsonNode.Parse(exported.Out)).ShouldBeTrue(again.Out);
        exported.Out.ShouldContain("\"status\": \"left-company\"");
    }

    [Fact]
    public async Task SheetExport_Output_WritesTheFileAndNothingToStdout()
    {
        await SeedAsync();
        var id = await _cli.OpportunityIdAsync("集团 ERP");
        var file = _cli.PathOf("erp.json");

        var result = await _cli.Run("sheet", "export", id.ToString(), "--output", file);

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldBeEmpty();
        var sheet = JsonNode.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))!;
        sheet["schema"]!.GetValue<string>().ShouldBe("keysell.strategy-sheet/2");
        sheet["opportunity"]!["funnelLevel"]!.GetValue<string>().ShouldBe("best-few");
    }

    [Fact]
    public async Task SheetImport_StdinWithOpportunity_ReplacesThatOpportunitysSheet()
    {
        await SeedAsync();
        var id = await _cli.OpportunityIdAsync("物流园仓储");
        var sheet = JsonNode.Parse((await _cli.Run("sheet", "export", id.ToString())).Out)!;
        sheet["influences"]![1]!["support"] = 2;
        var count = await _cli.OpportunityCountAsync();

        var result = await _cli.RunWithInput(sheet.ToJsonString(), "sheet", "import", "-", "--opportunity", id.ToString());

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        (await _cli.OpportunityCountAsync()).ShouldBe(count);
        var after = JsonNode.Parse((await _cli.Run("sheet", "export", id.ToString())).Out)!;
        after["influences"]![1]!["support"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task SheetImport_BadSheet_ExitsTwoWithOneLinePerProblemAndEmptyStdout()
    {
        await SeedAsync();
        var file = _cli.PathOf("sheet.json");
        await File.WriteAllTextAsync(file, """
            {
              "schema": "keysell.strategy-sheet/1",
              "opportunity": { "name": "Bad", "account": "Nobody", "engagement": "late" },
              "influences": [
                { "id": "a", "name": "A", "support": 1 },
                { "id": "b", "name": "B", "support": 9 }
              ]
            }
            """, TestContext.Current.CancellationToken);
        var count = await _cli.OpportunityCountAsync();

        var result = await _cli.Run("sheet", "import", file);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.Length.ShouldBe(2);
        result.ErrorLines.ShouldContain(line => line.StartsWith($"{file}: $.influences[1].support: "));
        result.ErrorLines.ShouldContain(line => line.StartsWith($"{file}: $.opportunity.engagement: "));
        result.Error.ShouldNotContain("   at ");
        (await _cli.OpportunityCountAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task SheetImport_MissingFile_ExitsTwoNamingTheFile()
    {
        var result = await _cli.Run("sheet", "import", _cli.PathOf("nowhere.json"));

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldContain("nowhere.json");
    }

    [Fact]
    public async Task SheetExport_UnknownId_ExitsOneWithOneLineAndEmptyStdout()
    {
        await _cli.Run("migrate");
        var unknown = Guid.NewGuid();

        var result = await _cli.Run("sheet", "export", unknown.ToString());

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("keysell: ");
        result.Error.ShouldContain(unknown.ToString());
    }

    [Fact]
    public async Task SheetExport_DatabaseNotMigrated_ExitsOneSayingToMigrate()
    {
        var result = await _cli.Run("sheet", "export", Guid.NewGuid().ToString());

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("keysell migrate");
    }

    [Fact]
    public async Task SheetImport_UnknownOpportunity_ExitsOne()
    {
        await SeedAsync();
        var id = await _cli.OpportunityIdAsync("集团 ERP");
        var sheet = (await _cli.Run("sheet", "export", id.ToString())).Out;

        var result = await _cli.RunWithInput(sheet, "sheet", "import", "-", "--opportunity", Guid.NewGuid().ToString());

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Analyze_ExportedSheetOfCoachLeftDeal_ReportsCoachGoneInTheChosenLanguage()
    {
        await SeedAsync();
        var id = await _cli.OpportunityIdAsync("冷轧 MES");
        var sheetFile = _cli.PathOf("mes.json");
        (await _cli.Run("sheet", "export", id.ToString(), "--output", sheetFile)).ExitCode.ShouldBe(0);

        var english = await _cli.Run("analyze", sheetFile, "--as-of", "2026-11-27");
        var chinese = await _cli.Run("analyze", sheetFile, "--as-of", "2026-11-27", "--lang", "zh-CN");

        english.ExitCode.ShouldBe(0);
        english.Error.ShouldBeEmpty();
        var analysis = JsonNode.Parse(english.Out)!;
        analysis["asOf"]!.GetValue<string>().ShouldBe("2026-11-27");
        var coachGone = analysis["redFlags"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "coach-gone")!;
        coachGone["influence"]!.GetValue<string>().ShouldBe("qian-lixin");
        coachGone["addressedBy"]!.AsArray().Count.ShouldBe(1);
        analysis["funnel"]!["level"]!.GetValue<string>().ShouldBe("in");
        var chineseFlag = JsonNode.Parse(chinese.Out)!["redFlags"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "coach-gone")!;
        chineseFlag["message"]!.GetValue<string>().ShouldNotBe(coachGone["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Analyze_SheetFromStdinWithoutDatabase_PrintsTheAnalysis()
    {
        const string sheet = """
            {
              "schema": "keysell.strategy-sheet/1",
              "asOf": "2026-11-26",
              "opportunity": { "name": "ERP", "account": "East China Steel Group", "engagement": "after-tender" },
              "influences": [ { "id": "li-wei", "name": "Li Wei", "roles": ["economic"], "mode": "even-keel" } ]
            }
            """;

        var result = await _cli.RunWithInput(sheet, "analyze", "-");

        result.ExitCode.ShouldBe(0);
        var ids = JsonNode.Parse(result.Out)!["redFlags"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();
        ids.ShouldContain("late-entry");
        ids.ShouldContain("unreceptive-economic-buyer");
        File.Exists(_cli.PathOf("keysell.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Analyze_FitThreshold_TeamSettingAppliesAndOptionWins()
    {
        const string sheet = """
            { "schema": "keysell.strategy-sheet/1", "asOf": "2026-11-26",
              "opportunity": { "name": "ERP", "account": "A", "idealCustomerScore": 1.5 } }
            """;
        static bool PoorFit(CliResult result) =>
            JsonNode.Parse(result.Out)!["redFlags"]!.AsArray().Any(f => f!["id"]!.GetValue<string>() == "poor-fit");

        PoorFit(await _cli.RunWithInput(sheet, "analyze", "-")).ShouldBeFalse();
        _cli.Settings["KeySell:Analysis:FitThreshold"] = "2";
        PoorFit(await _cli.RunWithInput(sheet, "analyze", "-")).ShouldBeTrue();
        PoorFit(await _cli.RunWithInput(sheet, "analyze", "-", "--fit-threshold", "1")).ShouldBeFalse();
    }

    [Fact]
    public async Task Analyze_BadSheet_ExitsTwoWithThePathOfEachProblem()
    {
        var result = await _cli.RunWithInput("""{ "schema": "keysell.strategy-sheet/1", "opportunity": { "name": "", "account": "A" }, "extra": 1 }""",
            "analyze", "-");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldAllBe(line => line.StartsWith("stdin: $."));
        result.ErrorLines.Length.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [InlineData("sheet", "export", "not-a-guid")]
    [InlineData("sheet", "export")]
    [InlineData("no-such-command")]
    [InlineData("analyze", "sheet.json", "--lang", "fr")]
    [InlineData("analyze", "sheet.json", "--as-of", "yesterday")]
    public async Task Run_BadArguments_ExitsTwoWithoutStackTrace(params string[] args)
    {
        var result = await _cli.Run(args);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldStartWith("keysell: ");
        result.Error.ShouldNotContain("   at ");
        result.ErrorLines.ShouldAllBe(line => line.StartsWith("keysell: ") || line.StartsWith("See 'keysell"));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("migrate", "--help")]
    [InlineData("seed-demo", "--help")]
    [InlineData("sheet", "--help")]
    [InlineData("sheet", "export", "--help")]
    [InlineData("sheet", "import", "--help")]
    [InlineData("analyze", "--help")]
    public async Task Help_EachCommand_ExitsZeroWithUsage(params string[] args)
    {
        var result = await _cli.Run(args);

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldContain("Usage:");
        result.Out.ShouldContain("Description:");
    }
}
