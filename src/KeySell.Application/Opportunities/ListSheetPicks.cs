using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <summary>
/// What the strategy sheet offers to pick from while a seller edits it: people of the deal's
/// account who are not on the sheet yet (for "add a buying influence"), and our colleagues (for
/// owner and counterpart). Small and capped, because it runs as the seller types.
/// </summary>
public static class ListSheetPicks
{
    public const int MaxPeople = 20;

    /// <param name="Search">Part of a name or title; empty lists the account's people alphabetically.</param>
    public sealed record Query(Guid OpportunityId, string? Search = null, bool IncludeColleagues = true);

    public sealed record PersonPick(Guid Id, string Name, string? Title, PersonStatus Status);

    public sealed record ColleaguePick(Guid Id, string Name, string? Title);

    public sealed record Picks(IReadOnlyList<PersonPick> People, IReadOnlyList<ColleaguePick> Colleagues);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Picks>> Handle(Query query, CancellationToken ct)
        {
            var opportunity = await db.Opportunities.AsNoTracking()
                .Where(o => o.Id == query.OpportunityId)
                .Select(o => new { o.Id, o.AccountId })
                .FirstOrDefaultAsync(ct);
            if (opportunity is null) return Versions.NotFound("opportunity", query.OpportunityId);

            var onSheet = db.BuyingInfluences.Where(i => i.OpportunityId == opportunity.Id).Select(i => i.PersonId);
            var people = db.People.AsNoTracking().Where(p => p.AccountId == opportunity.AccountId && !onSheet.Contains(p.Id));
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var search = query.Search.Trim().ToLower();
                people = people.Where(p => p.Name.ToLower().Contains(search) || (p.Title != null && p.Title.ToLower().Contains(search)));
            }
            // People still at the company come first: they are the ones a seller can still win over.
            var found = await people
                .OrderBy(p => p.Status == PersonStatus.Active ? 0 : 1).ThenBy(p => p.Name)
                .Take(MaxPeople)
                .Select(p => new PersonPick(p.Id, p.Name, p.Title, p.Status))
                .ToListAsync(ct);

            var colleagues = query.IncludeColleagues
                ? await db.Colleagues.AsNoTracking().OrderBy(c => c.Name).Select(c => new ColleaguePick(c.Id, c.Name, c.Title)).ToListAsync(ct)
                : [];
            return new Picks(found, colleagues);
        }
    }
}
