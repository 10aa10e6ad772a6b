using KeySell.Application.Analysis;
using KeySell.Application.Data;
using KeySell.Domain.Accounts;
using KeySell.Domain.RedFlags.Rules;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.IdealCustomer;

/// <summary>
/// Scores every rated account again after the criteria changed (a weight, a removal), inside the
/// caller's transaction, a batch of accounts at a time: 100,000 accounts never sit in memory at
/// once. Each changed score and each dropped rating is a line in the account's history; the deals
/// of an account that crosses the fit threshold get their stored analysis rewritten in the same batch.
/// </summary>
internal static class Rescoring
{
    public const int BatchSize = 1_000;

    /// <param name="removed">Criteria leaving the list: their ratings are dropped, and they no longer count.</param>
    /// <returns>How many accounts' scores changed.</returns>
    public static async Task<int> EveryAccountAsync(AppDbContext db, IReadOnlySet<Guid> removed, CancellationToken ct)
    {
        var weights = await db.FitCriteria.AsNoTracking().Where(c => !removed.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Weight, ct);
        var settings = db.Analyzer.Settings;
        var changed = 0;
        var after = Guid.Empty;
        while (true)
        {
            db.ChangeTracker.Clear();
            // Past the access rules and the recycle bin: a score follows the team's criteria, whoever changed them.
            var ids = await db.Accounts.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Id.CompareTo(after) > 0 && db.FitRatings.IgnoreQueryFilters().Any(r => r.AccountId == a.Id))
                .OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0) break;
            after = ids[^1];

            var accounts = await db.Accounts.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
            var ratings = (await db.FitRatings.IgnoreQueryFilters().Where(r => ids.Contains(r.AccountId)).ToListAsync(ct)).ToLookup(r => r.AccountId);
            var crossed = new List<Guid>();
            foreach (var account in accounts)
            {
                foreach (var gone in ratings[account.Id].Where(r => removed.Contains(r.CriterionId))) db.FitRatings.Remove(gone);
                var score = FitScore.Of(ratings[account.Id].Where(r => weights.ContainsKey(r.CriterionId)).Select(r => new FitScore.Rated(weights[r.CriterionId], r.Rating)));
                if (score == account.IdealCustomerScore) continue;
                if (PoorFit.IsPoorFit(score, settings) != PoorFit.IsPoorFit(account.IdealCustomerScore, settings)) crossed.Add(account.Id);
                account.IdealCustomerScore = score;
                changed++;
            }
            // Derived from a change the caller was allowed to make (the criteria): no write check per
            // account, but the history interceptor still writes each line.
            await db.SaveDerivedAsync(ct);
            if (crossed.Count > 0)
            {
                var deals = await db.Opportunities.IgnoreQueryFilters().Where(o => crossed.Contains(o.AccountId)).Select(o => o.Id).ToListAsync(ct);
                await StoredAnalyses.WriteAsync(db, deals, ct);
            }
        }
        db.ChangeTracker.Clear();
        return changed;
    }
}
