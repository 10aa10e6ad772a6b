using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <summary>One share of a deal, with the name of the user or team it opens the deal to.</summary>
public sealed record ShareDetail(Guid Id, string? UserId, Guid? TeamId, string Name, ShareAccess Access);

internal static class ShareQueries
{
    public static IQueryable<ShareDetail> ShareDetails(this AppDbContext db, Guid opportunityId) =>
        from s in db.OpportunityShares
        where s.OpportunityId == opportunityId
        join u in db.Users on s.UserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        join c in db.Colleagues on u.ColleagueId equals c.Id into colleagues
        from c in colleagues.DefaultIfEmpty()
        join t in db.Teams.IgnoreQueryFilters([AppDbContext.Filters.Access]) on s.TeamId equals t.Id into teams
        from t in teams.DefaultIfEmpty()
        select new ShareDetail(s.Id, s.UserId, s.TeamId, t != null ? t.Name : c != null ? c.Name : u != null ? u.Email! : "", s.Access);
}

/// <summary>Who else a deal is opened to: anyone who reads the deal sees its shares.</summary>
public static class ListShares
{
    public sealed record Query(Guid OpportunityId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<ShareDetail>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == query.OpportunityId, ct)) return Versions.NotFound("opportunity", query.OpportunityId);
            var items = await db.ShareDetails(query.OpportunityId).ToListAsync(ct);
            return new Paged<ShareDetail>(items.OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList(), items.Count);
        }
    }
}

/// <summary>
/// Opens a deal to one user or one team, to read or to edit; sharing again with the same user or
/// team changes the access of the existing share.
/// </summary>
public static class AddShare
{
    public sealed record Command(Guid OpportunityId, string? UserId, Guid? TeamId, string? Access);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<ShareDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == command.OpportunityId, ct)) return Versions.NotFound("opportunity", command.OpportunityId);
            if (!await db.MayWriteOpportunityAsync(command.OpportunityId, ct)) return Error.Forbidden(Messages.Format("Access.ReadOnly"));
            var validation = new Validation();
            var access = validation.Enum<ShareAccess>("access", command.Access);
            if (command.Access is null) validation.Add("access", Messages.Format("Required"));
            var toUser = !string.IsNullOrWhiteSpace(command.UserId);
            if (toUser == command.TeamId.HasValue) validation.Add(toUser ? "teamId" : "userId", Messages.Format("ShareTarget"));
            else if (toUser && !await db.Users.AnyAsync(u => u.Id == command.UserId, ct))
                validation.Add("userId", Messages.Format("ReferenceMissing", Messages.Format("Entity.user"), command.UserId));
            else if (command.TeamId is { } teamId && !await db.Teams.IgnoreQueryFilters([AppDbContext.Filters.Access]).AnyAsync(t => t.Id == teamId, ct))
                validation.Add("teamId", Messages.Format("ReferenceMissing", Messages.Format("Entity.team"), teamId));
            if (validation.HasErrors) return validation.ToError();

            var share = await db.OpportunityShares.FirstOrDefaultAsync(s => s.OpportunityId == command.OpportunityId
                && (toUser ? s.UserId == command.UserId : s.TeamId == command.TeamId), ct);
            if (share is null)
            {
                share = new OpportunityShare { OpportunityId = command.OpportunityId, UserId = toUser ? command.UserId : null, TeamId = toUser ? null : command.TeamId };
                db.OpportunityShares.Add(share);
            }
            share.Access = access!.Value;
            if (await db.SaveOrConflictAsync(ct) is { } refused) return refused;
            return (await db.ShareDetails(command.OpportunityId).ToListAsync(ct)).First(s => s.Id == share.Id);
        }
    }
}

public static class RemoveShare
{
    public sealed record Command(Guid OpportunityId, Guid ShareId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == command.OpportunityId, ct)) return Versions.NotFound("opportunity", command.OpportunityId);
            if (!await db.MayWriteOpportunityAsync(command.OpportunityId, ct)) return Error.Forbidden(Messages.Format("Access.ReadOnly"));
            var share = await db.OpportunityShares.FirstOrDefaultAsync(s => s.Id == command.ShareId && s.OpportunityId == command.OpportunityId, ct);
            if (share is null) return Versions.NotFound("share", command.ShareId);
            db.OpportunityShares.Remove(share);
            if (await db.SaveOrConflictAsync(ct) is { } refused) return refused;
            return share.Id;
        }
    }
}
