using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Resources;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Teams;
using KeySell.Application.Security;
using KeySell.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

/// <summary>
/// An admin renames a user, changes their role or disables them. A new role or a disable ends every
/// session and token the user holds (a new security stamp); the last active admin cannot be demoted
/// or disabled, so the workspace never locks itself out.
/// </summary>
public static class UpdateUser
{
    public sealed record Command(string Id, string? Name, string? Role, bool? Disabled);

    public sealed class Handler(AppDbContext db, SessionRevocation sessions, SecurityLog log)
    {
        public async Task<Result<UserDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!db.CallerIsAdmin) return Error.Forbidden(Messages.Format("Access.AdminOnly"));
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.Id, ct);
            if (user is null) return Error.NotFound(Messages.Format("NotFound", Messages.Format("Entity.user"), command.Id));

            var validation = new Validation();
            validation.Required("name", command.Name, Colleague.NameMaxLength);
            var role = validation.Enum<Role>("role", command.Role);
            if (command.Role is null) validation.Add("role", Messages.Format("Required"));
            if (validation.HasErrors) return validation.ToError();

            var disabled = command.Disabled ?? user.Disabled;
            var wasActiveAdmin = user.Role == Role.Admin && !user.Disabled;
            if (wasActiveAdmin && (role != Role.Admin || disabled)
                && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == Role.Admin && !u.Disabled, ct))
                return Error.Conflict(Messages.Format("LastAdmin"));

            var revoke = user.Role != role || (disabled && !user.Disabled);
            user.Role = role!.Value;
            user.Disabled = disabled;
            if (user.ColleagueId is { } colleagueId && await db.Colleagues.FirstOrDefaultAsync(c => c.Id == colleagueId, ct) is { } colleague)
                colleague.Name = command.Name!.Trim();
            // Only managers and admins manage a team.
            if (user.Role is not (Role.Manager or Role.Admin))
                foreach (var membership in await db.TeamMembers.Where(m => m.UserId == user.Id && m.Manager).ToListAsync(ct))
                    membership.Manager = false;
            await db.SaveChangesAsync(ct);
            await log.RecordAsync(SecurityEventKinds.UserUpdated, user.Id, user.Email,
                $"role={user.Role.ToId()} disabled={(user.Disabled ? "yes" : "no")}", ct);
            // A new role or a disable ends every session and token at once (a new security stamp).
            if (revoke) await sessions.RevokeAllAsync(user.Id, disabled ? "disabled" : "role-changed", ct: ct);
            return (await db.Details(db.Users.Where(u => u.Id == user.Id)).FirstAsync(ct));
        }
    }
}
