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

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<OpportunitySummary>>> Handle(Query query, CancellationToken ct)
        {
            var opportunities = db.Opportunities.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                // lower() on both sides: SQLite's LIKE and PostgreSQL's differ in case rules, lower() does not.
                var text = query.Search.Trim().ToLower();
                opportunities = opportunities.Where(o => o.Name.ToLower().Contains(text) || o.Account!.Name.ToLower().Contains(text));
            }
            if (query.AccountId is { } accountId) opportunities = opportunities.Where(o => o.AccountId == accountId);
            if (query.OwnerId is { } ownerId) opportunities = opportunities.Where(o => o.OwnerId == ownerId);

            var total = await opportunities.CountAsync(ct);
            var items = await opportunities
                .OrderBy(o => o.Name).ThenBy(o => o.Id)
                .Skip(query.Page.Skip).Take(query.Page.Take)
                .Select(o => new OpportunitySummary(
                    o.Id, o.Name, o.AccountId, o.Account!.Name, o.FunnelLevel, o.Objective.Amount, o.Objective.Currency,
                    o.Objective.CloseDate, o.OwnerId, o.Owner != null ? o.Owner.Name : null, o.Influences.Count, o.Version))
                .ToListAsync(ct);
            return new Paged<OpportunitySummary>(items, total);
        }
    }
}
