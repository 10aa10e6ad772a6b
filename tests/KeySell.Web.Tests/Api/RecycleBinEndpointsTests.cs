using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Application.RecycleBin;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>Deleting moves to the recycle bin: gone everywhere, restorable by an admin for 30 days, then purged with its history kept.</summary>
public abstract class RecycleBinEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static async Task<JsonArray> BinAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/recycle-bin?pageSize=200", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.ReadObjectAsync())["items"]!.AsArray();
    }

    [Fact]
    public async Task DeleteOpportunity_DisappearsEverywhereAndWaitsInTheBinWithWhoAndWhen()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(Unique("Binned deals"));
        var name = Unique("Cold-rolling MES");
        var deal = (await client.CreateOpportunityAsync(account, name)).Id();

        (await client.DeleteAsync($"/api/opportunities/{deal}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync($"/api/opportunities/{deal}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/opportunities/{deal}/sheet", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await client.GetFromJsonAsync<JsonObject>($"/api/opportunities?search={Uri.EscapeDataString(name)}", Ct);
        list!["totalCount"]!.GetValue<int>().ShouldBe(0);
        var entry = (await BinAsync(client)).Single(e => e!["id"]!.GetValue<Guid>() == deal)!;
        entry["entity"]!.GetValue<string>().ShouldBe("opportunity");
        entry["name"]!.GetValue<string>().ShouldBe(name);
        entry["deletedBy"]!.GetValue<string>().ShouldBe(KeySellApp.AdminEmail);
        var deletedAt = entry["deletedAt"]!.GetValue<DateTimeOffset>();
        deletedAt.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        entry["purgeAfter"]!.GetValue<DateTimeOffset>().ShouldBe(deletedAt.AddDays(30));
    }

    [Fact]
    public async Task Restore_Opportunity_ComesBackWithItsInfluences()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(Unique("Restored deals"));
        var person = await app.PersonAsync(account, "Wang Fang", "CIO");
        var deal = (await client.CreateOpportunityAsync(account, "Group ERP")).Id();
        await client.AddInfluenceAsync(deal, new { personId = person, roles = new[] { "coach" }, influence = "high", support = 4, contact = "frequent", mode = "growth" });
        (await client.DeleteAsync($"/api/opportunities/{deal}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var restored = await client.PostAsync($"/api/recycle-bin/opportunity/{deal}/restore", null, Ct);

        restored.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}", Ct);
        detail!["influences"]!.AsArray().Single()!["personName"]!.GetValue<string>().ShouldBe("Wang Fang");
        (await BinAsync(client)).ShouldNotContain(e => e!["id"]!.GetValue<Guid>() == deal);
    }

    [Fact]
    public async Task DeleteAccount_TakesItsOrgChartAlongAndRestoreBringsItBack()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(Unique("Binned group"));
        var person = await app.PersonAsync(account, "Zhou Min", "CFO");

        (await client.DeleteAsync($"/api/accounts/{account}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/people/{person}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await client.PostAsync($"/api/recycle-bin/account/{account}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/people/{person}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Restore_PersonWhoseAccountIsInTheBin_Returns409NamingTheAccount()
    {
        var client = await app.CreateAdminClientAsync();
        var name = Unique("Parent first");
        var account = await app.AccountAsync(name);
        var person = await app.PersonAsync(account, "Sun Li");
        (await client.DeleteAsync($"/api/people/{person}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync($"/api/accounts/{account}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await client.PostAsync($"/api/recycle-bin/person/{person}/restore", null, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull().ShouldContain(name);
    }

    [Fact]
    public async Task Restore_UnknownEntityOrRecordNotInTheBin_Returns404()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(Unique("Alive"));

        (await client.PostAsync($"/api/recycle-bin/account/{account}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/recycle-bin/planet/{account}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Purge_After30Days_DeletesForGoodButKeepsTheHistory()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await app.AccountAsync(Unique("Purged"));
        var old = (await client.CreateOpportunityAsync(account, "Deleted long ago")).Id();
        var recent = (await client.CreateOpportunityAsync(account, "Deleted last week")).Id();
        (await client.DeleteAsync($"/api/opportunities/{old}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync($"/api/opportunities/{recent}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            await db.Opportunities.IgnoreQueryFilters().Where(o => o.Id == old).ExecuteUpdateAsync(o => o.SetProperty(x => x.DeletedAt, now.AddDays(-31)), Ct);
            await db.Opportunities.IgnoreQueryFilters().Where(o => o.Id == recent).ExecuteUpdateAsync(o => o.SetProperty(x => x.DeletedAt, now.AddDays(-29)), Ct);
        });

        await using (var scope = app.Services.CreateOperatorScope())
            await scope.ServiceProvider.GetRequiredService<PurgeRecycleBin.Handler>().Handle(new PurgeRecycleBin.Command(), Ct);

        (await app.WithDbAsync(db => db.Opportunities.IgnoreQueryFilters().AnyAsync(o => o.Id == old, Ct))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Opportunities.IgnoreQueryFilters().AnyAsync(o => o.Id == recent, Ct))).ShouldBeTrue();
        (await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.OpportunityId == old, Ct))).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task RecycleBin_ForANonAdmin_Returns403()
    {
        var admin = await app.CreateAdminClientAsync();
        var email = $"seller-{Guid.NewGuid():N}@keysell.test";
        (await admin.PostAsJsonAsync("/api/users", new { email, name = "Seller", role = "seller", password = "Seller-Passw0rd!" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var seller = app.CreateClient();
        seller.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(seller, email, "Seller-Passw0rd!"));

        (await seller.GetAsync("/api/recycle-bin", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await seller.PostAsync($"/api/recycle-bin/account/{Guid.NewGuid()}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class RecycleBinEndpointsTests_Sqlite(SqliteApp app) : RecycleBinEndpointsTests<SqliteApp>(app);
public sealed class RecycleBinEndpointsTests_Postgres(PostgresApp app) : RecycleBinEndpointsTests<PostgresApp>(app);
