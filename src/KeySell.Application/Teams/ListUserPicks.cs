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
            var users = db.Details(db.Users.Where(u => !u.Disabled));
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var text = query.Search.Trim().ToLower();
                users = users.Where(u => u.Email.ToLower().Contains(text) || u.Name.ToLower().Contains(text));
            }
            return await users.OrderBy(u => u.Name).Take(Limit).Select(u => new UserPick(u.Id, u.Name, u.Email)).ToListAsync(ct);
        }
    }
}
