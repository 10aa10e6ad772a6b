using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using KeySell.Web.Tests.Api;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Lists;

/// <summary>
/// Search by any part of a name (decision 0012): Chinese and English pieces of one, two and three or more characters,
/// English in any case, and the index following renames and deletes. Each test scopes the list to an account of its own
/// whose name holds none of the searched characters, so other tests' deals cannot answer for it.
/// </summary>
public abstract class NameSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Target = "华东钢铁 ERP Rollout";
    private const string Other = "Warehouse 仓库 upgrade";

    [Theory]
    [InlineData("钢")]
    [InlineData("钢铁")]
    [InlineData("东钢铁")]
    [InlineData("华东钢铁")]
    [InlineData("l")]
    [InlineData("RP")]
    [InlineData("erp")]
    [InlineData("ERP ROLL")]
    [InlineData("铁 E")]
    [InlineData("rollout")]
    public async Task ListOpportunities_PartOfTheName_FindsOnlyTheDealsContainingIt(string search)
    {
        var (client, accountId, target, _) = await ArrangeAsync();

        var page = await SearchDealsAsync(client, accountId, search);

        Names(page).ShouldBe([Target]);
        page["totalCount"]!.GetValue<int>().ShouldBe(1);
        page["totalIsEstimate"]!.GetValue<bool>().ShouldBeFalse();
        page["items"]![0]!.Id().ShouldBe(target);
    }

    [Theory]
    [InlineData("仓")]
    [InlineData("仓库")]
    [InlineData("库 u")]
    [InlineData("WAREHOUSE")]
    public async Task ListOpportunities_PartOfTheOtherName_FindsTheOtherDeal(string search)
    {
        var (client, accountId, _, _) = await ArrangeAsync();

        Names(await SearchDealsAsync(client, accountId, search)).ShouldBe([Other]);
    }

    [Theory]
    [InlineData("钢仓")]
    [InlineData("ERPX")]
    [InlineData("铁钢")]
    [InlineData("x")]
    public async Task ListOpportunities_TextInNoName_FindsNothing(string search)
    {
        var (client, accountId, _, _) = await ArrangeAsync();

        var page = await SearchDealsAsync(client, accountId, search);

        Names(page).ShouldBeEmpty();
        page["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task ListOpportunities_AfterRename_FindsTheNewNameAndNotTheOld()
    {
        var (client, accountId, target, _) = await ArrangeAsync();
        (await client.PutAsJsonAsync($"/api/opportunities/{target}", new { version = 1, name = "上海 CRM" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Names(await SearchDealsAsync(client, accountId, "钢")).ShouldBeEmpty();
        Names(await SearchDealsAsync(client, accountId, "erp")).ShouldBeEmpty();
        Names(await SearchDealsAsync(client, accountId, "上")).ShouldBe(["上海 CRM"]);
        Names(await SearchDealsAsync(client, accountId, "crm")).ShouldBe(["上海 CRM"]);
    }

    [Fact]
    public async Task ListOpportunities_AfterDelete_NoLongerFindsTheDeal()
    {
        var (client, accountId, _, other) = await ArrangeAsync();

        (await client.DeleteAsync($"/api/opportunities/{other}?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        Names(await SearchDealsAsync(client, accountId, "仓")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListOpportunities_PartOfTheAccountName_FindsTheAccountsDeals()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Ω 深圳鹏城"));
        await client.CreateOpportunityAsync(accountId, "Ω One");
        await client.CreateOpportunityAsync(accountId, "Ω Two");

        Names(await SearchDealsAsync(client, accountId, "鹏")).ShouldBe(["Ω One", "Ω Two"]);
        Names(await SearchDealsAsync(client, accountId, "深圳鹏")).ShouldBe(["Ω One", "Ω Two"]);
    }

    [Theory]
    [InlineData("津")]
    [InlineData("天津")]
    [InlineData("天津港")]
    [InlineData("HARBOUR")]
    [InlineData("bo")]
    public async Task ListAccounts_PartOfTheName_FindsTheAccount(string search)
    {
        var client = await app.CreateAdminClientAsync();
        var name = Unique("天津港 Harbour");
        var accountId = await app.AccountAsync(name);

        var page = await client.GetObjectAsync($"/api/accounts?search={Uri.EscapeDataString(search)}&pageSize=200");

        page["items"]!.AsArray().Select(i => i!.Id()).ShouldContain(accountId);
    }

    [Fact]
    public async Task ListAccounts_AfterRename_FindsTheNewNameAndNotTheOld()
    {
        var client = await app.CreateAdminClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var accountId = await app.AccountAsync($"旧名 {tag}");
        (await client.PutAsJsonAsync($"/api/accounts/{accountId}", new { name = $"新名 {tag}", version = 1 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.GetObjectAsync($"/api/accounts?search={Uri.EscapeDataString("旧名 " + tag)}"))["totalCount"]!.GetValue<int>().ShouldBe(0);
        (await client.GetObjectAsync($"/api/accounts?search={Uri.EscapeDataString("新名 " + tag)}"))["items"]!.AsArray()
            .ShouldHaveSingleItem()!.Id().ShouldBe(accountId);
    }

    [Fact]
    public async Task ListOpportunities_SearchLongerThanTheLimit_Returns400NamingSearch()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.GetAsync($"/api/opportunities?search={new string('a', 201)}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["search"]);
    }

    private async Task<(HttpClient Client, Guid AccountId, Guid Target, Guid Other)> ArrangeAsync()
    {
        var client = await app.CreateAdminClientAsync();
        // Only "Ω", a space and hex digits: none of the searched characters.
        var accountId = await app.AccountAsync(Unique("Ω"));
        var target = (await client.CreateOpportunityAsync(accountId, Target)).Id();
        var other = (await client.CreateOpportunityAsync(accountId, Other)).Id();
        return (client, accountId, target, other);
    }

    private static Task<JsonObject> SearchDealsAsync(HttpClient client, Guid accountId, string search) =>
        client.GetObjectAsync($"/api/opportunities?accountId={accountId}&search={Uri.EscapeDataString(search)}&pageSize=200");

    private static string[] Names(JsonObject page) => page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
}

public sealed class NameSearchTests_Sqlite(SqliteApp app) : NameSearchTests<SqliteApp>(app);

public sealed class NameSearchTests_Postgres(PostgresApp app) : NameSearchTests<PostgresApp>(app);
