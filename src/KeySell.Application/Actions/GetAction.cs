using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Actions;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Actions;

/// <summary>One action of a deal, by its sheet id.</summary>
public static class GetAction
{
    public sealed record Query(Guid OpportunityId, string ActionId);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<ActionDetail>> Handle(Query query, CancellationToken ct) =>
            await LoadAsync(db, query.OpportunityId, query.ActionId, ct) is { } action
                ? ActionDetail.From(action, DateOnly.FromDateTime(time.GetLocalNow().Date))
                : Versions.NotFound("action", query.ActionId);
    }

    /// <summary>The action with its owner, through the access rules (a deal the caller cannot read has no actions for them).</summary>
    internal static Task<SellingAction?> LoadAsync(AppDbContext db, Guid opportunityId, string key, CancellationToken ct) =>
        db.Actions.AsNoTracking().Include(a => a.Owner)
            .FirstOrDefaultAsync(a => a.OpportunityId == opportunityId && a.Key == key, ct);
}
