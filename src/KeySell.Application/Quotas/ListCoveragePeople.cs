using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Quotas;

/// <summary>
/// Whose coverage the caller may open and whose quota they may set, for the coverage page's pick
/// list: themselves; a manager also the members of the teams they manage; an admin every active user.
/// </summary>
public static class ListCoveragePeople
{
    public const int Limit = 500;

    public sealed record Query;

    /// <summary><paramref name="MaySetQuota"/>: the caller may set this person's quota.</summary>
    public sealed record Person(string UserId, string Name, bool MaySetQuota);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyList<Person>>> Handle(Query query, CancellationToken ct)
        {
            var me = db.CallerUserId;
            var managed = db.UsersCallerManages;
            var users = db.CallerIsAdmin
                ? db.Users.Where(u => !u.Disabled || u.Id == me)
                : db.Users.Where(u => u.Id == me || managed.Contains(u.Id));
            var people = await db.Details(users).OrderBy(u => u.Name).ThenBy(u => u.Id).Take(Limit).ToListAsync(ct);
            var mayManage = db.CallerIsAdmin
                ? people.Select(p => p.Id).ToHashSet(StringComparer.Ordinal)
                : (await managed.Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            return people.Select(p => new Person(p.Id, p.Name, mayManage.Contains(p.Id))).ToList();
        }
    }
}
