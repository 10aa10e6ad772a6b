using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RecycleBin;

/// <summary>
/// An admin brings a deleted record back, with everything that went with it (an account's org
/// chart, a deal's influences and lists). A person or deal whose account is in the bin too waits
/// for the account.
/// </summary>
public static class RestoreFromRecycleBin
{
    public sealed record Command(string? Entity, Guid Id);

    public sealed record Restored(string Entity, Guid Id, string Name);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Restored>> Handle(Command command, CancellationToken ct)
        {
            if (!db.CallerIsAdmin) return Error.Forbidden(Messages.Format("Access.AdminOnly"));
            string[] bin = [AppDbContext.Filters.RecycleBin];
            (IRecyclable? record, string name, Guid? accountId) = command.Entity switch
            {
                RecycleBinRules.Account => await db.Accounts.IgnoreQueryFilters(bin).Where(a => a.Id == command.Id)
                    .Select(a => ValueTuple.Create<IRecyclable?, string, Guid?>(a, a.Name, null)).FirstOrDefaultAsync(ct),
                RecycleBinRules.Person => await db.People.IgnoreQueryFilters(bin).Where(p => p.Id == command.Id)
                    .Select(p => ValueTuple.Create<IRecyclable?, string, Guid?>(p, p.Name, p.AccountId)).FirstOrDefaultAsync(ct),
                RecycleBinRules.Opportunity => await db.Opportunities.IgnoreQueryFilters(bin).Where(o => o.Id == command.Id)
                    .Select(o => ValueTuple.Create<IRecyclable?, string, Guid?>(o, o.Name, o.AccountId)).FirstOrDefaultAsync(ct),
                _ => (null, "", null),
            };
            var entityName = command.Entity is RecycleBinRules.Account or RecycleBinRules.Person or RecycleBinRules.Opportunity ? command.Entity : null;
            if (record is null || record.DeletedAt is null)
                return Error.NotFound(Messages.Format("RecycleBin.NotThere", entityName is null ? command.Entity ?? "" : Messages.Format("Entity." + entityName), command.Id));
            if (accountId is { } inAccount
                && await db.Accounts.IgnoreQueryFilters(bin).Where(a => a.Id == inAccount && a.DeletedAt != null).Select(a => a.Name).FirstOrDefaultAsync(ct) is { } binnedAccount)
                return Error.Conflict(Messages.Format("RecycleBin.AccountFirst", binnedAccount));

            record.DeletedAt = null;
            record.DeletedBy = null;
            if (await db.SaveOrConflictAsync(ct) is { } refused) return refused;
            return new Restored(command.Entity!, command.Id, name);
        }
    }
}
