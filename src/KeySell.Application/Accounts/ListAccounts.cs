using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Accounts;

public sealed record AccountSummary(
    Guid Id,
    string Name,
    string? Industry,
    string? Size,
    string? Region,
    decimal? IdealCustomerScore,
    AccountRef? Parent,
    int PeopleCount,
    int OpportunityCount,
    int Version);

/// <summary>The key accounts, searched by name, industry or region, a page at a time.</summary>
public static class ListAccounts
{
    public sealed record Query(string? Search, PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<AccountSummary>>> Handle(Query query, CancellationToken ct)
        {
            var accounts = db.Accounts.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                // lower() on both sides behaves the same on SQLite and PostgreSQL, unlike LIKE/ILIKE.
                var text = query.Search.Trim().ToLower();
                accounts = accounts.Where(a => a.Name.ToLower().Contains(text)
                    || (a.Industry != null && a.Industry.ToLower().Contains(text))
                    || (a.Region != null && a.Region.ToLower().Contains(text)));
            }

            var total = await accounts.CountAsync(ct);
            var items = await accounts
                .OrderBy(a => a.Name).ThenBy(a => a.Id)
                .Skip(query.Page.Skip).Take(query.Page.Take)
                .Select(a => new AccountSummary(
                    a.Id, a.Name, a.Industry, a.Size, a.Region, a.IdealCustomerScore,
                    a.ParentAccount == null ? null : new AccountRef(a.ParentAccount.Id, a.ParentAccount.Name),
                    a.People.Count, db.Opportunities.Count(o => o.AccountId == a.Id), a.Version))
                .ToListAsync(ct);
            return new Paged<AccountSummary>(items, total);
        }
    }
}
