using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>One row of the grid, as it is stored now.</summary>
public static class GetBuyingInfluence
{
    public sealed record Query(Guid Id);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<InfluenceDetail>> Handle(Query query, CancellationToken ct) =>
            await LoadAsync(db, query.Id, ct) is { } detail ? detail : Versions.NotFound("influence", query.Id);
    }

    internal static async Task<InfluenceDetail?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var influence = await db.BuyingInfluences.AsNoTracking()
            .Include(i => i.Person).Include(i => i.Counterpart)
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        return influence is null ? null : InfluenceDetail.From(influence);
    }
}
