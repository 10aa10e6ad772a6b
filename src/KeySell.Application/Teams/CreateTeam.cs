using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Application.Security;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

public static class CreateTeam
{
    public sealed record Command(string? Name);

    public sealed class Handler(AppDbContext db, SecurityLog log)
    {
        public async Task<Result<TeamDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!db.CallerIsAdmin) return Error.Forbidden(Messages.Format("Access.AdminOnly"));
            var validation = new Validation();
            validation.Required("name", command.Name, Team.NameMaxLength);
            var name = command.Name?.Trim() ?? "";
            if (name.Length > 0 && await db.Teams.AnyAsync(t => t.Name == name, ct)) validation.Add("name", Messages.Format("TeamExists", name));
            if (validation.HasErrors) return validation.ToError();

            var team = db.Teams.Add(new Team { Name = name }).Entity;
            await db.SaveChangesAsync(ct);
            await log.RecordAsync(SecurityEventKinds.TeamCreated, null, null, $"team {team.Id}: {team.Name}", ct);
            return new TeamDetail(team.Id, team.Name, []);
        }
    }
}
