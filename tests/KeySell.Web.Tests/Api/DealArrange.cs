using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Domain.Accounts;
using KeySell.Domain.Colleagues;
using KeySell.Domain.OrgCharts;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Tests.Api;

/// <summary>Puts accounts, people and colleagues straight into the database, and deals through the API.</summary>
internal static class DealArrange
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    public static Task<Guid> AccountAsync(this KeySellApp app, string name) => app.WithDbAsync(async db =>
    {
        var account = db.Accounts.Add(new Account { Name = name }).Entity;
        await db.SaveChangesAsync();
        return account.Id;
    });

    public static Task<Guid> PersonAsync(this KeySellApp app, Guid accountId, string name, string? title = null) => app.WithDbAsync(async db =>
    {
        var person = db.People.Add(new Person { AccountId = accountId, Name = name, Title = title }).Entity;
        await db.SaveChangesAsync();
        return person.Id;
    });

    public static Task<Guid> ColleagueAsync(this KeySellApp app, string name) => app.WithDbAsync(async db =>
    {
        var colleague = db.Colleagues.Add(new Colleague { Name = name }).Entity;
        await db.SaveChangesAsync();
        return colleague.Id;
    });

    public static Task<Guid> AdminColleagueIdAsync(this KeySellApp app) => app.WithDbAsync(async db =>
        (await db.Users.SingleAsync(u => u.UserName == KeySellApp.AdminEmail)).ColleagueId!.Value);

    public static async Task<JsonObject> CreateOpportunityAsync(this HttpClient client, Guid accountId, string name, Guid? ownerId = null)
    {
        var response = await client.PostAsJsonAsync("/api/opportunities", new
        {
            accountId,
            name,
            objective = new { product = "ERP suite", quantity = 1, amount = 1200000, currency = "CNY", closeDate = "2027-03-31" },
            engagement = "before-project",
            funnelLevel = "in",
            expectedOutcome = "win-win",
            ownerId,
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    public static async Task<JsonObject> AddInfluenceAsync(this HttpClient client, Guid opportunityId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/opportunities/{opportunityId}/influences", body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

    public static Guid Id(this JsonNode node) => node["id"]!.GetValue<Guid>();

    public static int Version(this JsonNode node) => node["version"]!.GetValue<int>();
}
