using KeySell.Application.Analysis;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Funnel;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Strengths;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Application.Data;

/// <summary>
/// What every save derives from the records it changes, in the same transaction: the funnel's
/// history and the stored analysis summaries. Here, not in the use cases, so a new use case (or a
/// bulk import) cannot forget them.
/// </summary>
public partial class AppDbContext
{
    private StrategyAnalyzer? _analyzer;

    /// <summary>The team's analyzer, the one <c>GET /analysis</c> uses, so a stored summary equals what the API reports.</summary>
    internal StrategyAnalyzer Analyzer => _analyzer ??=
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<StrategyAnalyzer>()
        ?? StrategyAnalyzer.Default;

    /// <summary>A move of a deal's funnel level (or its creation) becomes a line of the funnel's history.</summary>
    private void RecordFunnelChanges()
    {
        var now = time.GetUtcNow();
        foreach (var entry in ChangeTracker.Entries<Opportunity>().ToList())
        {
            if (entry.State == EntityState.Added)
            {
                FunnelChanges.Add(new FunnelChange { OpportunityId = entry.Entity.Id, At = now, By = caller.Name, From = null, To = entry.Entity.FunnelLevel });
            }
            else if (entry.State == EntityState.Modified)
            {
                var level = entry.Property(o => o.FunnelLevel);
                if (level.IsModified && level.OriginalValue != level.CurrentValue)
                    FunnelChanges.Add(new FunnelChange { OpportunityId = entry.Entity.Id, At = now, By = caller.Name, From = level.OriginalValue, To = level.CurrentValue });
            }
        }
    }

    /// <summary>
    /// The deals whose analysis this save can change: the deal itself, its influences and lists; the
    /// deals of a person whose status changed; the deals of an account whose score changed; the deals
    /// naming a colleague who is removed. Read before the save, while the old links still exist.
    /// </summary>
    private async Task<HashSet<Guid>> DealsToReanalyseAsync(CancellationToken ct)
    {
        var deals = new HashSet<Guid>();
        var people = new HashSet<Guid>();
        var accounts = new HashSet<Guid>();
        var colleagues = new HashSet<Guid>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Opportunity o when entry.State != EntityState.Deleted: deals.Add(o.Id); break;
                case Domain.Common.IDealPart part: Deal(entry, part.OpportunityId, nameof(Domain.Common.IDealPart.OpportunityId)); break;
                // Only what reaches the flags of the other deals: whether the person is still active (name
                // and title are in the words only), whether the account is a poor fit (not the score itself).
                // An account with thousands of deals is not re-judged for a score that stays on one side.
                case Person p when entry.State == EntityState.Modified && (ActiveChanged(entry) || Changed(entry, nameof(Person.Seniority)) || Changed(entry, nameof(Domain.Common.IRecyclable.DeletedAt))): people.Add(p.Id); break;
                case Domain.Accounts.Account a when entry.State == EntityState.Modified && PoorFitChanged(entry): accounts.Add(a.Id); break;
                case Colleague c when entry.State == EntityState.Deleted: colleagues.Add(c.Id); break;
            }
        }

        // Through every deal, not only those the caller reads: a summary follows its deal's data, whoever changed it.
        if (people.Count > 0)
            deals.UnionWith(await BuyingInfluences.IgnoreQueryFilters().Where(i => people.Contains(i.PersonId)).Select(i => i.OpportunityId).ToListAsync(ct));
        if (accounts.Count > 0)
            deals.UnionWith(await Opportunities.IgnoreQueryFilters().Where(o => accounts.Contains(o.AccountId)).Select(o => o.Id).ToListAsync(ct));
        if (colleagues.Count > 0)
            deals.UnionWith(await BuyingInfluences.IgnoreQueryFilters().Where(i => i.CounterpartId != null && colleagues.Contains(i.CounterpartId.Value)).Select(i => i.OpportunityId).ToListAsync(ct));

        // A deal deleted for good in this save takes its summary with it (cascade).
        foreach (var gone in ChangeTracker.Entries<Opportunity>().Where(e => e.State == EntityState.Deleted)) deals.Remove(gone.Entity.Id);
        return deals;

        void Deal(EntityEntry entry, Guid current, string property)
        {
            deals.Add(current);
            if (entry.State == EntityState.Modified && entry.Property(property).OriginalValue is Guid before) deals.Add(before);
        }
    }

    private static bool ActiveChanged(EntityEntry entry)
    {
        var status = entry.Property(nameof(Person.Status));
        return status.IsModified && ((PersonStatus)status.OriginalValue! == PersonStatus.Active) != ((PersonStatus)status.CurrentValue! == PersonStatus.Active);
    }

    private bool PoorFitChanged(EntityEntry entry)
    {
        var score = entry.Property(nameof(Domain.Accounts.Account.IdealCustomerScore));
        return score.IsModified && PoorFit.IsPoorFit((decimal?)score.OriginalValue, Analyzer.Settings) != PoorFit.IsPoorFit((decimal?)score.CurrentValue, Analyzer.Settings);
    }

    private static bool Changed(EntityEntry entry, params string[] properties)
    {
        foreach (var name in properties)
        {
            var property = entry.Metadata.FindProperty(name);
            if (property is null) continue;
            var value = entry.Property(name);
            if (value.IsModified && !Equals(value.OriginalValue, value.CurrentValue)) return true;
        }
        return false;
    }

    /// <summary>
    /// Saves what the caller changed and, in the same transaction, the summaries of the deals it
    /// touches. A save that changes no deal is one plain save, as before.
    /// </summary>
    private async Task<int> SaveWithSummariesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var deals = await DealsToReanalyseAsync(ct);
        if (deals.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            await StoredAnalyses.WriteAsync(this, deals, ct);
            if (own is not null) await own.CommitAsync(ct);
            return saved;
        }
        finally
        {
            // Disposed without a commit, it rolls back: the change and its summaries go together or not at all.
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Saves derived rows (summaries) without the caller's audit and write check: the change they follow was checked.</summary>
    internal Task<int> SaveDerivedAsync(CancellationToken ct) => base.SaveChangesAsync(true, ct);
}
