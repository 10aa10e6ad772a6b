using KeySell.Application.Data;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// Puts a ready deal straight into the app's database, for tests about how a page looks rather than
/// how the data got there (the acceptance scenario builds its deal through the UI).
/// </summary>
public static class DealArranger
{
    public sealed record Influence(string Name, string Title, BuyingRoles Roles, InfluenceLevel Level, int? Support, ResponseMode Mode)
    {
        public ContactLevel Contact { get; init; } = ContactLevel.Occasional;
        public DateOnly? Since { get; init; }
        public DateOnly? LastContact { get; init; }
    }

    /// <summary>Creates an account, its people and an opportunity with one buying influence per entry; returns the opportunity id.</summary>
    public static async Task<Guid> CreateDealAsync(this KeySellServer server, string account, string opportunity, params Influence[] influences)
    {
        await using var scope = server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var company = new Account { Name = account, Industry = "Steel", Region = "Shanghai" };
        var deal = new Opportunity
        {
            Account = company,
            Name = opportunity,
            Objective = new SalesObjective { Product = "Coil inspection line", Quantity = 1, Amount = 1_200_000m, Currency = "CNY", CloseDate = new DateOnly(2027, 3, 31) },
        };
        var position = 0;
        foreach (var influence in influences)
        {
            var person = new Person { Name = influence.Name, Title = influence.Title };
            company.People.Add(person);
            deal.Influences.Add(new BuyingInfluence
            {
                Person = person,
                Key = $"p{position + 1}",
                Position = position++,
                Roles = influence.Roles,
                Influence = influence.Level,
                Support = influence.Support,
                Mode = influence.Mode,
                Contact = influence.Contact,
                Since = influence.Since,
                LastContact = influence.LastContact,
                Wins = ["Recognised as the one who modernised the plant"],
                Results = ["Fewer coil defects reaching customers"],
            });
        }
        db.Add(company);
        db.Add(deal);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return deal.Id;
    }
}
