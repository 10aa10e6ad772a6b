using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

/// <summary>A user as the admin pages and <c>GET /api/users</c> show them; the name is their colleague's.</summary>
public sealed record UserDetail(string Id, string Email, string Name, Role Role, bool Disabled, Guid? ColleagueId);

public sealed record TeamRef(Guid Id, string Name, bool Manager);

public sealed record TeamMemberDetail(string UserId, string Name, bool Manager);

public sealed record TeamDetail(Guid Id, string Name, IReadOnlyList<TeamMemberDetail> Members);

internal static class UserQueries
{
    /// <summary>Users with their colleague's name, in one query.</summary>
    public static IQueryable<UserDetail> Details(this AppDbContext db, IQueryable<AppUser> users) =>
        from u in users
        join c in db.Colleagues on u.ColleagueId equals c.Id into linked
        from c in linked.DefaultIfEmpty()
        select new UserDetail(u.Id, u.Email ?? "", c != null ? c.Name : (u.Email ?? ""), u.Role, u.Disabled, u.ColleagueId);

    /// <summary>Users whose email or colleague name contains the text (lower() behaves the same on SQLite and PostgreSQL).</summary>
    public static IQueryable<AppUser> Matching(this AppDbContext db, IQueryable<AppUser> users, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return users;
        var text = search.Trim().ToLower();
        return users.Where(u => u.Email!.ToLower().Contains(text)
            || db.Colleagues.Any(c => c.Id == u.ColleagueId && c.Name.ToLower().Contains(text)));
    }

    public static async Task<List<TeamDetail>> TeamDetailsAsync(this AppDbContext db, IQueryable<Team> teams, CancellationToken ct)
    {
        var rows = await (from t in teams
                          select new
                          {
                              t.Id,
                              t.Name,
                              Members = (from m in db.TeamMembers
                                         where m.TeamId == t.Id
                                         join u in db.Users on m.UserId equals u.Id
                                         join c in db.Colleagues on u.ColleagueId equals c.Id into linked
                                         from c in linked.DefaultIfEmpty()
                                         select new TeamMemberDetail(m.UserId, c != null ? c.Name : (u.Email ?? ""), m.Manager)).ToList(),
                          }).ToListAsync(ct);
        return rows.Select(r => new TeamDetail(r.Id, r.Name, r.Members.OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList())).ToList();
    }
}
