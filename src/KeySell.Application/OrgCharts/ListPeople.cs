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
            var search = TextSearch.Normalize(query.Search);
            if (!search.Succeeded) return search.Error!;
            // One account's people: the (AccountId, Name, Id) index orders them; a search reads only that account's rows.
            var people = db.People.AsNoTracking().Where(p => p.AccountId == query.AccountId);
            if (search.Value is { } text)
                people = people.Where(p => p.Name.ToLower().Contains(text) || (p.Title != null && p.Title.ToLower().Contains(text)));
            return await ListPages.ByNameAsync(db, people, db.People.IgnoreQueryFilters(), "People", query.Page,
                p => p.Name, p => p.Id,
                p => new PersonSummary(p.Id, p.Name, p.Title, p.DepartmentId, p.ReportsToId, p.Status, p.Version, p.Seniority),
                p => new ListCursor(p.Name, p.Id), ct);
        }
    }
}
