using KeySell.Application.Data;
using KeySell.Application.Demo;
using KeySell.Application.Sheets;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace KeySell.Application.Tests.Demo;

public sealed class SeedDemoTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.LocalDateTime);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"keysell-seed-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(Now);
    private AppDbContext _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = NewContext();
        await _db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
    }

    private AppDbContext NewContext() =>
        AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={_file}", _time);

    private Task<SeedDemo.Outcome> Seed(Guid? owner = null) =>
        new SeedDemo.Handler(_db, _time).Handle(new SeedDemo.Command(owner), TestContext.Current.CancellationToken);

    private async Task<SheetAnalysis> Analyze(string opportunityNameStart)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = NewContext();
        var id = await db.Opportunities.Where(o => o.Name.StartsWith(opportunityNameStart)).Select(o => o.Id).SingleAsync(ct);
        var sheet = await new ExportSheet.Handler(db, _time).Handle(new ExportSheet.Query(id), ct);
        return StrategyAnalyzer.Default.Analyze(sheet.Value, Today);
    }

    private static IEnumerable<string> FlagIds(SheetAnalysis analysis) => analysis.RedFlags.Select(f => f.Id);

    [Fact]
    public async Task GetAccount_ChinaOre_ShowsEastChinaSteelAsItsCustomer()
    {
        // Issue 11: the group lists China Ore as its supplier; China Ore's page showed no related company.
        await Seed();
        await using var db = NewContext();
        var ct = TestContext.Current.CancellationToken;
        var ore = await db.Accounts.Where(a => a.Name.Contains("China Ore")).Select(a => a.Id).SingleAsync(ct);

        var account = await new KeySell.Application.Accounts.GetAccount.Handler(db).Handle(new(ore, WithPeople: false), ct);

        account.Value.Relations.Select(r => (r.RelatedAccountName, r.Type))
            .ShouldBe([("华东钢铁集团 East China Steel Group", RelationType.Downstream)]);
    }

    [Fact]
    public async Task Handle_EmptyDatabase_SeedsGroupWithSubsidiariesRelationsAndOrgCharts()
    {
        var outcome = await Seed();

        outcome.Accounts.ShouldBeGreaterThanOrEqualTo(3);
        outcome.People.ShouldBeGreaterThanOrEqualTo(25);
        outcome.Opportunities.ShouldBeGreaterThanOrEqualTo(4);

        await using var db = NewContext();
        var ct = TestContext.Current.CancellationToken;
        (await db.Accounts.CountAsync(ct)).ShouldBe(outcome.Accounts);
        (await db.People.CountAsync(ct)).ShouldBe(outcome.People);
        (await db.Opportunities.CountAsync(ct)).ShouldBe(outcome.Opportunities);

        var group = await db.Accounts.Include(a => a.Subsidiaries).Include(a => a.Relations)
            .SingleAsync(a => a.Name.Contains("East China Steel Group"), ct);
        group.Subsidiaries.Count.ShouldBeGreaterThanOrEqualTo(2);
        group.Relations.Select(r => r.Type).ShouldBe([RelationType.Upstream, RelationType.Downstream, RelationType.Partner], ignoreOrder: true);
        (await db.Departments.CountAsync(d => d.AccountId == group.Id, ct)).ShouldBeGreaterThanOrEqualTo(5);
        (await db.Departments.CountAsync(d => d.ParentDepartmentId != null, ct)).ShouldBeGreaterThan(0);

        // A real org chart: CEO → VP → director → manager, four levels deep.
        var people = await db.People.Where(p => p.AccountId == group.Id).ToListAsync(ct);
        var byId = people.ToDictionary(p => p.Id);
        int Depth(Person p) => p.ReportsToId is { } m ? 1 + Depth(byId[m]) : 1;
        people.Max(Depth).ShouldBeGreaterThanOrEqualTo(4);
        people.Count(p => p.ReportsToId is null).ShouldBe(1);
        people.ShouldAllBe(p => !string.IsNullOrWhiteSpace(p.Responsibilities) && !string.IsNullOrWhiteSpace(p.Preferences));
        people.ShouldAllBe(p => p.DepartmentId != null);
    }

    [Fact]
    public async Task Handle_EmptyDatabase_SeedsOurTeamWithSalesRepVpSolutionEngineerAndCeo()
    {
        await Seed();

        await using var db = NewContext();
        var titles = await db.Colleagues.Select(c => c.Title!).ToListAsync(TestContext.Current.CancellationToken);
        titles.ShouldContain(t => t.Contains("Account Manager"));
        titles.ShouldContain(t => t.Contains("VP Sales"));
        titles.ShouldContain(t => t.Contains("Solution Engineer"));
        titles.ShouldContain(t => t.Contains("CEO"));
    }

    [Fact]
    public async Task Handle_OwnerGiven_OwnerOwnsEveryDemoDeal()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = _db.Colleagues.Add(new Colleague { Name = "Administrator", Email = "admin@keysell.local" }).Entity;
        await _db.SaveChangesAsync(ct);

        await Seed(admin.Id);

        await using var db = NewContext();
        (await db.Opportunities.Select(o => o.OwnerId).Distinct().ToListAsync(ct)).ShouldBe([admin.Id]);
    }

    [Fact]
    public async Task Handle_NoOwner_SalesRepOwnsTheDeals()
    {
        await Seed();

        await using var db = NewContext();
        var owners = await db.Opportunities.Select(o => o.Owner!.Title).Distinct().ToListAsync(TestContext.Current.CancellationToken);
        owners.ShouldHaveSingleItem().ShouldNotBeNull().ShouldContain("Account Manager");
    }

    [Fact]
    public async Task Handle_TextbookDeal_IsBestFewWithNoRedFlag()
    {
        await Seed();

        var analysis = await Analyze("集团 ERP");

        analysis.Sheet.Opportunity.FunnelLevel.ShouldBe(FunnelLevel.BestFew);
        analysis.Sheet.Opportunity.Engagement.ShouldBe(Engagement.BeforeProject);
        FlagIds(analysis).ShouldBeEmpty();
        analysis.Funnel.Premature.ShouldBeFalse();
        var coach = analysis.Sheet.Influences.Single(i => i.Has(BuyingRoles.Coach));
        coach.Support.ShouldBe(4);
        coach.Influence.ShouldBe(InfluenceLevel.High);
        var economic = analysis.Sheet.Influences.Single(i => i.Has(BuyingRoles.Economic));
        economic.Mode.ShouldBe(ResponseMode.Growth);
        economic.Counterpart.ShouldNotBeNull().ShouldContain("Zhao Qing");
        analysis.Sheet.Influences.ShouldAllBe(i => i.Wins.Count > 0 && i.Results.Count > 0);
        analysis.Sheet.Strengths.ShouldAllBe(s => s.Addresses.Count > 0);
        analysis.Sheet.Objections.ShouldContain(o => o.Status == Domain.Objections.ObjectionStatus.Resolved);
    }

    [Fact]
    public async Task Handle_CoachLeftDeal_RaisesCoachGone()
    {
        await Seed();

        var analysis = await Analyze("冷轧 MES");

        var gone = analysis.RedFlags.Where(f => f.Id == "coach-gone").ShouldHaveSingleItem();
        gone.Influence.ShouldNotBeNull().Status.ShouldBe(PersonStatus.LeftCompany);
        FlagIds(analysis).ShouldContain("new-player");
        FlagIds(analysis).ShouldContain("manual");
        FlagIds(analysis).ShouldContain("open-objection");
        gone.AddressedBy.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Handle_Toolkit_EachDealShowsWhatTheMethodWarnsOfAndTheWonDealHasNone()
    {
        await Seed();

        // The MES deal's two held calls both ended in a continuation, and its action is five days late.
        var mes = await Analyze("冷轧 MES");
        FlagIds(mes).ShouldContain("continuation-only");
        mes.RedFlags.Where(f => f.Id == "overdue-action").ShouldHaveSingleItem().Influence.ShouldNotBeNull().Id.ShouldBe("deng-wei");
        // The portal deal has no action and no call planned: it drifts.
        FlagIds(await Analyze("供应商协同门户")).ShouldContain("no-next-step");
        // The tender's needs tree is only begun: no current state, one layer, an unsolved leaf.
        FlagIds(await Analyze("物流园仓储")).ShouldContain("needs-not-rooted");
        // The won deal at the same company keeps no toolkit of the tender's.
        var won = await Analyze("运输调度");
        won.Sheet.Actions.ShouldBeEmpty();
        won.Sheet.Calls.ShouldBeEmpty();
        won.Sheet.Needs.ShouldBeNull();
    }

    [Fact]
    public async Task Handle_EvenKeelDeal_RaisesUnreceptiveEconomicBuyer()
    {
        await Seed();

        var analysis = await Analyze("供应商协同门户");

        var flag = analysis.RedFlags.Where(f => f.Id == "unreceptive-economic-buyer").ShouldHaveSingleItem();
        flag.Influence.ShouldNotBeNull().Mode.ShouldBe(ResponseMode.EvenKeel);
        analysis.Unreceptive.ShouldContain(i => i.Has(BuyingRoles.Economic));
    }

    [Fact]
    public async Task Handle_LateEntryDeal_RaisesLateEntryTechnicalVetoAndUncovered()
    {
        await Seed();

        var analysis = await Analyze("物流园仓储");

        analysis.Sheet.Opportunity.Engagement.ShouldBe(Engagement.AfterTender);
        FlagIds(analysis).ShouldContain("late-entry");
        analysis.RedFlags.Single(f => f.Id == "technical-veto").Influence!.Support.ShouldBe(-2);
        FlagIds(analysis).ShouldContain("uncovered");
        FlagIds(analysis).ShouldContain("coach-weak");
    }

    [Fact]
    public async Task Handle_Seeded_DatesFollowTheInjectedClock()
    {
        await Seed();

        await using var db = NewContext();
        var lastContacts = await db.BuyingInfluences.Where(i => i.LastContact != null).Select(i => i.LastContact!.Value)
            .ToListAsync(TestContext.Current.CancellationToken);
        lastContacts.Max().ShouldBe(Today.AddDays(-2));
        lastContacts.ShouldAllBe(d => d <= Today);
    }

    [Fact]
    public async Task Handle_FunnelLevels_AreVaried()
    {
        await Seed();

        await using var db = NewContext();
        var levels = await db.Opportunities.Select(o => o.FunnelLevel).Distinct().ToListAsync(TestContext.Current.CancellationToken);
        levels.Count.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Handle_SecondRun_AddsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await Seed();
        var people = await _db.People.CountAsync(ct);
        var influences = await _db.BuyingInfluences.CountAsync(ct);

        var second = await Seed();

        second.ShouldBe(new SeedDemo.Outcome(0, 0, 0));
        (await _db.People.CountAsync(ct)).ShouldBe(people);
        (await _db.BuyingInfluences.CountAsync(ct)).ShouldBe(influences);
        (await _db.Colleagues.CountAsync(ct)).ShouldBe(4);
    }

    [Fact]
    public async Task Handle_DatabaseWithAnAccountOfItsOwn_AddsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        _db.Accounts.Add(new Account { Name = "Our own customer" });
        await _db.SaveChangesAsync(ct);

        var outcome = await Seed();

        outcome.ShouldBe(new SeedDemo.Outcome(0, 0, 0));
        (await _db.Opportunities.CountAsync(ct)).ShouldBe(0);
        (await _db.Colleagues.CountAsync(ct)).ShouldBe(0);
    }
}
