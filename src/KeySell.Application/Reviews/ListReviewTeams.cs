using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Reviews;

/// <summary>The teams whose review the caller may open: those they manage; an admin every team. By name.</summary>
public static class ListReviewTeams
{
    public sealed record Query;

    public sealed record Item(Guid Id, string Name);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var teams = db.Teams.AsNoTracking();
            if (!db.CallerIsAdmin) teams = teams.Where(t => db.TeamMembers.Any(m => m.TeamId == t.Id && m.UserId == db.CallerUserId && m.Manager));
            var items = await teams.Select(t => new Item(t.Id, t.Name)).ToListAsync(ct);
            return [.. items.OrderBy(t => t.Name, StringComparer.CurrentCulture)];
        }
    }
}
