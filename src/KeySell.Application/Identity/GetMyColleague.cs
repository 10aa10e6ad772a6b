using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Identity;

/// <summary>The colleague a signed-in user is, so "my opportunities" means the deals that colleague owns.</summary>
public static class GetMyColleague
{
    public sealed record Query(string? UserName);

    public sealed record MyColleague(Guid Id, string Name, string? Title, string? Email);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<MyColleague>> Handle(Query query, CancellationToken ct)
        {
            var userName = query.UserName?.Trim() ?? "";
            var colleagueId = await db.Users.AsNoTracking()
                .Where(u => u.UserName == userName)
                .Select(u => u.ColleagueId)
                .FirstOrDefaultAsync(ct);
            var colleague = colleagueId is { } id
                ? await db.Colleagues.AsNoTracking()
                    .Where(c => c.Id == id)
                    .Select(c => new MyColleague(c.Id, c.Name, c.Title, c.Email))
                    .FirstOrDefaultAsync(ct)
                : null;
            // An unlinked sign-in (or a colleague deleted since) simply has no colleague: a 404, not a failure.
            return colleague is null
                ? Error.NotFound(Messages.Format("NotFound", Messages.Format("Entity.colleague"), userName))
                : colleague;
        }
    }
}
