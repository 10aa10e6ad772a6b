using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

/// <summary>Teams with their members: an admin sees all, everyone else the teams they are in (the access filter).</summary>
public static class ListTeams
{
    public sealed record Query(PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<TeamDetail>>> Handle(Query query, CancellationToken ct)
        {
            var total = await db.Teams.CountAsync(ct);
            var page = db.Teams.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip(query.Page.Skip).Take(query.Page.Take);
            return new Paged<TeamDetail>(await db.TeamDetailsAsync(page, ct), total);
        }
    }
}
