using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

/// <summary>Every user, for the admin's user page; searched by email or name.</summary>
public static class ListUsers
{
    public sealed record Query(string? Search, PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<UserDetail>>> Handle(Query query, CancellationToken ct)
        {
            if (!db.CallerIsAdmin) return Error.Forbidden(Messages.Format("Access.AdminOnly"));
            var users = db.Matching(db.Users, query.Search);
            var total = await users.CountAsync(ct);
            var items = await db.Details(users.OrderBy(u => u.Email).ThenBy(u => u.Id).Skip(query.Page.Skip).Take(query.Page.Take)).ToListAsync(ct);
            return new Paged<UserDetail>(items, total);
        }
    }
}
