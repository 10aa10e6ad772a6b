using System.Text.Json.Nodes;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli.Tests;

public sealed class ShareCommandTests : IAsyncDisposable
{
    private const string Chen = "chen.ming@cloudrise.example.com";
    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    private async Task<Guid> SeededDealAsync()
    {
        (await _cli.Run("seed-demo")).ExitCode.ShouldBe(0);
        return await _cli.OpportunityIdAsync("物流园仓储");
    }

    [Fact]
    public async Task Share_WithUserThenUnshare_PrintsShareIdAndRemovesIt()
    {
        var id = await SeededDealAsync();

        var shared = await _cli.Run("share", id.ToString(), "--user", Chen, "--access", "edit");

        shared.ExitCode.ShouldBe(0, shared.Error);
        Guid.TryParse(shared.Out.Trim(), out var shareId).ShouldBeTrue();
        var history = JsonNode.Parse((await _cli.Run("history", "opportunity", id.ToString(), "--json")).Out)!["items"]![0]!;
        history["entity"]!.GetValue<string>().ShouldBe("share");

        var removed = await _cli.Run("unshare", id.ToString(), shareId.ToString());
        removed.ExitCode.ShouldBe(0, removed.Error);
        var again = await _cli.Run("unshare", id.ToString(), shareId.ToString());
        again.ExitCode.ShouldBe(1);
        again.Out.ShouldBeEmpty();
        again.ErrorLines.ShouldHaveSingleItem().ShouldContain(shareId.ToString());
    }

    [Fact]
    public async Task Share_WithTeamByName_PrintsShareId()
    {
        var id = await SeededDealAsync();
        var team = JsonNode.Parse((await _cli.Run("teams", "list", "--json")).Out)!["items"]![0]!["name"]!.GetValue<string>();

        var result = await _cli.Run("share", id.ToString(), "--team", team, "--access", "read");

        result.ExitCode.ShouldBe(0, result.Error);
        Guid.TryParse(result.Out.Trim(), out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Share_NeitherUserNorTeam_ExitsTwoWithOneLine()
    {
        var id = await SeededDealAsync();

        var result = await _cli.Run("share", id.ToString(), "--access", "read");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("keysell: --");
    }

    [Fact]
    public async Task Share_UnknownUser_ExitsTwoNamingTheEmail()
    {
        var id = await SeededDealAsync();

        var result = await _cli.Run("share", id.ToString(), "--user", "nobody@example.com", "--access", "read");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe("keysell: --user nobody@example.com: No user has the email nobody@example.com.");
    }

    [Fact]
    public async Task Share_UnknownOpportunity_ExitsOne()
    {
        await SeededDealAsync();

        var result = await _cli.Run("share", Guid.NewGuid().ToString(), "--user", Chen, "--access", "read");

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AccountTeam_Members_ReplacesTheTeam()
    {
        var id = await SeededDealAsync();
        var account = await _cli.WithServicesAsync(services => services.GetRequiredService<AppDbContext>()
            .Opportunities.Where(o => o.Id == id).Select(o => o.AccountId).SingleAsync(TestContext.Current.CancellationToken));

        var result = await _cli.Run("account-team", account.ToString(), "--member", Chen, "--member", "wang.lei@cloudrise.example.com");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("Chen Ming");
        result.Out.ShouldContain("Wang Lei");
        var unknown = await _cli.Run("account-team", account.ToString(), "--member", "nobody@example.com");
        unknown.ExitCode.ShouldBe(2);
        unknown.Out.ShouldBeEmpty();
    }
}
