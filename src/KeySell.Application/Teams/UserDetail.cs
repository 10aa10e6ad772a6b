using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

/// <summary>A user as the admin pages and <c>GET /api/users</c> show them; the name is their colleague's.</summary>
/// <remarks>
/// Properties set by an initializer, not a constructor: lists search and sort on <see cref="UserQueries.Details"/>'s
/// projection, and EF Core can translate a member of an initialized object but not of a constructed one.
/// </remarks>
public sealed record UserDetail
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public required string Name { get; init; }
    public required Role Role { get; init; }
    public required bool Disabled { get; init; }
    public required Guid? ColleagueId { get; init; }
}

public sealed record TeamRef(Guid Id, string Name, bool Manager);

/// <summary>A team member; their role tells the admin's page whether they may be marked manager.</summary>
public sealed record TeamMemberDetail(string UserId, string Name, bool Manager, Role Role);

public sealed record TeamDetail(Guid Id, string Name, IReadOnlyList<TeamMemberDetail> Members);

internal static class UserQueries
{
    /// <summary>Users with their colleague's name, in one query that can still be filtered and sorted.</summary>
    public static IQueryable<UserDetail> Details(this AppDbContext db, IQueryable<AppUser> users) =>
        from u in users
        join c in db.Colleagues on u.ColleagueId equals c.Id into linked
        from c in linked.DefaultIfEmpty()
        select new UserDetail { Id = u.Id, Email = u.Email ?? "", Name = c != null ? c.Name : (u.Email ?? ""), Role = u.Role, Disabled = u.Disabled, ColleagueId = u.ColleagueId };

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
                                         select new TeamMemberDetail(m.UserId, c != null ? c.Name : (u.Email ?? ""), m.Manager, u.Role)).ToList(),
                          }).ToListAsync(ct);
        return rows.Select(r => new TeamDetail(r.Id, r.Name, r.Members.OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList())).ToList();
    }
}
