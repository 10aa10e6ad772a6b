using KeySell.Application.Accounts;
using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

/// <summary>An account's people, searched by name or title, a page at a time.</summary>
public static class ListPeople
{
    public sealed record Query(Guid AccountId, string? Search, PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<PersonSummary>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == query.AccountId, ct)) return Versions.NotFound("account", query.AccountId);
            var people = db.People.AsNoTracking().Where(p => p.AccountId == query.AccountId);
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var text = query.Search.Trim().ToLower();
                people = people.Where(p => p.Name.ToLower().Contains(text) || (p.Title != null && p.Title.ToLower().Contains(text)));
            }
            var total = await people.CountAsync(ct);
            var items = await people.OrderBy(p => p.Name).ThenBy(p => p.Id)
                .Skip(query.Page.Skip).Take(query.Page.Take)
                .Select(p => new PersonSummary(p.Id, p.Name, p.Title, p.DepartmentId, p.ReportsToId, p.Status, p.Version))
                .ToListAsync(ct);
            return new Paged<PersonSummary>(items, total);
        }
    }
}
