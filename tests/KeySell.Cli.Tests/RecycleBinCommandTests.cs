using System.Text.Json.Nodes;
using KeySell.Application.RecycleBin;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Cli.Tests;

public sealed class RecycleBinCommandTests : IAsyncDisposable
{
    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    /// <summary>Seeds the demo and deletes one deal as the web app would, <paramref name="ago"/> ago.</summary>
    private async Task<Guid> DeletedDealAsync(TimeSpan ago = default)
    {
        (await _cli.Run("seed-demo")).ExitCode.ShouldBe(0);
        var id = await _cli.OpportunityIdAsync("物流园仓储");
        await _cli.ChangeAsync(async db =>
        {
            var deal = await db.Opportunities.SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
            db.MoveToRecycleBin(deal);
            deal.DeletedAt -= ago;
        }, by: "zhao.qing@cloudrise.example.com");
        return id;
    }

    [Fact]
    public async Task RecycleBinRestore_DeletedOpportunity_BringsItBack()
    {
        var id = await DeletedDealAsync();
        (await _cli.Run("sheet", "export", id.ToString())).ExitCode.ShouldBe(1);

        var result = await _cli.Run("recycle-bin", "restore", "opportunity", id.ToString());

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldContain(id.ToString());
        (await _cli.Run("sheet", "export", id.ToString())).ExitCode.ShouldBe(0);
        var history = JsonNode.Parse((await _cli.Run("history", "opportunity", id.ToString(), "--json")).Out)!["items"]![0]!;
        history["action"]!.GetValue<string>().ShouldBe("restored");
        history["by"]!.GetValue<string>().ShouldBe("cli:" + Environment.UserName);
    }

    [Fact]
    public async Task RecycleBinList_Json_ShowsTheDeletedDealWithWhoAndWhen()
    {
        var id = await DeletedDealAsync();

        var result = await _cli.Run("recycle-bin", "list", "--json");

        result.ExitCode.ShouldBe(0);
        var entry = JsonNode.Parse(result.Out)!["items"]!.AsArray().ShouldHaveSingleItem()!;
        entry["entity"]!.GetValue<string>().ShouldBe("opportunity");
        entry["id"]!.GetValue<string>().ShouldBe(id.ToString());
        entry["deletedBy"]!.GetValue<string>().ShouldBe("zhao.qing@cloudrise.example.com");
    }

    [Fact]
    public async Task RecycleBinList_Table_NamesTheDeal()
    {
        var id = await DeletedDealAsync();

        var result = await _cli.Run("recycle-bin", "list");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldMatch($@"zhao\.qing@cloudrise\.example\.com\s+opportunity\s+{id}\s+.*物流园仓储");
    }

    [Fact]
    public async Task RecycleBinRestore_NotInTheBin_ExitsOneWithOneLine()
    {
        (await _cli.Run("seed-demo")).ExitCode.ShouldBe(0);
        var id = await _cli.OpportunityIdAsync("物流园仓储");

        var result = await _cli.Run("recycle-bin", "restore", "opportunity", id.ToString());

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("is not in the recycle bin");
    }

    [Theory]
    [InlineData("deal", "0c6f1b2e-5d7a-4c1e-9a43-2f8d6b1e7c90")]
    [InlineData("person", "nope")]
    public async Task RecycleBinRestore_BadInput_ExitsTwo(string kind, string id)
    {
        var result = await _cli.Run("recycle-bin", "restore", kind, id);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines[0].ShouldStartWith("keysell: ");
    }

    [Fact]
    public async Task RecycleBinPurge_OlderThanThirtyDays_PurgesItAndPrintsCounts()
    {
        var id = await DeletedDealAsync(ago: RecycleBinRules.KeptFor + TimeSpan.FromDays(1));

        var result = await _cli.Run("recycle-bin", "purge");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.Trim().ShouldBe("Purged 1 opportunities, 0 people, 0 accounts.");
        (await _cli.Run("recycle-bin", "restore", "opportunity", id.ToString())).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task RecycleBinPurge_RecentDelete_KeepsIt()
    {
        await DeletedDealAsync();

        var result = await _cli.Run("recycle-bin", "purge");

        result.ExitCode.ShouldBe(0);
        result.Out.Trim().ShouldBe("Purged 0 opportunities, 0 people, 0 accounts.");
        JsonNode.Parse((await _cli.Run("recycle-bin", "list", "--json")).Out)!["totalCount"]!.GetValue<int>().ShouldBe(1);
    }
}
