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
            // One query over the three kinds (UNION ALL), ordered and paged in the database: the bin can hold a bulk
            // delete of thousands, and the page is all that leaves it. Each part seeks its DeletedAt index.
            var accounts = db.Accounts.IgnoreQueryFilters(bin).Where(a => a.DeletedAt != null)
                .Select(a => new Row { Entity = RecycleBinRules.Account, Id = a.Id, Name = a.Name, AccountName = null, DeletedAt = a.DeletedAt, DeletedBy = a.DeletedBy });
            var people = db.People.IgnoreQueryFilters(bin).Where(p => p.DeletedAt != null)
                .Select(p => new Row { Entity = RecycleBinRules.Person, Id = p.Id, Name = p.Name, AccountName = db.Accounts.IgnoreQueryFilters(bin).Where(a => a.Id == p.AccountId).Select(a => a.Name).FirstOrDefault(), DeletedAt = p.DeletedAt, DeletedBy = p.DeletedBy });
            var deals = db.Opportunities.IgnoreQueryFilters(bin).Where(o => o.DeletedAt != null)
                .Select(o => new Row { Entity = RecycleBinRules.Opportunity, Id = o.Id, Name = o.Name, AccountName = db.Accounts.IgnoreQueryFilters(bin).Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault(), DeletedAt = o.DeletedAt, DeletedBy = o.DeletedBy });
            var all = accounts.Concat(people).Concat(deals);
            var total = await all.CountAsync(ct);
            var page = await all.OrderByDescending(x => x.DeletedAt).ThenBy(x => x.Id).Skip(query.Page.Skip).Take(query.Page.Take).ToListAsync(ct);
            var items = page.Select(x => new RecycleBinEntry(x.Entity, x.Id, x.Name, x.AccountName, x.DeletedAt!.Value, x.DeletedBy ?? "", x.DeletedAt!.Value + RecycleBinRules.KeptFor)).ToList();
            return new Paged<RecycleBinEntry>(items, total);
        }
    }

    // Members, not a positional record: EF orders by members of a member-initialised projection only.
    private sealed class Row
    {
        public required string Entity { get; init; }
        public Guid Id { get; init; }
        public required string Name { get; init; }
        public string? AccountName { get; init; }
        public DateTimeOffset? DeletedAt { get; init; }
        public string? DeletedBy { get; init; }
    }
}
