using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Colleagues;

/// <summary>Removes a colleague nobody depends on; an owner, a counterpart or a user's own colleague is refused.</summary>
public static class DeleteColleague
{
    public sealed record Command(Guid Id, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var colleague = await db.Colleagues.FirstOrDefaultAsync(c => c.Id == command.Id, ct);
            if (colleague is null) return Versions.NotFound("colleague", command.Id);
            if (db.CheckVersion(colleague, command.Version, "colleague") is { } stale) return stale;

            var reasons = new List<string>();
            var owned = await db.Opportunities.CountAsync(o => o.OwnerId == command.Id, ct);
            if (owned > 0) reasons.Add(Messages.Format(Messages.ForCount("ColleagueOwnsOpportunities", owned), owned));
            var counterpart = await db.BuyingInfluences.CountAsync(i => i.CounterpartId == command.Id, ct);
            if (counterpart > 0) reasons.Add(Messages.Format(Messages.ForCount("ColleagueIsCounterpart", counterpart), counterpart));
            var users = await db.Users.Where(u => u.ColleagueId == command.Id).OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(ct);
            if (users.Count > 0) reasons.Add(Messages.Format("ColleagueIsUser", string.Join(", ", users)));
            if (reasons.Count > 0)
                return Error.Conflict(Messages.Format("ColleagueInUse", colleague.Name, string.Join(Messages.Format("ListSeparator"), reasons)));

            db.Colleagues.Remove(colleague);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.Id;
        }
    }
}
