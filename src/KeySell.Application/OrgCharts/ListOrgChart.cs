using KeySell.Application.Accounts;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

/// <summary>
/// An account's org chart one branch at a time: the tops of the chart, the reports of some managers, or the people
/// whose name, title or department holds a text. An account may have thousands of people, so the page never reads
/// the whole chart: it opens branches as the seller expands them (decision 0016).
/// </summary>
public static class ListOrgChart
{
    /// <param name="Managers">Whose reports to list; null for the tops of the chart (people who report to nobody the caller can see here).</param>
    /// <param name="Search">Part of a name, title or department, any case, Chinese or English; when set, <paramref name="Managers"/> is ignored.</param>
    public sealed record Query(Guid AccountId, IReadOnlyList<Guid>? Managers, string? Search, PageRequest Page);

    /// <summary>One card of the chart: the person, their department's name, how many report to them, and their part in the account's open deals.</summary>
    public sealed record Card(PersonSummary Person, string? DepartmentName, int ReportCount, IReadOnlyList<PersonDeal> Deals);

    /// <summary>Longer search text cannot match a name or title (both at most 200 characters), so it is cut, not refused.</summary>
    public const int SearchMaxLength = Person.NameMaxLength;

    /// <summary>The most managers whose reports one call lists.</summary>
    public const int MaxManagers = InputLimits.MaxPageSize;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<Card>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == query.AccountId, ct)) return Versions.NotFound("account", query.AccountId);

            var people = db.People.AsNoTracking().Where(p => p.AccountId == query.AccountId);
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var text = query.Search.Trim();
                text = text[..Math.Min(text.Length, SearchMaxLength)].ToLower();
                people = people.Where(p => p.Name.ToLower().Contains(text)
                    || (p.Title != null && p.Title.ToLower().Contains(text))
                    || (p.Department != null && p.Department.Name.ToLower().Contains(text)));
            }
            else if (query.Managers is { } managers)
            {
                var ids = managers.Take(MaxManagers).ToList();
                people = people.Where(p => p.ReportsToId != null && ids.Contains(p.ReportsToId.Value));
            }
            else
            {
                // A manager the caller cannot see (in the recycle bin, say) must not hide their reports: they become tops.
                people = people.Where(p => p.ReportsToId == null || !db.People.Any(m => m.Id == p.ReportsToId && m.AccountId == query.AccountId));
            }

            var total = await people.CountAsync(ct);
            var rows = await people.OrderBy(p => p.Name).ThenBy(p => p.Id)
                .Skip(query.Page.Skip).Take(query.Page.Take)
                .Select(p => new
                {
                    p.Id, p.Name, p.Title, p.DepartmentId, p.ReportsToId, p.Status, p.Version, p.Seniority,
                    DepartmentName = p.Department != null ? p.Department.Name : null,
                    Reports = db.People.Count(r => r.ReportsToId == p.Id),
                })
                .ToListAsync(ct);
            if (rows.Count == 0) return new Paged<Card>([], total);

            // Each card shows the person's part in the deals still being won.
            var shown = rows.Select(r => r.Id).ToList();
            var deals = (await GetPerson.DealsAsync(db.BuyingInfluences.Where(i => shown.Contains(i.PersonId)),
                    db.Opportunities.Where(o => o.AccountId == query.AccountId && o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost), ct))
                .ToLookup(d => d.PersonId);
            var cards = rows.Select(r => new Card(
                    new PersonSummary(r.Id, r.Name, r.Title, r.DepartmentId, r.ReportsToId, r.Status, r.Version, r.Seniority),
                    r.DepartmentName, r.Reports, deals[r.Id].ToList()))
                .ToList();
            return new Paged<Card>(cards, total);
        }
    }
}
