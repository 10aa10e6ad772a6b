using System.Text.Json.Nodes;
using KeySell.Application.Data;
using KeySell.Application.Money;
using KeySell.Application.Quotas;
using KeySell.Domain.Accounts;
using KeySell.Domain.Money;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli.Tests;

/// <summary><c>keysell funnel</c>: the funnel summary and each member's coverage, figures worked out by hand.</summary>
public sealed class FunnelCommandTests : IAsyncDisposable
{
    private readonly CliSandbox _cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    /// <summary>
    /// Team North: Li (seller, quota 1,000,000 for 2027-Q1) and Ma (seller, no quota); Qian sells in no team.
    /// One USD is 7 CNY; JPY has no rate.
    /// </summary>
    private async Task ArrangeAsync()
    {
        (await _cli.Run("migrate")).ExitCode.ShouldBe(0);
        foreach (var name in new[] { "li", "ma", "qian" })
            (await _cli.Run("users", "create", $"{name}@example.com", "--name", name.ToUpperInvariant(), "--role", "seller", "--password", "Str0ng-Passw0rd!")).ExitCode.ShouldBe(0);
        (await _cli.Run("teams", "create", "North")).ExitCode.ShouldBe(0);
        (await _cli.Run("teams", "members", "North", "--member", "li@example.com", "ma@example.com")).ExitCode.ShouldBe(0);

        await _cli.WithServicesAsync(async services =>
        {
            (await services.GetRequiredService<SaveMoneySettings.Handler>().Handle(
                new SaveMoneySettings.Command("CNY", [new MoneySettings.Rate("USD", 7m)]), Ct)).Succeeded.ShouldBeTrue();
            var li = await services.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == "li@example.com").Select(u => u.Id).SingleAsync(Ct);
            (await services.GetRequiredService<SetQuota.Handler>().Handle(new SetQuota.Command(li, "2027-Q1", 1_000_000m), Ct)).Succeeded.ShouldBeTrue();
            return true;
        });

        await _cli.ChangeAsync(async db =>
        {
            var owner = await db.Users.Where(u => u.ColleagueId != null).ToDictionaryAsync(u => u.Email!, u => u.ColleagueId, Ct);
            var account = new Account { Name = "Harbin Steel" };
            db.Accounts.Add(account);
            void Deal(string name, string email, FunnelLevel level, decimal amount, string currency, DateOnly close, string? product = "Coil line") =>
                db.Opportunities.Add(new Opportunity
                {
                    AccountId = account.Id, Name = name, OwnerId = owner[email], FunnelLevel = level,
                    Objective = new SalesObjective { Product = product, Quantity = 1, Amount = amount, Currency = currency, CloseDate = close },
                });
            Deal("Above in CNY", "li@example.com", FunnelLevel.Above, 100_000m, "CNY", new(2027, 2, 1));
            // In the funnel without any receptive influence: premature.
            Deal("In in USD", "li@example.com", FunnelLevel.In, 10_000m, "USD", new(2027, 3, 1));
            // Best few with no product: the objective is incomplete, so premature.
            Deal("Best few without product", "li@example.com", FunnelLevel.BestFew, 50_000m, "CNY", new(2027, 3, 15), product: null);
            Deal("Won in January", "li@example.com", FunnelLevel.Won, 200_000m, "CNY", new(2027, 1, 20));
            Deal("Above in yen", "li@example.com", FunnelLevel.Above, 1_000_000m, "JPY", new(2027, 2, 10));
            Deal("Closes in May", "li@example.com", FunnelLevel.Above, 999m, "CNY", new(2027, 5, 1));
            Deal("Universe of Ma", "ma@example.com", FunnelLevel.Universe, 5_000m, "CNY", new(2027, 2, 2));
            Deal("Outside the team", "qian@example.com", FunnelLevel.BestFew, 70_000m, "CNY", new(2027, 2, 3));
        });
    }

    [Fact]
    public async Task Funnel_TeamAndQuarterAsJson_CountsSumsAndCoversByHand()
    {
        await ArrangeAsync();

        var result = await _cli.Run("funnel", "--team", "North", "--period", "2027-Q1", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var report = JsonNode.Parse(result.Out)!;
        report["period"]!.GetValue<string>().ShouldBe("2027-Q1");
        var funnel = report["funnel"]!;
        funnel["baseCurrency"]!.GetValue<string>().ShouldBe("CNY");
        funnel["unconverted"]!.GetValue<int>().ShouldBe(1);
        var levels = funnel["levels"]!.AsArray().Select(l => (
            l!["level"]!.GetValue<string>(), l["count"]!.GetValue<int>(), l["amount"]!.GetValue<decimal>(), l["premature"]!.GetValue<int>())).ToList();
        levels.ShouldBe(
        [
            ("universe", 1, 5_000m, 0),
            ("above", 2, 100_000m, 0),
            ("in", 1, 70_000m, 1),
            ("best-few", 1, 50_000m, 1),
            ("won", 1, 200_000m, 0),
            ("lost", 0, 0m, 0),
        ]);

        var members = report["members"]!.AsArray().ToDictionary(m => m!["email"]!.GetValue<string>());
        members.Keys.ShouldBe(["li@example.com", "ma@example.com"], ignoreOrder: true);
        var li = members["li@example.com"]!;
        li["quota"]!.GetValue<decimal>().ShouldBe(1_000_000m);
        li["won"]!.GetValue<decimal>().ShouldBe(200_000m);
        // 100,000 × 0.10 + 70,000 × 0.25 + 50,000 × 0.60 (default win rates; the yen deal has no rate).
        li["weighted"]!.GetValue<decimal>().ShouldBe(57_500m);
        li["coverage"]!.GetValue<decimal>().ShouldBe(0.26m);
        li["gap"]!.GetValue<decimal>().ShouldBe(742_500m);
        var ma = members["ma@example.com"]!;
        ma["quota"].ShouldBeNull();
        ma["weighted"]!.GetValue<decimal>().ShouldBe(0m);
    }

    [Fact]
    public async Task Funnel_Table_ShowsLevelsAndMembersWithoutQuota()
    {
        await ArrangeAsync();

        var result = await _cli.Run("funnel", "--period", "2027-Q1");

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.TrimEntries);
        lines.ShouldContain(l => l.StartsWith("best-few") && l.Contains("120,000.00"));
        lines.ShouldContain(l => l.StartsWith("in ") && l.Contains("70,000.00"));
        lines.ShouldContain(l => l.StartsWith("LI <li@example.com>") && l.Contains("1,000,000.00") && l.Contains("0.26") && l.Contains("742,500.00"));
        lines.ShouldContain(l => l.StartsWith("QIAN <qian@example.com>") && l.Contains("no quota"));
        result.Out.ShouldContain("1 deal(s) have an amount in a currency without a rate to CNY");
    }

    [Fact]
    public async Task Funnel_BadPeriodOrUnknownTeam_ExitsNonZeroWithOneLine()
    {
        await ArrangeAsync();

        var period = await _cli.Run("funnel", "--period", "2027-Q5");
        var team = await _cli.Run("funnel", "--team", "South");

        period.ExitCode.ShouldBe(2);
        period.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("keysell: --period:");
        team.ExitCode.ShouldBe(1);
        team.ErrorLines.ShouldHaveSingleItem().ShouldContain("South");
    }
}
