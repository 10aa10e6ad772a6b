using KeySell.Application.Calendar;
using KeySell.Application.History;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Imports;
using KeySell.Domain.Funnel;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Quotas;
using KeySell.Domain.RelationshipMap;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Reviews;
using KeySell.Domain.Strengths;
using KeySell.Domain.Swot;
using KeySell.Domain.Common;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

// The access rules live beside the context because EF Core swaps "this" in a query filter for the
// context that runs the query: each filter below reads the caller of the context it runs in.
// ReSharper disable once CheckNamespace
namespace KeySell.Application.Data;

/// <summary>
/// Who reads and writes what (the team-access contract), in one place. Reads are EF Core query
/// filters, so every list, count, search, total, pick list and export sees only what the caller
/// may read; writes are checked by <see cref="Access.WriteGuard"/> with <see cref="CanWriteOpportunity"/>
/// and <see cref="CanWriteAccount"/> before anything is saved.
/// </summary>
public partial class AppDbContext
{
    /// <summary>The filter the access rules go by; <c>IgnoreQueryFilters([Filters.Access])</c> is for the operator's own tools only.</summary>
    public static class Filters
    {
        public const string Access = "access";
        public const string RecycleBin = "recycle-bin";
    }

    // Read by the filters per query. Public so EF can turn them into parameters.
    public string CallerUserId => caller.UserId ?? "";
    public Guid? CallerColleagueId => caller.ColleagueId;
    public bool CallerIsAdmin => caller.Role == Role.Admin;
    public bool CallerMayWrite => caller.Role is Role.Seller or Role.Manager or Role.Admin;

    private void ApplyAccessRules(ModelBuilder builder)
    {
        // read O: admin; the owner; a member of a team the owner is in; a user or team it is shared
        // with; a member of the account's account team.
        builder.Entity<Opportunity>().HasQueryFilter(Filters.RecycleBin, o => o.DeletedAt == null);
        builder.Entity<Opportunity>().HasQueryFilter(Filters.Access, o =>
            CallerIsAdmin
            || (o.OwnerId != null && o.OwnerId == CallerColleagueId)
            || Users.Any(owner => owner.ColleagueId == o.OwnerId
                && TeamMembers.Any(them => them.UserId == owner.Id
                    && TeamMembers.Any(me => me.UserId == CallerUserId && me.TeamId == them.TeamId)))
            || OpportunityShares.Any(s => s.OpportunityId == o.Id
                && (s.UserId == CallerUserId || TeamMembers.Any(me => me.UserId == CallerUserId && me.TeamId == s.TeamId)))
            || AccountTeamMembers.Any(at => at.AccountId == o.AccountId && at.UserId == CallerUserId));

        // read A: anyone who reads a deal at A; A's owner, account team and the owner's teams; admin.
        builder.Entity<Account>().HasQueryFilter(Filters.RecycleBin, a => a.DeletedAt == null);
        builder.Entity<Account>().HasQueryFilter(Filters.Access, a =>
            CallerIsAdmin
            || (a.OwnerId != null && a.OwnerId == CallerColleagueId)
            || AccountTeamMembers.Any(at => at.AccountId == a.Id && at.UserId == CallerUserId)
            || Users.Any(owner => owner.ColleagueId == a.OwnerId
                && TeamMembers.Any(them => them.UserId == owner.Id
                    && TeamMembers.Any(me => me.UserId == CallerUserId && me.TeamId == them.TeamId)))
            || Opportunities.Any(o => o.AccountId == a.Id));

        // What belongs to an account or a deal is read with it (the filters above apply inside).
        builder.Entity<Person>().HasQueryFilter(Filters.RecycleBin, p => p.DeletedAt == null);
        builder.Entity<Person>().HasQueryFilter(Filters.Access, p => Accounts.Any(a => a.Id == p.AccountId));
        builder.Entity<FitRating>().HasQueryFilter(Filters.Access, r => Accounts.Any(a => a.Id == r.AccountId));
        // The ideal-customer criteria are the team's, read by everyone (FitCriterion has no filter).
        builder.Entity<Department>().HasQueryFilter(Filters.Access, d => Accounts.Any(a => a.Id == d.AccountId));
        builder.Entity<AccountRelation>().HasQueryFilter(Filters.Access, r =>
            Accounts.Any(a => a.Id == r.AccountId) && Accounts.Any(a => a.Id == r.RelatedAccountId));
        // Every part of a deal's sheet (influences, lists, milestones, calls, actions, the needs tree, influence lines).
        foreach (var part in builder.Model.GetEntityTypes().Where(t => typeof(IDealPart).IsAssignableFrom(t.ClrType)).ToList())
            DealPartFilter.MakeGenericMethod(part.ClrType).Invoke(this, [builder]);
        // Lines between people of an account are the account's.
        builder.Entity<PersonLine>().HasQueryFilter(Filters.Access, l => Accounts.Any(a => a.Id == l.AccountId));
        // A place on a relationship map is its user's own view, and only of a map they may still read (decision 0029).
        builder.Entity<MapPosition>().HasQueryFilter(Filters.Access, p => p.UserId == CallerUserId
            && (p.Kind == MapKind.Opportunity ? Opportunities.Any(o => o.Id == p.MapId) : Accounts.Any(a => a.Id == p.MapId)));
        // A SWOT is the deal's or the account's.
        builder.Entity<SwotAnalysis>().HasQueryFilter(Filters.Access, s =>
            (s.OpportunityId != null && Opportunities.Any(o => o.Id == s.OpportunityId))
            || (s.AccountId != null && Accounts.Any(a => a.Id == s.AccountId)));
        builder.Entity<FunnelChange>().HasQueryFilter(Filters.Access, c => Opportunities.Any(o => o.Id == c.OpportunityId));
        builder.Entity<AnalysisSummary>().HasQueryFilter(Filters.Access, s => Opportunities.Any(o => o.Id == s.OpportunityId));
        // A deal's reviews are read by whoever reads the deal (its seller sees that it was reviewed).
        builder.Entity<Review>().HasQueryFilter(Filters.Access, r => Opportunities.Any(o => o.Id == r.OpportunityId));

        // A line of history is read with the deal, or else the account, it belongs to.
        builder.Entity<ChangeRecord>().HasQueryFilter(Filters.Access, c =>
            CallerIsAdmin
            || (c.OpportunityId != null
                ? Opportunities.Any(o => o.Id == c.OpportunityId)
                : c.AccountId != null && Accounts.Any(a => a.Id == c.AccountId)));

        // Team members, account-team members and shares are what the rules above are written in:
        // they carry no filter of their own (a filter there would refer back to itself) and are
        // read only through the deal, account or team they belong to.
        // An import job and a saved mapping are their user's own; admins see all (the operator's have no user).
        builder.Entity<ImportJob>().HasQueryFilter(Filters.Access, j => CallerIsAdmin || (j.UserId != null && j.UserId == CallerUserId));
        builder.Entity<ImportMapping>().HasQueryFilter(Filters.Access, m => CallerIsAdmin || (m.UserId != null && m.UserId == CallerUserId));

        // A calendar link is its user's own credential: nobody else reads it, admins included (the feed finds a link past
        // this filter, by the hash of the secret it is given).
        builder.Entity<CalendarLink>().HasQueryFilter(Filters.Access, l => l.UserId == CallerUserId);

        // A team is seen by its members and by admins.
        builder.Entity<Team>().HasQueryFilter(Filters.Access, t => CallerIsAdmin || TeamMembers.Any(m => m.TeamId == t.Id && m.UserId == CallerUserId));

        // A quota is seen by its user, by the managers of the user's teams (who set it) and by admins.
        builder.Entity<Quota>().HasQueryFilter(Filters.Access, q => CallerIsAdmin || q.UserId == CallerUserId || UsersCallerManages.Contains(q.UserId));

        // Learning results are private to their user, the managers of the user's teams (who coach them) and admins.
        builder.Entity<KeySell.Domain.Learning.LearningResult>().HasQueryFilter(Filters.Access, r =>
            CallerIsAdmin || r.UserId == CallerUserId || UsersCallerManages.Contains(r.UserId));
    }

    private static readonly System.Reflection.MethodInfo DealPartFilter =
        typeof(AppDbContext).GetMethod(nameof(ApplyDealPartFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    /// <summary>A part of a deal is read with the deal (the filter above applies inside).</summary>
    private void ApplyDealPartFilter<TPart>(ModelBuilder builder) where TPart : class, IDealPart =>
        builder.Entity<TPart>().HasQueryFilter(Filters.Access, p => Opportunities.Any(o => o.Id == p.OpportunityId));

    /// <summary>
    /// write O: admin; the owner unless a viewer; a manager of a team the owner is in; users and
    /// teams it is shared with for edit (not viewers).
    /// </summary>
    public Expression<Func<Opportunity, bool>> CanWriteOpportunity => o =>
        CallerIsAdmin
        || (CallerMayWrite && o.OwnerId != null && o.OwnerId == CallerColleagueId)
        || (CallerMayWrite && Users.Any(owner => owner.ColleagueId == o.OwnerId
            && TeamMembers.Any(them => them.UserId == owner.Id
                && TeamMembers.Any(me => me.UserId == CallerUserId && me.Manager && me.TeamId == them.TeamId))))
        || (CallerMayWrite && OpportunityShares.Any(s => s.OpportunityId == o.Id && s.Access == ShareAccess.Edit
            && (s.UserId == CallerUserId || TeamMembers.Any(me => me.UserId == CallerUserId && me.TeamId == s.TeamId))));

    /// <summary>
    /// review O (the manager's review): admin; a manager of a team the owner is in — the people
    /// whose review the method means. The owner reviewing their own deal, a share for edit or a
    /// manager of an unrelated team is not a review (decision 0021).
    /// </summary>
    public Expression<Func<Opportunity, bool>> CanReviewOpportunity => o =>
        CallerIsAdmin
        || (CallerMayWrite && Users.Any(owner => owner.ColleagueId == o.OwnerId
            && TeamMembers.Any(them => them.UserId == owner.Id
                && TeamMembers.Any(me => me.UserId == CallerUserId && me.Manager && me.TeamId == them.TeamId))));

    /// <summary>Whether the caller may record a review of the deal.</summary>
    public Task<bool> MayReviewOpportunityAsync(Guid id, CancellationToken ct) =>
        Opportunities.Where(o => o.Id == id).Where(CanReviewOpportunity).AnyAsync(ct);

    /// <summary>write A: admin; the owner and the account team (not viewers); a manager of a team the owner is in.</summary>
    public Expression<Func<Account, bool>> CanWriteAccount => a =>
        CallerIsAdmin
        || (CallerMayWrite && a.OwnerId != null && a.OwnerId == CallerColleagueId)
        || (CallerMayWrite && AccountTeamMembers.Any(at => at.AccountId == a.Id && at.UserId == CallerUserId))
        || (CallerMayWrite && Users.Any(owner => owner.ColleagueId == a.OwnerId
            && TeamMembers.Any(them => them.UserId == owner.Id
                && TeamMembers.Any(me => me.UserId == CallerUserId && me.Manager && me.TeamId == them.TeamId))));

    /// <summary>Whether the caller may change the deal (for a 403 before any work, and for the UI's edit controls).</summary>
    public Task<bool> MayWriteOpportunityAsync(Guid id, CancellationToken ct) =>
        Opportunities.Where(o => o.Id == id).Where(CanWriteOpportunity).AnyAsync(ct);

    /// <summary>Whether the caller may change the account and its org chart.</summary>
    public Task<bool> MayWriteAccountAsync(Guid id, CancellationToken ct) =>
        Accounts.Where(a => a.Id == id).Where(CanWriteAccount).AnyAsync(ct);

    /// <summary>
    /// Whom the caller may name as owner of a record: themselves; a manager the members of the teams
    /// they manage; an admin anyone.
    /// </summary>
    public IQueryable<Guid> OwnersCallerMayAssign =>
        CallerIsAdmin
            ? Colleagues.Select(c => c.Id)
            : Users.Where(u => u.ColleagueId != null
                    && (u.Id == CallerUserId
                        || (CallerMayWrite && TeamMembers.Any(them => them.UserId == u.Id
                            && TeamMembers.Any(me => me.UserId == CallerUserId && me.Manager && me.TeamId == them.TeamId)))))
                .Select(u => u.ColleagueId!.Value);

    /// <summary>
    /// The users the caller manages: members of the teams where the caller is marked manager (a
    /// mark only managers and admins get). Their quotas and coverage are the caller's to set and read.
    /// </summary>
    public IQueryable<string> UsersCallerManages =>
        TeamMembers.Where(them => CallerMayWrite
                && TeamMembers.Any(me => me.UserId == CallerUserId && me.Manager && me.TeamId == them.TeamId))
            .Select(them => them.UserId);

    /// <summary>Whether the caller may set <paramref name="userId"/>'s quota and read their coverage: admin, or a manager of one of their teams.</summary>
    public async Task<bool> MayManageUserAsync(string userId, CancellationToken ct) =>
        CallerIsAdmin || await UsersCallerManages.AnyAsync(id => id == userId, ct);
}
