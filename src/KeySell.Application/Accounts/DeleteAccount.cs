using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Accounts;

/// <summary>
/// Deletes an account with its departments, people and relations, but never a deal: an account that
/// still has opportunities, or subsidiaries that would lose their group, is refused with the reason.
/// </summary>
public static class DeleteAccount
{
    public sealed record Command(Guid Id, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == command.Id, ct);
            if (account is null) return Versions.NotFound("account", command.Id);
            if (db.CheckVersion(account, command.Version, "account") is { } stale) return stale;

            var opportunities = await db.Opportunities.CountAsync(o => o.AccountId == command.Id, ct);
            if (opportunities > 0) return Error.Conflict(Messages.Format(Messages.ForCount("AccountHasOpportunities", opportunities), opportunities));
            var subsidiaries = await db.Accounts.CountAsync(a => a.ParentAccountId == command.Id, ct);
            if (subsidiaries > 0) return Error.Conflict(Messages.Format(Messages.ForCount("AccountHasSubsidiaries", subsidiaries), subsidiaries));

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Reporting lines and department nesting point inside the account; cut them so the
            // cascade can remove the rows in any order.
            await db.People.Where(p => p.AccountId == command.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.ReportsToId, (Guid?)null), ct);
            await db.Departments.Where(d => d.AccountId == command.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.ParentDepartmentId, (Guid?)null), ct);
            db.Accounts.Remove(account);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            await transaction.CommitAsync(ct);
            return command.Id;
        }
    }
}
