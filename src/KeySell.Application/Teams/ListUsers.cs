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
            // Searched, counted and paged on the users themselves: EF cannot translate a filter or an order on the
            // members of the UserDetail that Details constructs, so it only shapes the page.
            var users = db.Users.AsQueryable();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var text = query.Search.Trim().ToLower();
                users = users.Where(u => u.Email!.ToLower().Contains(text)
                    || db.Colleagues.Any(c => c.Id == u.ColleagueId && c.Name.ToLower().Contains(text)));
            }
            var total = await users.CountAsync(ct);
            var page = await db.Details(users.OrderBy(u => u.Email).Skip(query.Page.Skip).Take(query.Page.Take)).ToListAsync(ct);
            var items = page.OrderBy(u => u.Email, StringComparer.Ordinal).ToList();
            return new Paged<UserDetail>(items, total);
        }
    }
}
