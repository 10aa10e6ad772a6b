using KeySell.Application.Funnel;
using System.Net;
using System.Text.Json.Nodes;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Opportunities;
using KeySell.Web.Setup;
using KeySell.Web.Tests.Api;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Access;

/// <summary>
/// What a caller cannot read is absent from every list, search, count, total, pick list and export
/// (contract 1: "a record the caller cannot read does not exist for them"). Every name of the
/// world carries its tag, so searching by the tag finds exactly the world's records the caller reads.
/// </summary>
public abstract class AccessLeakTests<TApp>(TApp app) where TApp : KeySellApp
{
    private static readonly Persona[] SignedIn = Enum.GetValues<Persona>().Where(p => p != Persona.Anonymous).ToArray();

    public static TheoryData<Persona> Personas => new(SignedIn);

    /// <summary>The world's accounts each persona reads, from the contract's read-A rule.</summary>
    private static string[] AccountsReadBy(AccessWorld w, Persona persona) => persona switch
    {
        // The owner's teams read the owner's accounts; not team B's.
        Persona.Viewer or Persona.Owner or Persona.Teammate or Persona.Manager => [w.MainAccountName, w.RelatedAccountName, w.CommonAccountName],
        // Team B reads its own account, and the owner's account where the outsider has a deal.
        Persona.Outsider or Persona.OtherManager => [w.BravoAccountName, w.CommonAccountName],
        // A share of a deal opens that deal's account, nothing else.
        Persona.ReadShare or Persona.EditShare => [w.MainAccountName, w.RelatedAccountName],
        Persona.Admin => [w.MainAccountName, w.RelatedAccountName, w.CommonAccountName, w.BravoAccountName],
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };

    /// <summary>The world's deals each persona reads, from the contract's read-O rule.</summary>
    private static string[] DealsReadBy(AccessWorld w, Persona persona) => persona switch
    {
        Persona.Viewer or Persona.Owner or Persona.Teammate or Persona.Manager => [w.MainDealName, w.RelatedDealName, w.CommonOwnerDealName],
        Persona.Outsider or Persona.OtherManager => [w.BravoDealName, w.CommonOutsiderDealName],
        Persona.ReadShare or Persona.EditShare => [w.MainDealName, w.RelatedDealName],
        Persona.Admin => [w.MainDealName, w.RelatedDealName, w.CommonOwnerDealName, w.BravoDealName, w.CommonOutsiderDealName],
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };

    private async Task<AccessWorld> WorldAsync(Persona persona)
    {
        var world = await AccessWorld.QuietForAsync(app);
        world.SkipIfPending(persona);
        return world;
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task AccountSearch_AsPersona_FindsOnlyAccountsTheyRead(Persona persona)
    {
        var w = await WorldAsync(persona);

        var page = await w.Client(persona).GetObjectAsync($"/api/accounts?search={w.Tag}&pageSize=200");

        page["items"].Names().ShouldBe(AccountsReadBy(w, persona), ignoreOrder: true);
        page["totalCount"]!.GetValue<int>().ShouldBe(AccountsReadBy(w, persona).Length);
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task AccountList_AsPersona_HoldsNoAccountTheyCannotRead(Persona persona)
    {
        var w = await WorldAsync(persona);
        var hidden = AccountsReadBy(w, Persona.Admin).Except(AccountsReadBy(w, persona)).ToList();

        var page = await w.Client(persona).GetObjectAsync("/api/accounts?pageSize=200");

        page["items"].Names().Intersect(hidden).ShouldBeEmpty();
        // Every account the list counts is one it could show: a total over hidden accounts leaks them.
        var total = page["totalCount"]!.GetValue<int>();
        if (total <= 200) total.ShouldBe(page["items"]!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task OpportunitySearch_AsPersona_FindsOnlyDealsTheyRead(Persona persona)
    {
        var w = await WorldAsync(persona);

        var page = await w.Client(persona).GetObjectAsync($"/api/opportunities?search={w.Tag}&pageSize=200");

        page["items"].Names().ShouldBe(DealsReadBy(w, persona), ignoreOrder: true);
        page["totalCount"]!.GetValue<int>().ShouldBe(DealsReadBy(w, persona).Length);
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task OpportunityList_AsPersona_HoldsNoDealTheyCannotRead(Persona persona)
    {
        var w = await WorldAsync(persona);
        var hidden = DealsReadBy(w, Persona.Admin).Except(DealsReadBy(w, persona)).ToList();

        var page = await w.Client(persona).GetObjectAsync("/api/opportunities?pageSize=200");

        page["items"].Names().Intersect(hidden).ShouldBeEmpty();
        var total = page["totalCount"]!.GetValue<int>();
        if (total <= 200) total.ShouldBe(page["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task OpportunityList_OfAnAccountAsOutsider_CountsOnlyTheirDealThere()
    {
        var w = await WorldAsync(Persona.Outsider);

        var page = await w.Client(Persona.Outsider).GetObjectAsync($"/api/opportunities?accountId={w.CommonAccountId}");

        page["items"].Names().ShouldBe([w.CommonOutsiderDealName]);
        page["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task OpportunityList_OfAnUnreadableAccountAsOutsider_IsEmpty()
    {
        var w = await WorldAsync(Persona.Outsider);

        var response = await w.Client(Persona.Outsider).GetAsync($"/api/opportunities?accountId={w.Main.AccountId}", Ct);

        // Either answer keeps the account unknown: 404 as for any unknown id, or an empty page.
        if (response.StatusCode == HttpStatusCode.NotFound) return;
        var page = await response.ReadObjectAsync();
        page["items"]!.AsArray().ShouldBeEmpty();
        page["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [InlineData(Persona.Owner)]
    [InlineData(Persona.Outsider)]
    [InlineData(Persona.Manager)]
    public async Task MyOpportunities_AsPersona_AreOnlyTheirOwn(Persona persona)
    {
        var w = await WorldAsync(persona);
        string[] mine = persona switch
        {
            Persona.Owner => [w.MainDealName, w.RelatedDealName, w.CommonOwnerDealName],
            Persona.Outsider => [w.BravoDealName, w.CommonOutsiderDealName],
            _ => [],
        };

        var page = await w.Client(persona).GetObjectAsync($"/api/opportunities?mine=true&search={w.Tag}");

        page["items"].Names().ShouldBe(mine, ignoreOrder: true);
        page["totalCount"]!.GetValue<int>().ShouldBe(mine.Length);
    }

    [Fact]
    public async Task AccountDetail_AsOutsider_CountsAndShowsOnlyTheirDealsThere()
    {
        var w = await WorldAsync(Persona.Outsider);

        var account = await w.Client(Persona.Outsider).GetObjectAsync($"/api/accounts/{w.CommonAccountId}");

        account["opportunityCount"]!.GetValue<int>().ShouldBe(1);
        // The account's people are the account's (read A), but the owner's deal they are on is not.
        account["people"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ShouldContain(w.CommonPersonId);
        account["peopleOnDeals"]!.AsArray().Select(d => d!["opportunityId"]!.GetValue<Guid>()).ShouldNotContain(w.CommonOwnerDealId);
        account.ToJsonString().ShouldNotContain(w.CommonOwnerDealName);
    }

    [Fact]
    public async Task AccountDetail_AsOwner_SeesBothDealsThere()
    {
        // The control for the test above: the admin sees the outsider's deal and the owner's.
        var w = await WorldAsync(Persona.Admin);

        var account = await w.Client(Persona.Admin).GetObjectAsync($"/api/accounts/{w.CommonAccountId}");

        account["opportunityCount"]!.GetValue<int>().ShouldBe(2);
        account["peopleOnDeals"]!.AsArray().Select(d => d!["opportunityId"]!.GetValue<Guid>()).ShouldContain(w.CommonOwnerDealId);
    }

    [Fact]
    public async Task PersonDetail_AsOutsider_ListsNoDealTheyCannotRead()
    {
        var w = await WorldAsync(Persona.Outsider);

        var person = await w.Client(Persona.Outsider).GetObjectAsync($"/api/people/{w.CommonPersonId}");

        person["deals"]!.AsArray().Select(d => d!["opportunityId"]!.GetValue<Guid>()).ShouldNotContain(w.CommonOwnerDealId);
        person.ToJsonString().ShouldNotContain(w.CommonOwnerDealName);
    }

    [Fact]
    public async Task PeopleList_AsOutsider_HoldsTheAccountsPeopleOnly()
    {
        var w = await WorldAsync(Persona.Outsider);

        var page = await w.Client(Persona.Outsider).GetObjectAsync($"/api/accounts/{w.CommonAccountId}/people");

        page["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ShouldBe([w.CommonPersonId]);
        page["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData("/api/accounts/{0}/history")]
    [InlineData("/api/people/{1}/history")]
    public async Task History_AsOutsider_HoldsNothingOfDealsTheyCannotRead(string template)
    {
        var w = await WorldAsync(Persona.Outsider);
        var url = string.Format(template, w.CommonAccountId, w.CommonPersonId);
        if (!w.HasRoute("GET", template.Replace("{0}", "{id}").Replace("{1}", "{id}"))) Assert.Skip($"{template} is not mapped yet.");

        var page = await w.Client(Persona.Outsider).GetObjectAsync(url);

        var about = page["items"]!.AsArray().Select(l => l!["entityId"]!.ToString()).ToList();
        about.ShouldNotContain(w.CommonOwnerDealId.ToString());
        about.ShouldNotContain(w.CommonOwnerInfluenceId.ToString());
        page.ToJsonString().ShouldNotContain(w.CommonOwnerDealName);
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task TeamList_AsPersona_HoldsOnlyTheirTeams(Persona persona)
    {
        var w = await WorldAsync(persona);
        string[] expected = persona switch
        {
            Persona.Viewer or Persona.Owner or Persona.Teammate or Persona.Manager => [$"Team A {w.Tag}"],
            Persona.Outsider or Persona.OtherManager => [$"Team B {w.Tag}"],
            Persona.ReadShare or Persona.EditShare => [],
            _ => [$"Team A {w.Tag}", $"Team B {w.Tag}"],
        };

        var page = await w.Client(persona).GetObjectAsync("/api/teams?pageSize=200");

        var names = page["items"].Names().ToList();
        // The admin sees every team, including those the matrix adds.
        if (persona == Persona.Admin) expected.ShouldBeSubsetOf(names);
        else
        {
            names.ShouldBe(expected, ignoreOrder: true);
            page["totalCount"]!.GetValue<int>().ShouldBe(expected.Length);
        }
    }

    [Fact]
    public async Task SheetExport_AsOutsider_HoldsOnlyTheirDeal()
    {
        var w = await WorldAsync(Persona.Outsider);

        var response = await w.Client(Persona.Outsider).GetAsync($"/api/opportunities/{w.CommonOutsiderDealId}/sheet", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = await response.Content.ReadAsStringAsync(Ct);
        sheet.ShouldNotContain(w.CommonOwnerDealName);
        // The owner's influence on their own deal is theirs: the person may appear, their part in that deal may not.
        JsonNode.Parse(sheet)!["influences"]?.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task HomeWorkQueue_AsOutsider_AllTheyRead_HoldsNoneOfTheOwnersDeals()
    {
        var w = await WorldAsync(Persona.Outsider);

        // Everything the outsider may read: none of the owner's deals is among it.
        var page = await AsAsync(w, Persona.Outsider, services => services.GetRequiredService<ListWorkQueue.Handler>()
            .Handle(new ListWorkQueue.Query(PipelineScope.All, new PageRequest(1, PageRequest.MaxSize)), Ct));

        page.Value.Items.Select(i => i.Owner?.Id).ShouldNotContain(w.UserOf(Persona.Owner).ColleagueId);
        page.Value.Items.Select(i => i.Id).ShouldNotContain(w.CommonOwnerDealId);
    }

    [Fact]
    public async Task StoredAnalyses_AsOutsider_OnlyOfDealsTheyRead()
    {
        var w = await WorldAsync(Persona.Outsider);
        List<Guid> ids = [w.CommonOwnerDealId, w.Main.Deal, w.BravoOpportunityId, w.CommonOutsiderDealId];

        var (summaries, moves) = await AsAsync(w, Persona.Outsider, async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            return (await db.AnalysisSummaries.Where(s => ids.Contains(s.OpportunityId)).Select(s => s.OpportunityId).ToListAsync(Ct),
                await db.FunnelChanges.Where(c => ids.Contains(c.OpportunityId)).Select(c => c.OpportunityId).Distinct().ToListAsync(Ct));
        });

        summaries.ShouldBe([w.BravoOpportunityId, w.CommonOutsiderDealId], ignoreOrder: true);
        moves.ShouldBe([w.BravoOpportunityId, w.CommonOutsiderDealId], ignoreOrder: true);
    }

    [Fact]
    public async Task SheetPicks_ForADealTheOutsiderCannotRead_AreNotFound()
    {
        var w = await WorldAsync(Persona.Outsider);

        var picks = await AsAsync(w, Persona.Outsider, services => services.GetRequiredService<ListSheetPicks.Handler>()
            .Handle(new ListSheetPicks.Query(w.CommonOwnerDealId), Ct));

        picks.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task SheetPicks_AsOutsider_OfferOnlyTheDealsAccountsPeople()
    {
        var w = await WorldAsync(Persona.Outsider);

        var picks = await AsAsync(w, Persona.Outsider, services => services.GetRequiredService<ListSheetPicks.Handler>()
            .Handle(new ListSheetPicks.Query(w.CommonOutsiderDealId), Ct));

        picks.Value.People.Select(p => p.Id).ShouldBe([w.CommonPersonId]);
    }

    /// <summary>Runs a use case in-process as <paramref name="persona"/> (for what only the UI calls, such as Home's counts).</summary>
    private async Task<T> AsAsync<T>(AccessWorld w, Persona persona, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(w.UserOf(persona).Id);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user!);
        scope.ServiceProvider.GetRequiredService<WebActor>().User = principal;
        return await use(scope.ServiceProvider);
    }
}

[Collection(AccessOnSqlite.Name)]
public sealed class AccessLeakTests_Sqlite(AccessSqliteApp app) : AccessLeakTests<AccessSqliteApp>(app);

[Collection(AccessOnPostgres.Name)]
public sealed class AccessLeakTests_Postgres(AccessPostgresApp app) : AccessLeakTests<AccessPostgresApp>(app);
