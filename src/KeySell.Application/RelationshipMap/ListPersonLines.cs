using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>An account's own informal lines (between people on no deal) in the order they were drawn.</summary>
public static class ListPersonLines
{
    public sealed record Query(Guid AccountId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyList<PersonLineDetail>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == query.AccountId, ct)) return Versions.NotFound("account", query.AccountId);
            var lines = await db.PersonLines.AsNoTracking().Where(l => l.AccountId == query.AccountId).ToListAsync(ct);
            // In the order they were drawn, sorted here: SQLite cannot order by a moment (bounded by PersonLine.MaxPerAccount).
            return lines.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Select(PersonLineDetail.Of).ToList();
        }
    }
}
