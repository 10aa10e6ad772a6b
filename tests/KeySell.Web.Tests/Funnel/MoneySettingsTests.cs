using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Funnel;

/// <summary>The team's base currency and rate table (funnel contract: money).</summary>
public abstract class MoneySettingsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    [Fact]
    public async Task PutMoney_NewTable_AnswersAsTheGetWithTheBaseAtRateOne()
    {
        var admin = await app.CreateAdminClientAsync();

        var put = await admin.PutAsJsonAsync("/api/settings/money",
            new { baseCurrency = "USD", rates = new object[] { new { currency = "CNY", rateToBase = 0.14m }, new { currency = "EUR", rateToBase = 1.08m } } }, Ct);

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var answered = await put.ReadObjectAsync();
        answered["baseCurrency"]!.GetValue<string>().ShouldBe("USD");
        Rates(answered).ShouldBe(new Dictionary<string, decimal> { ["USD"] = 1m, ["CNY"] = 0.14m, ["EUR"] = 1.08m });
        var read = await admin.GetFromJsonAsync<JsonObject>("/api/settings/money", Ct);
        read!.ToJsonString().ShouldBe(answered.ToJsonString());
    }

    [Fact]
    public async Task PutMoney_RemovedCurrency_IsGoneFromTheTable()
    {
        var admin = await app.CreateAdminClientAsync();
        await admin.PutAsJsonAsync("/api/settings/money", new { baseCurrency = "CNY", rates = new object[] { new { currency = "USD", rateToBase = 7.2m }, new { currency = "JPY", rateToBase = 0.048m } } }, Ct);

        var put = await admin.PutAsJsonAsync("/api/settings/money", new { baseCurrency = "CNY", rates = new object[] { new { currency = "USD", rateToBase = 7.1m } } }, Ct);

        Rates(await put.ReadObjectAsync()).ShouldBe(new Dictionary<string, decimal> { ["CNY"] = 1m, ["USD"] = 7.1m });
    }

    [Fact]
    public async Task PutMoney_BadRates_Returns400NamingEachField()
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.PutAsJsonAsync("/api/settings/money", new
        {
            baseCurrency = "CNY",
            rates = new object[]
            {
                new { currency = "CNY", rateToBase = 2m },
                new { currency = "USD", rateToBase = 0m },
                new { currency = "XYZW", rateToBase = 1m },
                new { currency = "EUR", rateToBase = 7.8m },
                new { currency = "EUR", rateToBase = 7.9m },
            },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys
            .ShouldBe(["rates[0].rateToBase", "rates[1].rateToBase", "rates[2].currency", "rates[4].currency"], ignoreOrder: true);
    }

    [Fact]
    public async Task PutMoney_NoBaseCurrency_Returns400()
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.PutAsJsonAsync("/api/settings/money", new { rates = Array.Empty<object>() }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["baseCurrency"]);
    }

    [Fact]
    public async Task PutMoney_Saved_IsInTheHistory()
    {
        var admin = await app.CreateAdminClientAsync();

        await admin.PutAsJsonAsync("/api/settings/money", new { baseCurrency = "CNY", rates = new object[] { new { currency = "GBP", rateToBase = 9.1m } } }, Ct);

        var lines = await app.WithDbAsync(db => Task.FromResult(db.ChangeRecords.Where(c => c.Entity == "currencyRate" && c.EntityId == "GBP").ToList()));
        lines.ShouldNotBeEmpty();
        lines[0].By.ShouldBe(KeySellApp.AdminEmail);
    }

    private static Dictionary<string, decimal> Rates(JsonObject body) =>
        body["rates"]!.AsArray().ToDictionary(r => r!["currency"]!.GetValue<string>(), r => r!["rateToBase"]!.GetValue<decimal>());
}

public sealed class MoneySettingsTests_Sqlite(SqliteApp app) : MoneySettingsTests<SqliteApp>(app);
public sealed class MoneySettingsTests_Postgres(PostgresApp app) : MoneySettingsTests<PostgresApp>(app);
