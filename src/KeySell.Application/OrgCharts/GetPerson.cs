using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

/// <summary>One person with their place in the org chart and every deal they influence.</summary>
public static class GetPerson
{
    public sealed record Query(Guid Id);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<PersonDetail>> Handle(Query query, CancellationToken ct) =>
            await LoadAsync(db, query.Id, ct) is { } person ? person : Versions.NotFound("person", query.Id);
    }

    /// <summary>The deals of these influences among these opportunities, by the deal's name.</summary>
    internal static async Task<List<PersonDeal>> DealsAsync(
        IQueryable<BuyingInfluence> influences, IQueryable<Opportunity> opportunities, CancellationToken ct)
    {
        var rows = await influences
            .Join(opportunities, i => i.OpportunityId, o => o.Id,
                (i, o) => new { i.PersonId, OpportunityId = o.Id, o.Name, InfluenceId = i.Id, i.Roles, i.Influence, i.Support, i.Mode })
            .OrderBy(d => d.Name).ThenBy(d => d.OpportunityId)
            .ToListAsync(ct);
        return rows.Select(d => new PersonDeal(d.PersonId, d.OpportunityId, d.Name, d.InfluenceId, d.Roles.Split().ToList(), d.Influence, d.Support, d.Mode))
            .ToList();
    }

    internal static async Task<PersonDetail?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Department).Include(p => p.ReportsTo).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return null;

        var accountName = await db.Accounts.Where(a => a.Id == person.AccountId).Select(a => a.Name).FirstAsync(ct);
        var reports = await db.People.Where(p => p.ReportsToId == id).OrderBy(p => p.Name)
            .Select(p => new PersonRef(p.Id, p.Name, p.Title)).ToListAsync(ct);
        var deals = await DealsAsync(db.BuyingInfluences.Where(i => i.PersonId == id), db.Opportunities, ct);

        return new PersonDetail(person.Id, person.AccountId, accountName, person.Name, person.Title, person.DepartmentId, person.Department?.Name,
            person.ReportsTo is { } manager ? new PersonRef(manager.Id, manager.Name, manager.Title) : null, reports,
            person.Email, person.Phone, person.Responsibilities, person.Preferences, person.Status, person.Seniority,
            deals,
            person.CreatedAt, person.CreatedBy, person.UpdatedAt, person.UpdatedBy, person.Version,
            // A person is part of their account's org chart: whoever may write the account may edit them.
            await db.MayWriteAccountAsync(person.AccountId, ct));
    }
}
