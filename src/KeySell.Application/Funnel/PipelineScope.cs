using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Funnel;

/// <summary>
/// Whose pipeline a funnel figure covers (the funnel contract's <c>scope</c>): <c>me</c> — deals
/// owned by the caller's colleague; <c>team:{id}</c> — deals owned by that team's members (the
/// caller must be a member, or admin); <c>all</c> — everything the caller may read. The access
/// rules apply on top in every case, so a scope never shows a deal the caller may not read.
/// </summary>
public sealed record PipelineScope(PipelineScope.Kinds Kind, Guid? TeamId)
{
    public enum Kinds { Me, Team, All }

    public const int MaxLength = 64;

    public static readonly PipelineScope Me = new(Kinds.Me, null);
    public static readonly PipelineScope All = new(Kinds.All, null);
    public static PipelineScope Team(Guid id) => new(Kinds.Team, id);

    /// <summary>Reads <c>me</c>, <c>team:{guid}</c> or <c>all</c>; no scope at all means <c>me</c>.</summary>
    public static Result<PipelineScope> Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || value.Equals("me", StringComparison.OrdinalIgnoreCase)) return Me;
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase)) return All;
        if (value.StartsWith("team:", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(value.AsSpan(5), out var id)) return Team(id);
        return Error.Invalid("scope", Messages.Format("Scope.Unknown", Texts.Cut(value, MaxLength)));
    }

    public override string ToString() => Kind switch
    {
        Kinds.Me => "me",
        Kinds.Team => $"team:{TeamId}",
        _ => "all",
    };
}

/// <summary>The owners a scope stands for, resolved once: <see cref="ColleagueIds"/> is null for <c>all</c>.</summary>
public sealed record ScopedOwners(PipelineScope Scope, IReadOnlyList<Guid>? ColleagueIds)
{
    /// <summary>
    /// The scope's deals among those the caller may read. One owner (scope <c>me</c>) is a plain equality, which both
    /// databases seek in any index that starts with the owner (the work queue's, the funnel's); a list is a membership.
    /// </summary>
    public IQueryable<Opportunity> Deals(AppDbContext db)
    {
        var deals = db.Opportunities.AsNoTracking();
        if (ColleagueIds is null) return deals;
        if (ColleagueIds is [var owner]) return deals.Where(o => o.OwnerId == owner);
        var ids = ColleagueIds;
        return deals.Where(o => o.OwnerId != null && ids.Contains(o.OwnerId.Value));
    }
}

public static class PipelineScopes
{
    /// <summary>
    /// Who the scope's owners are: the caller's colleague for <c>me</c> (nobody when the sign-in has
    /// none), the colleagues of a team's members, or everyone. A team the caller is not in is 403
    /// (admins excepted); a team that does not exist is 404.
    /// </summary>
    public static async Task<Result<ScopedOwners>> ResolveAsync(this AppDbContext db, PipelineScope scope, CancellationToken ct)
    {
        switch (scope.Kind)
        {
            case PipelineScope.Kinds.Me:
                return new ScopedOwners(scope, db.CallerColleagueId is { } me ? [me] : []);
            case PipelineScope.Kinds.All:
                return new ScopedOwners(scope, null);
            default:
                var teamId = scope.TeamId!.Value;
                // Teams are filtered to their members (and admins), so a team one cannot see may still exist.
                if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct))
                {
                    var exists = await db.Teams.IgnoreQueryFilters([AppDbContext.Filters.Access]).AnyAsync(t => t.Id == teamId, ct);
                    return exists
                        ? Error.Forbidden(Messages.Format("Scope.NotMember"))
                        : Error.NotFound(Messages.Format("NotFound", Messages.Format("Entity.team"), teamId));
                }
                var colleagues = await db.TeamMembers.Where(m => m.TeamId == teamId)
                    .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.ColleagueId)
                    .Where(c => c != null).Select(c => c!.Value).Distinct().ToListAsync(ct);
                return new ScopedOwners(scope, colleagues);
        }
    }
}
