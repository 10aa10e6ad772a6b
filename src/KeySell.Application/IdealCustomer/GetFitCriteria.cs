using KeySell.Application.Common;
using KeySell.Application.Data;

namespace KeySell.Application.IdealCustomer;

/// <summary>The team's ideal-customer criteria, read by every signed-in user.</summary>
public static class GetFitCriteria
{
    public sealed record Query;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<FitCriteriaList>> Handle(Query query, CancellationToken ct) =>
            FitCriteria.List(await FitCriteria.ReadAsync(db, ct));
    }
}
