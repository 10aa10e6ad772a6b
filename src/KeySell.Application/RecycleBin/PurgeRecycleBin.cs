using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KeySell.Application.RecycleBin;

/// <summary>
/// Deletes for good what has waited in the recycle bin longer than <see cref="RecycleBinRules.KeptFor"/>:
/// deals first, then people, then accounts, so nothing still points at what goes. The history of
/// purged records stays. Run by the web host's background service and safe to run on several servers.
/// </summary>
public static class PurgeRecycleBin
{
    public sealed record Command;

    public sealed record Outcome(int Opportunities, int People, int Accounts);

    public sealed class Handler(AppDbContext db, ILogger<Handler> log)
    {
        public async Task<Outcome> Handle(Command command, CancellationToken ct)
        {
            var before = db.Time.GetUtcNow().ToUniversalTime() - RecycleBinRules.KeptFor;
            var all = db.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredQueryFilters()).Select(f => f.Key!).Where(k => k is not null).Distinct().ToArray();

            var deals = await db.Opportunities.IgnoreQueryFilters(all).Where(o => o.DeletedAt != null && o.DeletedAt < before)
                .ExecuteDeleteAsync(ct);

            var people = 0;
            foreach (var id in await db.People.IgnoreQueryFilters(all).Where(p => p.DeletedAt != null && p.DeletedAt < before)
                         .Where(p => !db.BuyingInfluences.IgnoreQueryFilters(all).Any(i => i.PersonId == p.Id)).Select(p => p.Id).ToListAsync(ct))
            {
                await db.People.IgnoreQueryFilters(all).Where(p => p.ReportsToId == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.ReportsToId, (Guid?)null), ct);
                people += await db.People.IgnoreQueryFilters(all).Where(p => p.Id == id).ExecuteDeleteAsync(ct);
            }

            var accounts = 0;
            foreach (var id in await db.Accounts.IgnoreQueryFilters(all).Where(a => a.DeletedAt != null && a.DeletedAt < before)
                         .OrderBy(a => a.DeletedAt).Select(a => a.Id).ToListAsync(ct))
            {
                try
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    // Reporting lines and department nesting point inside the account; cut them so the cascade can go in any order.
                    await db.People.IgnoreQueryFilters(all).Where(p => p.AccountId == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.ReportsToId, (Guid?)null), ct);
                    await db.Departments.IgnoreQueryFilters(all).Where(d => d.AccountId == id).ExecuteUpdateAsync(d => d.SetProperty(x => x.ParentDepartmentId, (Guid?)null), ct);
                    accounts += await db.Accounts.IgnoreQueryFilters(all).Where(a => a.Id == id).ExecuteDeleteAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                catch (DbUpdateException e)
                {
                    // Something still points at it (a subsidiary or a deal deleted later); it waits for the next run.
                    log.LogWarning(e, "Account {AccountId} stays in the recycle bin for now: {Reason}", id, e.InnerException?.Message ?? e.Message);
                }
            }
            return new Outcome(deals, people, accounts);
        }
    }
}
