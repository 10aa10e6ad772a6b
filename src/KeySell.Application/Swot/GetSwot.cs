using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Swot;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Swot;

/// <summary>A deal's or an account's SWOT; empty lists at version 0 while none is stored.</summary>
public static class GetSwot
{
    public sealed record Query(SwotOf Of);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<SwotDetail>> Handle(Query query, CancellationToken ct)
        {
            if (await query.Of.CheckExistsAsync(db, ct) is { } missing) return missing;
            return SwotDetail.From(await query.Of.Query(db).AsNoTracking().FirstOrDefaultAsync(ct));
        }
    }
}
