using KeySell.Application.Data;
using KeySell.Application.Funnel;
using KeySell.Domain.Accounts;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Opportunities;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Funnel;

/// <summary>
/// A funnel board column: one level's deals in the work queue's order inside a level — earliest close date first
/// (none last), then the largest amount in the base currency (no amount or no rate last), then the name — read along
/// the board's index for won and lost as for the open levels.
/// </summary>
public abstract class FunnelBoardOrderTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    [Theory]
    [InlineData(FunnelLevel.Above)]
    [InlineData(FunnelLevel.Won)]
    public async Task Column_DealsOfOneOwner_InCloseDateThenAmountThenNameOrder(FunnelLevel level)
    {
        var owner = Guid.Empty;
        var prefix = Unique("Board");
        await app.WithDbAsync(async db =>
        {
            var account = new Account { Name = Unique("Board account") };
            var seller = new Colleague { Name = Unique("Board seller") };
            db.AddRange(account, seller);
            Opportunity Deal(string name, string? close, decimal? amount, string? currency, FunnelLevel at) => new()
            {
                Account = account, Owner = seller, Name = $"{prefix} {name}", FunnelLevel = at,
                Objective = new SalesObjective { Amount = amount, Currency = currency, CloseDate = close is null ? null : DateOnly.Parse(close, System.Globalization.CultureInfo.InvariantCulture) },
            };
            db.Opportunities.AddRange(
                Deal("A", "2027-01-10", 100m, "CNY", level),
                Deal("B", "2027-01-10", 500m, "CNY", level),
                Deal("C", "2027-01-05", 1m, "CNY", level),
                Deal("D", null, 1000m, "CNY", level),
                Deal("E", "2027-01-10", null, null, level),
                Deal("F", "2027-01-10", 900m, "XTS", level),          // no rate for XTS: unconverted, after every converted amount
                Deal("G", "2027-01-01", 5m, "CNY", level == FunnelLevel.Won ? FunnelLevel.Lost : FunnelLevel.In));   // another column
            await db.SaveChangesAsync(Ct);
            owner = seller.Id;
        });

        await using var scope = app.Services.CreateOperatorScope();
        var handler = new ListFunnelBoard.Handler(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        var cards = (await handler.Handle(new ListFunnelBoard.Query(level, "all", OwnerId: owner), Ct)).Value;

        cards.Select(c => c.Name[(prefix.Length + 1)..]).ShouldBe(["C", "B", "A", "E", "F", "D"]);
    }
}

public sealed class FunnelBoardOrderTests_Sqlite(SqliteApp app) : FunnelBoardOrderTests<SqliteApp>(app);
public sealed class FunnelBoardOrderTests_Postgres(PostgresApp app) : FunnelBoardOrderTests<PostgresApp>(app);
