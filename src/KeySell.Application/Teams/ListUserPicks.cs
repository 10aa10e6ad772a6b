using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

/// <summary>
/// Users to pick when sharing a deal or forming an account team: names and ids of active users only,
/// open to everyone signed in like the colleague directory (no role, no email beyond the address).
/// </summary>
public static class ListUserPicks
{
    public const int Limit = 20;

    public sealed record Query(string? Search);

    public sealed record UserPick(string Id, string Name, string Email);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyList<UserPick>>> Handle(Query query, CancellationToken ct)
        {
            var users = await db.Details(db.Matching(db.Users.Where(u => !u.Disabled), query.Search).OrderBy(u => u.Email).Take(Limit)).ToListAsync(ct);
            return users.OrderBy(u => u.Name, StringComparer.CurrentCulture).Select(u => new UserPick(u.Id, u.Name, u.Email)).ToList();
        }
    }
}
