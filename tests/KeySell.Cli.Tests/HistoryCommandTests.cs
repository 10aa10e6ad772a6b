using System.Text.Json.Nodes;

namespace KeySell.Cli.Tests;

public sealed class HistoryCommandTests : IAsyncDisposable
{
    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    /// <summary>Seeds the demo and changes one influence's support through <c>sheet import --opportunity</c>.</summary>
    private async Task<Guid> ChangedDealAsync()
    {
        (await _cli.Run("seed-demo")).ExitCode.ShouldBe(0);
        var id = await _cli.OpportunityIdAsync("物流园仓储");
        var sheet = JsonNode.Parse((await _cli.Run("sheet", "export", id.ToString())).Out)!;
        sheet["influences"]![1]!["support"] = 2;
        (await _cli.RunWithInput(sheet.ToJsonString(), "sheet", "import", "-", "--opportunity", id.ToString())).ExitCode.ShouldBe(0);
        return id;
    }

    [Fact]
    public async Task History_ChangeMadeBySheetImport_ShowsItNewestFirstByTheOperator()
    {
        var id = await ChangedDealAsync();

        var result = await _cli.Run("history", "opportunity", id.ToString(), "--json");

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        var items = JsonNode.Parse(result.Out)!["items"]!.AsArray();
        var change = items.First(l => l!["field"]?.GetValue<string>() == "support")!;
        change["by"]!.GetValue<string>().ShouldBe("cli:" + Environment.UserName);
        change["action"]!.GetValue<string>().ShouldBe("updated");
        change["entity"]!.GetValue<string>().ShouldBe("influence");
        change["new"]!.GetValue<int>().ShouldBe(2);
        var times = items.Select(l => DateTimeOffset.Parse(l!["at"]!.GetValue<string>())).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
    }

    [Fact]
    public async Task History_Table_ShowsOldToNew()
    {
        var id = await ChangedDealAsync();

        var result = await _cli.Run("history", "opportunity", id.ToString(), "--since", DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"));

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldMatch(@"AT\s+BY\s+ACTION\s+ENTITY\s+FIELD\s+OLD → NEW");
        result.Out.ShouldMatch($@"cli:{Environment.UserName}\s+updated\s+influence\s+support\s+-?\d+ → 2");
    }

    [Fact]
    public async Task History_SinceTheFuture_PrintsOnlyTheHeader()
    {
        var id = await ChangedDealAsync();

        var result = await _cli.Run("history", "opportunity", id.ToString(), "--since", "2999-01-01", "--json");

        result.ExitCode.ShouldBe(0);
        JsonNode.Parse(result.Out)!["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task History_UnknownOpportunity_ExitsOneWithOneLine()
    {
        await _cli.Run("migrate");
        var unknown = Guid.NewGuid();

        var result = await _cli.Run("history", "opportunity", unknown.ToString());

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain(unknown.ToString());
    }

    [Theory]
    [InlineData("history", "deal", "0c6f1b2e-5d7a-4c1e-9a43-2f8d6b1e7c90")]
    [InlineData("history", "account", "not-a-guid")]
    [InlineData("history", "person", "0c6f1b2e-5d7a-4c1e-9a43-2f8d6b1e7c90", "--since", "yesterday")]
    [InlineData("sheet", "export", "0c6f1b2e-5d7a-4c1e-9a43-2f8d6b1e7c90", "--at", "noon")]
    public async Task History_BadInput_ExitsTwoWithoutStdout(params string[] args)
    {
        var result = await _cli.Run(args);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines[0].ShouldStartWith("keysell: ");
    }

    [Fact]
    public async Task SheetExportAt_BeforeTheChange_GivesTheOldSheet()
    {
        var before = DateTimeOffset.UtcNow;
        (await _cli.Run("seed-demo")).ExitCode.ShouldBe(0);
        var id = await _cli.OpportunityIdAsync("物流园仓储");
        var seeded = (await _cli.Run("sheet", "export", id.ToString())).Out;
        var old = JsonNode.Parse(seeded)!["influences"]![1]!["support"]!.GetValue<int>();
        await Task.Delay(20, TestContext.Current.CancellationToken);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20, TestContext.Current.CancellationToken);
        var sheet = JsonNode.Parse(seeded)!;
        sheet["influences"]![1]!["support"] = old == 2 ? 3 : 2;
        (await _cli.RunWithInput(sheet.ToJsonString(), "sheet", "import", "-", "--opportunity", id.ToString())).ExitCode.ShouldBe(0);

        var result = await _cli.Run("sheet", "export", id.ToString(), "--at", between.ToString("O"));

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        // Matched by name: the rebuilt sheet need not list influences in the same order.
        var name = sheet["influences"]![1]!["name"]!.GetValue<string>();
        JsonNode.Parse(result.Out)!["influences"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == name)!["support"]!.GetValue<int>().ShouldBe(old);
        before.ShouldBeLessThan(between);
    }

    [Fact]
    public async Task SheetExportAt_BeforeCreation_ExitsOneWithAClearLine()
    {
        (await _cli.Run("seed-demo")).ExitCode.ShouldBe(0);
        var id = await _cli.OpportunityIdAsync("物流园仓储");

        var result = await _cli.Run("sheet", "export", id.ToString(), "--at", "2000-01-01");

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe("keysell: The opportunity did not exist yet at 2000-01-01 00:00:00Z.");
    }
}
