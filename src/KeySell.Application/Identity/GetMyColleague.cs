using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Identity;

/// <summary>The colleague the caller is (from <see cref="ICurrentUser"/>), so "my opportunities" means the deals that colleague owns.</summary>
public static class GetMyColleague
{
    public sealed record Query;

    public sealed record MyColleague(Guid Id, string Name, string? Title, string? Email);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<MyColleague>> Handle(Query query, CancellationToken ct)
        {
            var id = db.CallerColleagueId;
            var colleague = id is null ? null : await db.Colleagues.AsNoTracking()
                .Where(c => c.Id == id)
                .Select(c => new MyColleague(c.Id, c.Name, c.Title, c.Email))
                .FirstOrDefaultAsync(ct);
            // An unlinked sign-in (or the operator) simply has no colleague: a 404, not a failure.
            return colleague is null
                ? Error.NotFound(Messages.Format("NotFound", Messages.Format("Entity.colleague"), db.Caller.Name))
                : colleague;
        }
    }
}
