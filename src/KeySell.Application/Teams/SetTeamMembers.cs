using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Application.Security;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

/// <summary>
/// Replaces a team's members. Only a user whose role is manager or admin may be marked manager:
/// that mark lets them write every deal of the team's members.
/// </summary>
public static class SetTeamMembers
{
    public const int MaxMembers = 500;

    public sealed record Member(string? UserId, bool Manager);

    public sealed record Command(Guid TeamId, IReadOnlyList<Member>? Members);

    public sealed class Handler(AppDbContext db, SecurityLog log)
    {
        public async Task<Result<TeamDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!db.CallerIsAdmin) return Error.Forbidden(Messages.Format("Access.AdminOnly"));
            var team = await db.Teams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == command.TeamId, ct);
            if (team is null) return Error.NotFound(Messages.Format("NotFound", Messages.Format("Entity.team"), command.TeamId));

            var validation = new Validation();
            var members = command.Members ?? [];
            if (command.Members is null) validation.Add("members", Messages.Format("Required"));
            if (members.Count > MaxMembers) validation.Add("members", Messages.Format("TooMany", MaxMembers));
            var ids = members.Select(m => m.UserId ?? "").Distinct().ToList();
            var roles = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Role, ct);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < members.Count && members.Count <= MaxMembers; i++)
            {
                var member = members[i];
                if (string.IsNullOrWhiteSpace(member.UserId)) validation.Add($"members[{i}].userId", Messages.Format("Required"));
                else if (!roles.TryGetValue(member.UserId, out var role)) validation.Add($"members[{i}].userId", Messages.Format("ReferenceMissing", Messages.Format("Entity.user"), member.UserId));
                else if (!seen.Add(member.UserId)) validation.Add($"members[{i}].userId", Messages.Format("DuplicateMember"));
                else if (member.Manager && role is not (Role.Manager or Role.Admin)) validation.Add($"members[{i}].manager", Messages.Format("ManagerRoleRequired"));
            }
            if (validation.HasErrors) return validation.ToError();

            var wanted = members.ToDictionary(m => m.UserId!, m => m.Manager, StringComparer.Ordinal);
            foreach (var gone in team.Members.Where(m => !wanted.ContainsKey(m.UserId)).ToList()) team.Members.Remove(gone);
            foreach (var (userId, manager) in wanted)
            {
                var existing = team.Members.FirstOrDefault(m => m.UserId == userId);
                if (existing is null) team.Members.Add(new TeamMember { TeamId = team.Id, UserId = userId, Manager = manager });
                else existing.Manager = manager;
            }
            db.Entry(team).Property(t => t.UpdatedAt).IsModified = true;
            await db.SaveChangesAsync(ct);
            var listed = string.Join(", ", wanted.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value ? m.Key + " (manager)" : m.Key));
            await log.RecordAsync(SecurityEventKinds.TeamMembersChanged, null, null, $"team {team.Id}: {listed}", ct);
            return (await db.TeamDetailsAsync(db.Teams.Where(t => t.Id == team.Id), ct)).Single();
        }
    }
}
