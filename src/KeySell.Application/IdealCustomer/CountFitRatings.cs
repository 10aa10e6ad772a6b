using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.IdealCustomer;

/// <summary>
/// How many ratings each criterion has, among the accounts the caller reads: what the settings page
/// says a removal drops before it asks to confirm.
/// </summary>
public static class CountFitRatings
{
    public sealed record Query;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyDictionary<Guid, int>>> Handle(Query query, CancellationToken ct) =>
            await db.FitRatings.GroupBy(r => r.CriterionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
