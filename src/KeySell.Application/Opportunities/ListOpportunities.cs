using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

public sealed record OpportunitySummary(
    Guid Id,
    string Name,
    Guid AccountId,
    string AccountName,
    FunnelLevel FunnelLevel,
    decimal? Amount,
    string? Currency,
    DateOnly? CloseDate,
    Guid? OwnerId,
    string? OwnerName,
    int InfluenceCount,
    int Version);

/// <summary>The pipeline: opportunities by name, filtered by text (deal or account name), account or owner.</summary>
public static class ListOpportunities
{
    public sealed record Query(string? Search, Guid? AccountId, Guid? OwnerId, PageRequest Page);

    public sealed class Handler(AppDbContext db, SearchSettings settings)
    {
        public async Task<Result<Paged<OpportunitySummary>>> Handle(Query query, CancellationToken ct)
        {
            var search = TextSearch.Normalize(query.Search);
            if (!search.Succeeded) return search.Error!;
            var opportunities = db.Opportunities.AsNoTracking();
            // A common term is paged by walking the name index, and its total estimated from the sample rather than counted.
            var common = false;
            if (search.Value is { } text)
            {
                // A rare term: the gram indexes narrow to candidates (by deal name, or by account name) and the few are
                // sorted. A common one: no candidate set, so the database walks the (Name, Id) index in order and stops
                // when the page is full, instead of sorting tens of thousands of matches (decision 0012). The index only
                // narrows, so both give the same rows. lower() on both sides then decides, the same on SQLite and
                // PostgreSQL, unlike LIKE/ILIKE.
                common = TextSearch.Indexable(db, text)
                    && await TextSearch.CountOpportunityCandidatesAsync(db, text, settings.CommonTermAbove, ct) > settings.CommonTermAbove;
                if (common)
                {
                    // Each walked row is tested against the few accounts whose name holds the text (found once, through
                    // their gram index): a probe of that set, not a lookup of the row's account (2.6x on PostgreSQL).
                    var accountCandidates = TextSearch.AccountCandidates(db, text);
                    var accounts = db.Accounts.Where(a => accountCandidates.Contains(a.Id) && a.Name.ToLower().Contains(text)).Select(a => a.Id);
                    opportunities = opportunities.Where(o => o.Name.ToLower().Contains(text) || accounts.Contains(o.AccountId));
                }
                else
                {
                    if (TextSearch.Indexable(db, text))
                    {
                        var candidates = TextSearch.OpportunityCandidates(db, text);
                        opportunities = opportunities.Where(o => candidates.Contains(o.Id));
                    }
                    opportunities = opportunities.Where(o => o.Name.ToLower().Contains(text) || o.Account!.Name.ToLower().Contains(text));
                }
            }
            if (query.AccountId is { } accountId) opportunities = opportunities.Where(o => o.AccountId == accountId);
            if (query.OwnerId is { } ownerId) opportunities = opportunities.Where(o => o.OwnerId == ownerId);

            return await ListPages.ByNameAsync(db, opportunities, db.Opportunities.IgnoreQueryFilters(), "Opportunities", query.Page,
                o => o.Name, o => o.Id,
                o => new OpportunitySummary(
                    o.Id, o.Name, o.AccountId, o.Account!.Name, o.FunnelLevel, o.Objective.Amount, o.Objective.Currency,
                    o.Objective.CloseDate, o.OwnerId, o.Owner != null ? o.Owner.Name : null, o.Influences.Count, o.Version),
                o => new ListCursor(o.Name, o.Id), ct, sampleTotal: common);
        }
    }
}
