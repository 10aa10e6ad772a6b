using System.Text.Json;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Application.Generation;
using KeySell.Domain.Opportunities;

namespace KeySell.Application.Tests.Generation;

public class MadeUpAccountsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static readonly MadeUpSalesForce SalesForce = new(
        [[Guid.Parse("00000000-0000-4000-8000-000000000001"), Guid.Parse("00000000-0000-4000-8000-000000000002")],
         [Guid.Parse("00000000-0000-4000-8000-000000000003")]],
        [Guid.Parse("00000000-0000-4000-8000-000000000010")]);

    private static MadeUpBatch Make(int seed, GenerateData.Command command, long before = 0) =>
        new MadeUpAccounts(seed, command, before, SalesForce, Now, "cli:test").Next(command.Accounts);

    private static string Snapshot(MadeUpBatch batch) => JsonSerializer.Serialize(new
    {
        batch.Accounts, batch.Relations, batch.Departments, batch.People,
        Opportunities = batch.Opportunities.Select(o => new { o.Id, o.Name, o.AccountId, o.Objective, o.FunnelLevel, o.Engagement, o.ExpectedOutcome, o.OwnerId, o.CreatedAt }),
        batch.Influences,
    }, new JsonSerializerOptions { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles });

    [Fact]
    public void Next_SameSeedTwice_SameRecords()
    {
        var command = new GenerateData.Command(30, 90, PeoplePerAccount: 6, Seed: 42, BigAccounts: 1, BigAccountPeople: 60);

        Snapshot(Make(42, command)).ShouldBe(Snapshot(Make(42, command)));
    }

    [Fact]
    public void Next_AnotherSeed_OtherRecords()
    {
        var command = new GenerateData.Command(10, 30);

        Snapshot(Make(1, command)).ShouldNotBe(Snapshot(Make(2, command)));
    }

    [Fact]
    public void Next_BigAccounts_HaveTheAskedHeadcountAndNestedDepartments()
    {
        var batch = Make(3, new GenerateData.Command(5, 10, PeoplePerAccount: 4, BigAccounts: 2, BigAccountPeople: 300));

        batch.People.Count(p => p.AccountId == batch.Accounts[0].Id).ShouldBe(300);
        batch.People.Count(p => p.AccountId == batch.Accounts[1].Id).ShouldBe(300);
        batch.Departments.ShouldContain(d => d.AccountId == batch.Accounts[0].Id && d.ParentDepartmentId != null);
    }

    [Fact]
    public void Next_Names_AreBilingual()
    {
        var batch = Make(5, new GenerateData.Command(50, 50));

        batch.Accounts.ShouldAllBe(a => a.Name.Any(c => c >= '\u4e00' && c <= '\u9fff') && a.Name.Any(char.IsAsciiLetter));
        batch.Accounts.ShouldContain(a => a.ParentAccountId != null);
        batch.People.Count(p => p.Name.Any(c => c >= '\u4e00' && c <= '\u9fff')).ShouldBeGreaterThan(batch.People.Count / 2);
    }

    /// <summary>Whatever the seed and sizes: exact totals, 3–8 influences per deal on distinct people of the deal's account, trees that point backwards.</summary>
    [Property(MaxTest = 60)]
    public bool Next_AnySeedAndSize_KeepsTheRules(int seed, byte accounts, byte dealsPerAccount, byte peopleTenths)
    {
        var accountCount = accounts % 25 + 1;
        var deals = accountCount * (dealsPerAccount % 5);
        var people = 3 + peopleTenths % 100 / 10.0;
        var batch = Make(seed, new GenerateData.Command(accountCount, deals, people, BigAccounts: accountCount > 3 ? 1 : 0, BigAccountPeople: 40));

        var personAccount = batch.People.ToDictionary(p => p.Id, p => p.AccountId);
        var seen = new HashSet<Guid>();
        var reportsBackwards = batch.People.All(p => (p.ReportsToId is null || seen.Contains(p.ReportsToId.Value)) & seen.Add(p.Id));
        var influences = batch.Influences.GroupBy(i => i.OpportunityId).ToDictionary(g => g.Key, g => g.ToList());
        var accountOf = batch.Opportunities.ToDictionary(o => o.Id, o => o.AccountId);
        return batch.Accounts.Count == accountCount
               && batch.Opportunities.Count == deals
               && batch.Opportunities.All(o => influences.TryGetValue(o.Id, out var list) && list.Count is >= 3 and <= 8
                                               && list.Select(i => i.PersonId).Distinct().Count() == list.Count
                                               && list.Select(i => i.Key).Distinct().Count() == list.Count
                                               && list.All(i => personAccount[i.PersonId] == accountOf[o.Id]))
               && reportsBackwards
               && batch.Accounts.All(a => a.Version == 1 && a.CreatedBy == "cli:test" && a.CreatedAt == a.UpdatedAt && a.CreatedAt <= Now)
               && batch.Opportunities.All(o => Enum.IsDefined(o.FunnelLevel) && o.DeletedAt == null && o.OwnerId != null);
    }

    [Fact]
    public void Next_ClosedDeals_CloseInThePast()
    {
        var batch = Make(9, new GenerateData.Command(40, 400));
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        batch.Opportunities.Where(o => o.FunnelLevel is FunnelLevel.Won or FunnelLevel.Lost && o.Objective.CloseDate != null)
            .ShouldAllBe(o => o.Objective.CloseDate < today);
    }
}
