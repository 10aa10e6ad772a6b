using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

/// <summary>The signed-in user: who they are, their role, the colleague they are and their teams.</summary>
public static class GetMe
{
    public sealed record Query;

    public sealed record Me(string Id, string Email, string Name, Role Role, Guid? ColleagueId, IReadOnlyList<TeamRef> Teams);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Me>> Handle(Query query, CancellationToken ct)
        {
            var id = db.CallerUserId;
            var user = await db.Details(db.Users.Where(u => u.Id == id)).FirstOrDefaultAsync(ct);
            if (user is null) return Error.NotFound(Messages.Format("NotFound", Messages.Format("Entity.user"), id));
            var teams = await (from m in db.TeamMembers
                               where m.UserId == id
                               join t in db.Teams on m.TeamId equals t.Id
                               orderby t.Name
                               select new TeamRef(t.Id, t.Name, m.Manager)).ToListAsync(ct);
            return new Me(user.Id, user.Email, user.Name, user.Role, user.ColleagueId, teams);
        }
    }
}
