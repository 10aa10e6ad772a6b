using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Security;

/// <summary>The security log for admins, newest first.</summary>
public static class ListSecurityEvents
{
    public sealed record Query(PageRequest Page);

    public sealed record Item(DateTimeOffset At, string Kind, string? UserId, string? Email, string? Ip, string? Detail);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Paged<Item>> Handle(Query query, CancellationToken ct)
        {
            var events = db.SecurityEvents.AsNoTracking();
            var total = await events.CountAsync(ct);
            // The id is a sequence: ordering by it is "newest first" on every provider (SQLite cannot order by DateTimeOffset).
            var items = await events.OrderByDescending(e => e.Id)
                .Skip(query.Page.Skip).Take(query.Page.Take)
                .Select(e => new Item(e.At, e.Kind, e.UserId, e.Email, e.Ip, e.Detail))
                .ToListAsync(ct);
            return new Paged<Item>(items, total);
        }
    }
}
