using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Application.Opportunities;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Web.Tests.Api;

public abstract class CountRedFlagsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Count_Deals_EqualsTheAnalysisAndSkipsUnknownIds()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(DealArrange.Unique("Counted"));
        var cfo = await app.PersonAsync(account, "Li Wei", "CFO");
        var covered = (await client.CreateOpportunityAsync(account, "ERP rollout")).Id();
        await client.AddInfluenceAsync(covered, new
        {
            personId = cfo, roles = new[] { "economic" }, influence = "high", support = 1, contact = "occasional", mode = "even-keel",
            wins = new[] { "recognition" },
        });
        var empty = (await client.CreateOpportunityAsync(account, "Spare parts")).Id();
        var gone = Guid.NewGuid();

        await using var scope = app.Services.CreateOperatorScope();
        var counts = await scope.ServiceProvider.GetRequiredService<CountRedFlags.Handler>().Handle(new([covered, empty, gone]), Ct);

        counts.Keys.ShouldBe([covered, empty], ignoreOrder: true);
        foreach (var id in new[] { covered, empty })
        {
            var analysis = await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{id}/analysis", Ct);
            counts[id].ShouldBe(analysis!["redFlags"]!.AsArray().Count, $"count for {id}");
        }
        counts[covered].ShouldBe(7);
    }
}

public sealed class CountRedFlagsTests_Sqlite(SqliteApp app) : CountRedFlagsTests<SqliteApp>(app);
public sealed class CountRedFlagsTests_Postgres(PostgresApp app) : CountRedFlagsTests<PostgresApp>(app);
