using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Tests.Opportunities;

public sealed class ListSheetPicksTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"keysell-picks-{Guid.NewGuid():N}.db");
    private AppDbContext _db = null!;
    private Opportunity _deal = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={_file}");
        await _db.Database.MigrateAsync(ct);

        var steel = new Account { Name = "East China Steel" };
        var other = new Account { Name = "Other Group" };
        var liWei = new Person { AccountId = steel.Id, Name = "Li Wei", Title = "CFO" };
        var wangFang = new Person { AccountId = steel.Id, Name = "Wang Fang", Title = "IT Director" };
        var zhao = new Person { AccountId = steel.Id, Name = "Zhao Lei", Title = "Architect", Status = PersonStatus.LeftCompany };
        var outsider = new Person { AccountId = other.Id, Name = "Wang Outsider", Title = "CEO" };
        _deal = new Opportunity { AccountId = steel.Id, Name = "ERP rollout" };
        _db.AddRange(steel, other, liWei, wangFang, zhao, outsider, _deal,
            new Colleague { Name = "Zhou Li", Title = "VP Sales" }, new Colleague { Name = "Chen Ming" });
        _db.Add(new BuyingInfluence { OpportunityId = _deal.Id, PersonId = liWei.Id, Key = "li-wei" });
        await _db.SaveChangesAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
    }

    private async Task<ListSheetPicks.Picks> Picks(string? search = null, Guid? opportunity = null) =>
        (await new ListSheetPicks.Handler(_db).Handle(new ListSheetPicks.Query(opportunity ?? _deal.Id, search), TestContext.Current.CancellationToken)).Value;

    [Fact]
    public async Task Handle_NoSearch_OffersTheAccountsPeopleNotOnTheSheet_ActiveFirst()
    {
        var picks = await Picks();

        picks.People.Select(p => p.Name).ShouldBe(["Wang Fang", "Zhao Lei"]);
    }

    [Fact]
    public async Task Handle_SearchByPartOfTitle_FindsThePersonWhateverTheCase()
    {
        var picks = await Picks("it dir");

        picks.People.Select(p => p.Name).ShouldBe(["Wang Fang"]);
    }

    [Fact]
    public async Task Handle_Always_ListsColleaguesByName()
    {
        var picks = await Picks();

        picks.Colleagues.Select(c => c.Name).ShouldBe(["Chen Ming", "Zhou Li"]);
    }

    [Fact]
    public async Task Handle_UnknownOpportunity_IsNotFound()
    {
        var result = await new ListSheetPicks.Handler(_db).Handle(new ListSheetPicks.Query(Guid.NewGuid()), TestContext.Current.CancellationToken);

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }
}
