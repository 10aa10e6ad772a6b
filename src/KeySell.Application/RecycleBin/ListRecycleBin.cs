using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RecycleBin;

/// <summary>What was deleted, newest first, for the admin who may restore it.</summary>
public static class ListRecycleBin
{
    public sealed record Query(PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<RecycleBinEntry>>> Handle(Query query, CancellationToken ct)
        {
            if (!db.CallerIsAdmin) return Error.Forbidden(Messages.Format("Access.AdminOnly"));
            string[] bin = [AppDbContext.Filters.RecycleBin];
            var accounts = await db.Accounts.IgnoreQueryFilters(bin).Where(a => a.DeletedAt != null)
                .Select(a => new { Entity = RecycleBinRules.Account, a.Id, a.Name, AccountName = (string?)null, a.DeletedAt, a.DeletedBy }).ToListAsync(ct);
            var people = await db.People.IgnoreQueryFilters(bin).Where(p => p.DeletedAt != null)
                .Select(p => new { Entity = RecycleBinRules.Person, p.Id, p.Name, AccountName = db.Accounts.IgnoreQueryFilters(bin).Where(a => a.Id == p.AccountId).Select(a => a.Name).FirstOrDefault(), p.DeletedAt, p.DeletedBy }).ToListAsync(ct);
            var deals = await db.Opportunities.IgnoreQueryFilters(bin).Where(o => o.DeletedAt != null)
                .Select(o => new { Entity = RecycleBinRules.Opportunity, o.Id, o.Name, AccountName = db.Accounts.IgnoreQueryFilters(bin).Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault(), o.DeletedAt, o.DeletedBy }).ToListAsync(ct);
            var all = accounts.Concat(people).Concat(deals)
                .Select(x => new RecycleBinEntry(x.Entity, x.Id, x.Name, x.AccountName, x.DeletedAt!.Value, x.DeletedBy ?? "", x.DeletedAt!.Value + RecycleBinRules.KeptFor))
                .OrderByDescending(x => x.DeletedAt).ThenBy(x => x.Id).ToList();
            return new Paged<RecycleBinEntry>(all.Skip(query.Page.Skip).Take(query.Page.Take).ToList(), all.Count);
        }
    }
}
