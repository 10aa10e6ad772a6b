using KeySell.Application.Calendar;
using KeySell.Application.Data;
using KeySell.Application.History;
using KeySell.Application.Resources;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Imports;
using KeySell.Domain.Funnel;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Money;
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
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KeySell.Application.Access;

/// <summary>
/// Checks every change of a save against the write rules before it reaches the database, whatever
/// use case made it: a use case cannot forget the check, and a new one gets it for free. New
/// accounts and deals without an owner are given the caller's colleague here, the one home of that rule.
/// </summary>
internal static class WriteGuard
{
    public static async Task CheckAsync(AppDbContext db, CancellationToken ct)
    {
        var changes = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changes.Count == 0) return;

        // History is append-only for everyone, the operator included.
        if (changes.Any(e => e.Entity is ChangeRecord && e.State != EntityState.Added))
            throw new AccessDeniedException(Messages.Format("Access.HistoryIsAppendOnly"));
        // The funnel's history is history too: the save writes it, nobody edits it.
        if (changes.Any(e => e.Entity is FunnelChange && e.State != EntityState.Added))
            throw new AccessDeniedException(Messages.Format("Access.HistoryIsAppendOnly"));

        // A learning result is an answer given at a moment: added by its user, never changed (progress is their record).
        foreach (var entry in changes.Where(e => e.Entity is KeySell.Domain.Learning.LearningResult))
        {
            if (entry.State != EntityState.Added) throw new AccessDeniedException(Messages.Format("Access.HistoryIsAppendOnly"));
            if (!db.CallerIsAdmin && ((KeySell.Domain.Learning.LearningResult)entry.Entity).UserId != db.CallerUserId) Deny();
        }

        // A review is a record of a moment: added, never changed (the count of changes since it depends on that).
        if (changes.Any(e => e.Entity is Review && e.State != EntityState.Added))
            throw new AccessDeniedException(Messages.Format("Access.HistoryIsAppendOnly"));

        var opportunitiesToWrite = new HashSet<Guid>();
        var opportunitiesToReview = new HashSet<Guid>();
        var accountsToWrite = new HashSet<Guid>();
        var accountsToAddPeopleTo = new HashSet<Guid>();
        var ownersToAssign = new HashSet<Guid>();
        var added = changes.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var addedOpportunities = added.OfType<Opportunity>().Select(o => o.Id).ToHashSet();
        var addedAccounts = added.OfType<Account>().Select(a => a.Id).ToHashSet();
        var touchesRecords = false;
        var namedOnDeals = added.OfType<BuyingInfluence>().Select(i => i.PersonId).ToHashSet();
        var quotaUsers = new HashSet<string>(StringComparer.Ordinal);

        foreach (var entry in changes)
        {
            switch (entry.Entity)
            {
                case Opportunity o:
                    touchesRecords = true;
                    if (entry.State == EntityState.Added) ownersToAssign.Add(DefaultOwner(db, entry, o.OwnerId));
                    else
                    {
                        opportunitiesToWrite.Add(o.Id);
                        if (OwnerChanged(entry)) ownersToAssign.Add(o.OwnerId ?? Guid.Empty);
                    }
                    break;
                // Influences, lists, milestones, calls, actions, the needs tree, influence lines: write O.
                case IDealPart part: Deal(part.OpportunityId); break;
                case SwotAnalysis swot:
                    if (swot.OpportunityId is { } dealId) Deal(dealId);
                    else if (swot.AccountId is { } accountId) Org(accountId);
                    break;
                case OpportunityShare share: Deal(share.OpportunityId); break;
                // Written by the save of the deal they follow (after this check for summaries), so
                // anything else that writes one needs the deal's write right.
                case FunnelChange f: Deal(f.OpportunityId); break;
                case AnalysisSummary a: Deal(a.OpportunityId); break;
                // Not the deal's write right: its seller may not review it, its team's manager may.
                case Review r: touchesRecords = true; opportunitiesToReview.Add(r.OpportunityId); break;
                case Account a:
                    touchesRecords = true;
                    if (entry.State == EntityState.Added) ownersToAssign.Add(DefaultOwner(db, entry, a.OwnerId));
                    else
                    {
                        accountsToWrite.Add(a.Id);
                        if (OwnerChanged(entry)) ownersToAssign.Add(a.OwnerId ?? Guid.Empty);
                    }
                    break;
                case Department d: Org(d.AccountId); break;
                case AccountRelation r: Org(r.AccountId); break;
                case AccountTeamMember m: Org(m.AccountId); break;
                // Lines between people of an account are part of its org chart: write A.
                case PersonLine l: Org(l.AccountId); break;
                // A place on a map is its user's own view, viewers' too (they arrange what they read): only they change it
                // (or the operator moving a database, and admins). Reading the map is checked by the use case.
                case MapPosition p:
                    if (!db.CallerIsAdmin && p.UserId != db.CallerUserId) Deny();
                    break;
                // A rating is part of the account: write A.
                case FitRating r: Org(r.AccountId); break;
                // The criteria are kept by admins and managers; anyone's first rating may store the
                // untouched defaults it rates (they are shown as the list until then, decision 0017).
                case FitCriterion c:
                    if (db.CallerIsAdmin || db.Caller.Role == Role.Manager) break;
                    if (entry.State == EntityState.Added && c.DefaultKey is not null && c.Name is null && c.Description is null && c.Weight == 1 && db.CallerMayWrite) break;
                    Deny("Access.CriteriaAdminsAndManagers");
                    break;
                case Person p:
                    touchesRecords = true;
                    // Naming a new person as a buying influence (the grid, a sheet) adds them to the
                    // org chart with the influence: the deal's write right covers that. Anything
                    // else done to the org chart needs write rights on the account.
                    if (addedAccounts.Contains(p.AccountId)) break;
                    if (entry.State == EntityState.Added && namedOnDeals.Contains(p.Id)) accountsToAddPeopleTo.Add(p.AccountId);
                    else accountsToWrite.Add(p.AccountId);
                    break;
                case Colleague c:
                    if (entry.State == EntityState.Added) { if (!db.CallerMayWrite) Deny(); }
                    else if (!db.CallerIsAdmin && !IsOwnNameOrTitle(db, entry, c)) Deny("Access.ColleaguesAdminOnly");
                    break;
                // Jobs and mappings are their user's own: started by someone who may write, changed
                // only by them (or the operator and admins).
                case ImportJob j: OwnOnly(j.UserId); break;
                case ImportMapping m: OwnOnly(m.UserId); break;
                // A calendar link is its user's own, viewers' too (they may own actions): made and replaced by them (or the
                // operator moving a database, and admins, who may do everything).
                case CalendarLink l:
                    if (!db.CallerIsAdmin && l.UserId != db.CallerUserId) Deny();
                    break;
                case Team or TeamMember:
                    if (!db.CallerIsAdmin) Deny("Access.AdminOnly");
                    break;
                // What every sum is shown in and weighted by is the admins' to change.
                case TeamSettings or CurrencyRate:
                    if (!db.CallerIsAdmin) Deny("Access.AdminOnly");
                    break;
                // A quota is set by an admin, or by a manager of a team its user is in.
                case Quota q: quotaUsers.Add(q.UserId); break;
            }
        }

        if (quotaUsers.Count > 0 && !db.CallerIsAdmin)
        {
            var ids = quotaUsers.ToList();
            if (await db.UsersCallerManages.Where(id => ids.Contains(id)).Distinct().CountAsync(ct) != ids.Count) Deny("Quota.ManagersOnly");
        }

        if (!touchesRecords || db.CallerIsAdmin)
        {
            await CheckOwnersAsync(db, ownersToAssign, ct);
            return;
        }
        if (!db.CallerMayWrite) Deny();

        if (opportunitiesToWrite.Count > 0)
        {
            var ids = opportunitiesToWrite.ToList();
            var writable = await db.Opportunities.IgnoreQueryFilters([AppDbContext.Filters.RecycleBin]).Where(o => ids.Contains(o.Id)).Where(db.CanWriteOpportunity).CountAsync(ct);
            if (writable != ids.Count) Deny();
        }
        if (opportunitiesToReview.Count > 0)
        {
            var ids = opportunitiesToReview.ToList();
            var reviewable = await db.Opportunities.Where(o => ids.Contains(o.Id)).Where(db.CanReviewOpportunity).CountAsync(ct);
            if (reviewable != ids.Count) Deny("Access.ReviewManagersOnly");
        }
        if (accountsToWrite.Count > 0)
        {
            var ids = accountsToWrite.ToList();
            var writable = await db.Accounts.IgnoreQueryFilters([AppDbContext.Filters.RecycleBin]).Where(a => ids.Contains(a.Id)).Where(db.CanWriteAccount).CountAsync(ct);
            if (writable != ids.Count) Deny();
        }
        foreach (var accountId in accountsToAddPeopleTo)
        {
            var may = await db.Accounts.Where(a => a.Id == accountId).Where(db.CanWriteAccount).AnyAsync(ct)
                || addedOpportunities.Count > 0
                || await db.Opportunities.Where(o => o.AccountId == accountId).Where(db.CanWriteOpportunity).AnyAsync(ct);
            if (!may) Deny();
        }
        await CheckOwnersAsync(db, ownersToAssign, ct);

        void Deal(Guid opportunityId)
        {
            touchesRecords = true;
            if (!addedOpportunities.Contains(opportunityId)) opportunitiesToWrite.Add(opportunityId);
        }

        void OwnOnly(string? userId)
        {
            if (db.CallerIsAdmin) return;
            if (!db.CallerMayWrite || userId is null || userId != db.CallerUserId) Deny();
        }

        void Org(Guid accountId)
        {
            touchesRecords = true;
            if (!addedAccounts.Contains(accountId)) accountsToWrite.Add(accountId);
        }
    }

    /// <summary>A record created without an owner is owned by the creator's own colleague.</summary>
    private static Guid DefaultOwner(AppDbContext db, EntityEntry entry, Guid? owner)
    {
        if (owner is { } set) return set;
        if (db.CallerColleagueId is not { } mine) return Guid.Empty;
        entry.Property("OwnerId").CurrentValue = mine;
        return mine;
    }

    private static bool OwnerChanged(EntityEntry entry)
    {
        var owner = entry.Property("OwnerId");
        return owner.IsModified && !Equals(owner.OriginalValue, owner.CurrentValue);
    }

    private static async Task CheckOwnersAsync(AppDbContext db, HashSet<Guid> owners, CancellationToken ct)
    {
        owners.Remove(Guid.Empty);
        if (db.CallerColleagueId is { } mine) owners.Remove(mine);
        if (owners.Count == 0 || db.CallerIsAdmin) return;
        var ids = owners.ToList();
        var allowed = await db.OwnersCallerMayAssign.Where(id => ids.Contains(id)).CountAsync(ct);
        if (allowed != ids.Count) Deny("Access.OwnerNotYours");
    }

    private static bool IsOwnNameOrTitle(AppDbContext db, EntityEntry entry, Colleague colleague) =>
        entry.State == EntityState.Modified
        && db.CallerColleagueId == colleague.Id
        && entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
            .All(p => p.Metadata.Name is nameof(Colleague.Name) or nameof(Colleague.Title)
                or nameof(Colleague.UpdatedAt) or nameof(Colleague.UpdatedBy) or nameof(Colleague.Version));

    private static void Deny(string message = "Access.ReadOnly") => throw new AccessDeniedException(Messages.Format(message));
}
