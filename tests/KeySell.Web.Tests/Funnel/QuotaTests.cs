using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Funnel;

/// <summary><c>PUT/GET /api/quotas</c> and <c>GET/PUT /api/settings/win-rates</c> (funnel contract: quota and coverage).</summary>
public abstract class QuotaTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Quota-Passw0rd!";

    [Fact]
    public async Task PutQuota_TwiceForOnePeriod_KeepsOneQuotaWithTheLastAmount()
    {
        var admin = await app.CreateAdminClientAsync();
        var (seller, _) = await UserAsync("seller");

        (await admin.PutAsJsonAsync("/api/quotas", new { userId = seller, period = "2027-q2", amount = 500_000m }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await admin.PutAsJsonAsync("/api/quotas", new { userId = seller, period = "2027-Q2", amount = 750_000.5m }, Ct);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await second.ReadObjectAsync();
        body["period"]!.GetValue<string>().ShouldBe("2027-Q2");
        body["amount"]!.GetValue<decimal>().ShouldBe(750_000.5m);
        var stored = await app.WithDbAsync(db => db.Quotas.Where(q => q.UserId == seller).ToListAsync(Ct));
        stored.Count.ShouldBe(1);
        stored[0].Amount.ShouldBe(750_000.5m);
    }

    [Fact]
    public async Task PutQuota_Saved_IsInTheHistory()
    {
        var admin = await app.CreateAdminClientAsync();
        var (seller, _) = await UserAsync("seller");

        await admin.PutAsJsonAsync("/api/quotas", new { userId = seller, period = "2028", amount = 100m }, Ct);
        await admin.PutAsJsonAsync("/api/quotas", new { userId = seller, period = "2028", amount = 200m }, Ct);

        var lines = await app.WithDbAsync(async db =>
        {
            var id = (await db.Quotas.SingleAsync(q => q.UserId == seller, Ct)).Id.ToString();
            return await db.ChangeRecords.Where(c => c.Entity == "quota" && c.EntityId == id).ToListAsync(Ct);
        });
        lines.Select(l => l.Action).ShouldBe(["created", "updated"], ignoreOrder: true);
        lines.Single(l => l.Action == "updated").ShouldSatisfyAllConditions(
            l => l.Field.ShouldBe("amount"), l => Amount(l.Old).ShouldBe(100m), l => Amount(l.New).ShouldBe(200m), l => l.By.ShouldBe(KeySellApp.AdminEmail));
    }

    [Fact]
    public async Task PutQuota_BadFields_Returns400NamingEach()
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.PutAsJsonAsync("/api/quotas", new { userId = "nobody-at-all", period = "2027-Q0", amount = -1m }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["userId", "period", "amount"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("100000000000.01")]
    [InlineData("1.001")]
    public async Task PutQuota_AmountOverTheLimitOrInFractionsOfACent_Returns400(string amount)
    {
        var admin = await app.CreateAdminClientAsync();
        var (seller, _) = await UserAsync("seller");

        var response = await admin.PutAsJsonAsync("/api/quotas", new { userId = seller, period = "2027", amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["amount"]);
    }

    [Fact]
    public async Task PutQuota_ManagerForOwnMemberAndForAnother_200Then403()
    {
        var admin = await app.CreateAdminClientAsync();
        var (seller, _) = await UserAsync("seller");
        var (stranger, _) = await UserAsync("seller");
        var (manager, managerEmail) = await UserAsync("manager");
        await TeamAsync((seller, false), (manager, true));
        var client = await ClientAsync(managerEmail);

        (await client.PutAsJsonAsync("/api/quotas", new { userId = seller, period = "2027", amount = 1m }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await client.PutAsJsonAsync("/api/quotas", new { userId = stranger, period = "2027", amount = 1m }, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.Quotas.AnyAsync(q => q.UserId == stranger, Ct))).ShouldBeFalse();
    }

    [Fact]
    public async Task PutQuota_SellerForThemselves_Returns403()
    {
        var (seller, email) = await UserAsync("seller");

        var response = await (await ClientAsync(email)).PutAsJsonAsync("/api/quotas", new { userId = seller, period = "2027", amount = 1m }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetQuotas_EachCaller_SeesOwnAndManagedOnly()
    {
        var admin = await app.CreateAdminClientAsync();
        var (seller, sellerEmail) = await UserAsync("seller");
        var (teammate, _) = await UserAsync("seller");
        var (manager, managerEmail) = await UserAsync("manager");
        var (stranger, _) = await UserAsync("seller");
        await TeamAsync((seller, false), (teammate, false), (manager, true));
        const string period = "2033-Q3";
        foreach (var user in new[] { seller, teammate, stranger })
            (await admin.PutAsJsonAsync("/api/quotas", new { userId = user, period, amount = 10m }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var asSeller = await UsersListedAsync(await ClientAsync(sellerEmail), period);
        var asManager = await UsersListedAsync(await ClientAsync(managerEmail), period);
        var asAdmin = await UsersListedAsync(admin, period);

        asSeller.ShouldBe([seller]);
        asManager.ShouldBe([seller, teammate], ignoreOrder: true);
        asAdmin.ShouldContain(seller);
        asAdmin.ShouldContain(stranger);
    }

    [Fact]
    public async Task WinRates_PutThenGet_AnswersTheStoredRates()
    {
        var admin = await app.CreateAdminClientAsync();
        try
        {
            var put = await admin.PutAsJsonAsync("/api/settings/win-rates", new { above = 0.15m, @in = 0.3m, bestFew = 0.75m }, Ct);

            put.StatusCode.ShouldBe(HttpStatusCode.OK);
            var read = (await admin.GetFromJsonAsync<JsonObject>("/api/settings/win-rates", Ct))!;
            read["above"]!.GetValue<decimal>().ShouldBe(0.15m);
            read["in"]!.GetValue<decimal>().ShouldBe(0.3m);
            read["bestFew"]!.GetValue<decimal>().ShouldBe(0.75m);
            (await put.ReadObjectAsync()).ToJsonString().ShouldBe(read.ToJsonString());
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/settings/win-rates", new { above = 0.1m, @in = 0.25m, bestFew = 0.6m }, Ct);
        }
    }

    [Fact]
    public async Task WinRates_OutOfRange_Returns400NamingEachField()
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.PutAsJsonAsync("/api/settings/win-rates", new { above = 0m, @in = 1.01m, bestFew = 0.12345m }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["above", "in", "bestFew"], ignoreOrder: true);
    }

    [Fact]
    public async Task WinRates_Missing_Returns400()
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.PutAsJsonAsync("/api/settings/win-rates", new { above = 0.2m }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["in", "bestFew"], ignoreOrder: true);
    }

    // ---- arrangement ---------------------------------------------------------------------------

    private async Task<(string Id, string Email)> UserAsync(string role)
    {
        var admin = await app.CreateAdminClientAsync();
        var email = $"{role}.{Guid.NewGuid():N}@quota.test";
        var created = await (await admin.PostAsJsonAsync("/api/users", new { email, name = Unique(role), role, password = Password }, Ct)).ReadObjectAsync();
        return (created["id"]!.GetValue<string>(), email);
    }

    private async Task TeamAsync(params (string UserId, bool Manager)[] members)
    {
        var admin = await app.CreateAdminClientAsync();
        var team = await (await admin.PostAsJsonAsync("/api/teams", new { name = Unique("Quota team") }, Ct)).ReadObjectAsync();
        var put = await admin.PutAsJsonAsync($"/api/teams/{team.Id()}/members", new { members = members.Select(m => new { userId = m.UserId, manager = m.Manager }).ToArray() }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await KeySellApp.SignInAsync(client, email, Password));
        return client;
    }

    private static decimal Amount(string? json) => JsonNode.Parse(json!)!.GetValue<decimal>();

    private static async Task<List<string>> UsersListedAsync(HttpClient client, string period)
    {
        var page = (await client.GetFromJsonAsync<JsonObject>($"/api/quotas?period={period}&pageSize=200", Ct))!;
        return [.. page["items"]!.AsArray().Select(i => i!["userId"]!.GetValue<string>())];
    }
}

public sealed class QuotaTests_Sqlite(SqliteApp app) : QuotaTests<SqliteApp>(app);
public sealed class QuotaTests_Postgres(PostgresApp app) : QuotaTests<PostgresApp>(app);
