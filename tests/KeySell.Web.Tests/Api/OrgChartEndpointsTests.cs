using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>GET /api/accounts/{id}/org-chart: the chart a branch at a time, and search within the account (decision 0016).</summary>
public abstract class OrgChartEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    /// <summary>
    /// 陈总 Chen (CEO) ← 李伟 Li Wei (CFO, 财务部 Finance) ← 张敏 Zhang Min (Buyer), 王芳 Wang Fang (Accountant);
    /// 赵磊 Zhao Lei reports to nobody; 孙浩 Sun Hao (IT Director) reports to Chen.
    /// </summary>
    private async Task<(HttpClient Client, Guid Account, Dictionary<string, Guid> People)> ArrangeAsync()
    {
        var client = await app.CreateAdminClientAsync();
        var account = (await client.CreateAccountAsync(Unique("Org chart"))).Id();
        var finance = (await client.CreateDepartmentAsync(account, "财务部 Finance")).Id();
        var people = new Dictionary<string, Guid>();
        async Task Add(string key, string name, string? title, string? boss, Guid? department = null) =>
            people[key] = (await client.CreatePersonAsync(new { accountId = account, name, title, reportsToId = boss is null ? (Guid?)null : people[boss], departmentId = department })).Id();
        await Add("chen", "陈总 Chen", "CEO", null);
        await Add("li", "李伟 Li Wei", "CFO", "chen", finance);
        await Add("zhang", "张敏 Zhang Min", "Buyer", "li");
        await Add("wang", "王芳 Wang Fang", "Accountant", "li");
        await Add("sun", "孙浩 Sun Hao", "IT Director", "chen");
        await Add("zhao", "赵磊 Zhao Lei", null, null);
        return (client, account, people);
    }

    private static IEnumerable<string> CardNames(JsonObject page) => page["items"]!.AsArray().Select(c => c!["person"]!.Text("name"));

    [Fact]
    public async Task Tops_NoManagerOrSearch_ListsWhoReportsToNobodyWithTheirReportCount()
    {
        var (client, account, _) = await ArrangeAsync();

        var page = await client.GetObjectAsync($"/api/accounts/{account}/org-chart");

        page["totalCount"]!.GetValue<int>().ShouldBe(2);
        CardNames(page).ShouldBe(["赵磊 Zhao Lei", "陈总 Chen"], ignoreOrder: true);
        var chen = page["items"]!.AsArray().Single(c => c!["person"]!.Text("name") == "陈总 Chen")!;
        chen["reportCount"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Manager_Given_ListsOnlyTheirDirectReportsAPageAtATime()
    {
        var (client, account, people) = await ArrangeAsync();

        var first = await client.GetObjectAsync($"/api/accounts/{account}/org-chart?managerId={people["li"]}&pageSize=1&page=1");
        var second = await client.GetObjectAsync($"/api/accounts/{account}/org-chart?managerId={people["li"]}&pageSize=1&page=2");

        first["totalCount"]!.GetValue<int>().ShouldBe(2);
        second["totalCount"]!.GetValue<int>().ShouldBe(2);
        CardNames(first).Concat(CardNames(second)).ShouldBe(["张敏 Zhang Min", "王芳 Wang Fang"], ignoreOrder: true);
        CardNames(first).ShouldHaveSingleItem().ShouldNotBe(CardNames(second).ShouldHaveSingleItem());
        first["items"]![0]!["reportCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [InlineData("伟", new[] { "李伟 Li Wei" })]
    [InlineData("王芳", new[] { "王芳 Wang Fang" })]
    [InlineData("zhang", new[] { "张敏 Zhang Min" })]
    [InlineData("DIRECTOR", new[] { "孙浩 Sun Hao" })]
    [InlineData("财务", new[] { "李伟 Li Wei" })]
    [InlineData("finance", new[] { "李伟 Li Wei" })]
    [InlineData("nobody here", new string[0])]
    public async Task Search_PartOfNameTitleOrDepartment_FindsThemWhereverTheyAreInTheChart(string search, string[] expected)
    {
        var (client, account, _) = await ArrangeAsync();

        var page = await client.GetObjectAsync($"/api/accounts/{account}/org-chart?search={Uri.EscapeDataString(search)}");

        CardNames(page).ShouldBe(expected, ignoreOrder: true);
        page["totalCount"]!.GetValue<int>().ShouldBe(expected.Length);
    }

    [Fact]
    public async Task Search_AnotherAccountsPeople_AreNotFound()
    {
        var (client, account, _) = await ArrangeAsync();
        var other = (await client.CreateAccountAsync(Unique("Other"))).Id();
        await client.CreatePersonAsync(new { accountId = other, name = "李伟 Li Wei Elsewhere" });

        var page = await client.GetObjectAsync($"/api/accounts/{account}/org-chart?search=Li%20Wei");

        CardNames(page).ShouldBe(["李伟 Li Wei"]);
    }

    [Fact]
    public async Task Card_PersonOnAnOpenDeal_ShowsTheirRolesAndSupport()
    {
        var (client, account, people) = await ArrangeAsync();
        var deal = await client.CreateOpportunityAsync(account, "ERP rollout");
        await client.AddInfluenceAsync(deal.Id(), new { personId = people["li"], roles = new[] { "economic" }, support = 3 });

        var page = await client.GetObjectAsync($"/api/accounts/{account}/org-chart?managerId={people["chen"]}");

        var li = page["items"]!.AsArray().Single(c => c!["person"]!.Text("name") == "李伟 Li Wei")!;
        li.Text("departmentName").ShouldBe("财务部 Finance");
        var onDeal = li["deals"]!.AsArray().ShouldHaveSingleItem()!;
        onDeal["opportunityId"]!.GetValue<Guid>().ShouldBe(deal.Id());
        onDeal["support"]!.GetValue<int>().ShouldBe(3);
        page["items"]!.AsArray().Single(c => c!["person"]!.Text("name") == "孙浩 Sun Hao")!["deals"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_AccountForThePage_LeavesOutTheChartButCountsItsPeople()
    {
        var (client, account, _) = await ArrangeAsync();
        await using var scope = app.Services.CreateOperatorScope();
        var handler = scope.ServiceProvider.GetRequiredService<KeySell.Application.Accounts.GetAccount.Handler>();

        var detail = (await handler.Handle(new KeySell.Application.Accounts.GetAccount.Query(account, WithPeople: false), Ct)).Value;

        detail.People.ShouldBeEmpty();
        detail.PeopleOnDeals.ShouldBeEmpty();
        detail.PeopleCount.ShouldBe(6);
        (await client.GetObjectAsync($"/api/accounts/{account}"))["peopleCount"]!.GetValue<int>().ShouldBe(6);
    }

    [Fact]
    public async Task NamePeople_KnownAndUnknownIds_NamesTheKnownOnly()
    {
        var (_, _, people) = await ArrangeAsync();
        await using var scope = app.Services.CreateOperatorScope();
        var handler = scope.ServiceProvider.GetRequiredService<KeySell.Application.OrgCharts.NamePeople.Handler>();

        var names = await handler.Handle(new([people["li"], people["zhao"], Guid.NewGuid()]), Ct);

        names.ShouldBe(new Dictionary<Guid, string> { [people["li"]] = "李伟 Li Wei", [people["zhao"]] = "赵磊 Zhao Lei" }, ignoreOrder: true);
    }

    [Fact]
    public async Task Get_UnknownAccount_Returns404() =>
        (await (await app.CreateAdminClientAsync()).GetAsync($"/api/accounts/{Guid.NewGuid()}/org-chart", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task Get_PageSizeOverTheLimit_Returns400()
    {
        var (client, account, _) = await ArrangeAsync();

        (await client.GetAsync($"/api/accounts/{account}/org-chart?pageSize=201", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class OrgChartEndpointsTests_Sqlite(SqliteApp app) : OrgChartEndpointsTests<SqliteApp>(app);
public sealed class OrgChartEndpointsTests_Postgres(PostgresApp app) : OrgChartEndpointsTests<PostgresApp>(app);
