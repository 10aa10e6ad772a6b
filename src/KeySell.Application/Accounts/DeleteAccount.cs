using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.RecycleBin;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Accounts;

/// <summary>
/// Moves an account with its departments, people and relations to the recycle bin, but never a deal:
/// an account that still has opportunities, or subsidiaries that would lose their group, is refused with the reason.
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

            // Its departments, people and relations go with it: they are read through the account.
            db.MoveToRecycleBin(account);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.Id;
        }
    }
}
