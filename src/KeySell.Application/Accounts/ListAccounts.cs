using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
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
    int Version,
    bool Prune = false);

/// <summary>
/// The key accounts, searched by name, industry or region, a page at a time: by name, or by fit
/// (the prospect list: highest ideal-customer score first, unrated last, each marked prune when
/// below the team's fit threshold), optionally only one owner's or one team's.
/// </summary>
public static class ListAccounts
{
    public const string ByName = "name";
    public const string ByFit = "fit";

    /// <param name="OwnerId">Only accounts this colleague owns.</param>
    /// <param name="TeamId">Only accounts owned by members of this team.</param>
    public sealed record Query(string? Search, PageRequest Page, string? Sort = null, Guid? OwnerId = null, Guid? TeamId = null);

    public sealed class Handler(AppDbContext db, SearchSettings settings)
    {
        public async Task<Result<Paged<AccountSummary>>> Handle(Query query, CancellationToken ct)
        {
            var search = TextSearch.Normalize(query.Search);
            if (!search.Succeeded) return search.Error!;
            var sort = query.Sort?.Trim().ToLowerInvariant() ?? ByName;
            if (sort is not (ByName or ByFit)) return Error.Invalid("sort", Messages.Format("Fit.SortUnknown", ByName, ByFit));
            if (sort == ByFit && query.Page.Cursor is not null) return Error.Invalid("cursor", Messages.Format("Fit.CursorByName"));
            var accounts = db.Accounts.AsNoTracking();
            if (query.OwnerId is { } ownerId) accounts = accounts.Where(a => a.OwnerId == ownerId);
            if (query.TeamId is { } teamId)
                accounts = accounts.Where(a => db.Users.Any(u => u.ColleagueId == a.OwnerId && db.TeamMembers.Any(m => m.UserId == u.Id && m.TeamId == teamId)));
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

            if (sort == ByFit) return await ByFitAsync(accounts, common, query.Page, ct);

            var paged = await ListPages.ByNameAsync(db, accounts, db.Accounts.IgnoreQueryFilters(), "Accounts", query.Page,
                a => a.Name, a => a.Id,
                a => new AccountSummary(
                    a.Id, a.Name, a.Industry, a.Size, a.Region, a.IdealCustomerScore,
                    a.ParentAccount == null ? null : new AccountRef(a.ParentAccount.Id, a.ParentAccount.Name),
                    a.People.Count, db.Opportunities.Count(o => o.AccountId == a.Id), a.Version),
                a => new ListCursor(a.Name, a.Id), ct, sampleTotal: common);
            return paged with { Items = [.. paged.Items.Select(Marked)] };
        }

        /// <summary>
        /// The prospect list: by score, highest first, unrated last, then by name. Paged by number (a
        /// cursor belongs to the name order); the score is compared as a number on both databases
        /// (SQLite keeps decimals as text).
        /// </summary>
        private async Task<Result<Paged<AccountSummary>>> ByFitAsync(IQueryable<Domain.Accounts.Account> accounts, bool common, PageRequest page, CancellationToken ct)
        {
            var (total, estimate) = common
                ? (await ListPages.SampleEstimateAsync(db, accounts, db.Accounts.IgnoreQueryFilters(), "Accounts", a => a.Id, ListPages.SearchSampleSize, ct), true)
                : await ListPages.CountAsync(db, accounts, db.Accounts.IgnoreQueryFilters(), "Accounts", a => a.Id, ct);
            var items = await accounts
                .OrderBy(a => a.IdealCustomerScore == null)
                .ThenByDescending(a => (double?)a.IdealCustomerScore)
                .ThenBy(a => a.Name).ThenBy(a => a.Id)
                .Skip(page.Skip).Take(page.Take)
                .Select(a => new AccountSummary(
                    a.Id, a.Name, a.Industry, a.Size, a.Region, a.IdealCustomerScore,
                    a.ParentAccount == null ? null : new AccountRef(a.ParentAccount.Id, a.ParentAccount.Name),
                    a.People.Count, db.Opportunities.Count(o => o.AccountId == a.Id), a.Version, false))
                .ToListAsync(ct);
            return new Paged<AccountSummary>([.. items.Select(Marked)], total, estimate);
        }

        private AccountSummary Marked(AccountSummary a) => a with { IdealCustomerScore = IdealCustomer.AccountFits.Shown(a.IdealCustomerScore), Prune = IdealCustomer.AccountFits.Prune(db, a.IdealCustomerScore) };
    }
}
