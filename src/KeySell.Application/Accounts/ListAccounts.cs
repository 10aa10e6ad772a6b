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

    public sealed class Handler(AppDbContext db, SearchSettings settings)
    {
        public async Task<Result<Paged<AccountSummary>>> Handle(Query query, CancellationToken ct)
        {
            var search = TextSearch.Normalize(query.Search);
            if (!search.Succeeded) return search.Error!;
            var accounts = db.Accounts.AsNoTracking();
            // A common term is paged by walking the name index, and its total estimated from the sample rather than counted.
            var common = false;
            if (search.Value is { } text)
            {
                // A rare term: the gram index narrows to candidates, sorted by name. A common one walks the (Name, Id)
                // index instead and stops when the page is full (decision 0012); the same rows either way. lower() on
                // both sides then decides, the same on SQLite and PostgreSQL, unlike LIKE/ILIKE.
                common = TextSearch.Indexable(db, text)
                    && await TextSearch.CountAccountCandidatesAsync(db, text, settings.CommonTermAbove, ct) > settings.CommonTermAbove;
                if (TextSearch.Indexable(db, text) && !common)
                {
                    var candidates = TextSearch.AccountCandidates(db, text);
                    accounts = accounts.Where(a => candidates.Contains(a.Id));
                }
                accounts = accounts.Where(a => a.Name.ToLower().Contains(text)
                    || (a.Industry != null && a.Industry.ToLower().Contains(text))
                    || (a.Region != null && a.Region.ToLower().Contains(text)));
            }

            return await ListPages.ByNameAsync(db, accounts, db.Accounts.IgnoreQueryFilters(), "Accounts", query.Page,
                a => a.Name, a => a.Id,
                a => new AccountSummary(
                    a.Id, a.Name, a.Industry, a.Size, a.Region, a.IdealCustomerScore,
                    a.ParentAccount == null ? null : new AccountRef(a.ParentAccount.Id, a.ParentAccount.Name),
                    a.People.Count, db.Opportunities.Count(o => o.AccountId == a.Id), a.Version),
                a => new ListCursor(a.Name, a.Id), ct, sampleTotal: common);
        }
    }
}
