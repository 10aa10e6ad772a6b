using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.OrgCharts;
using KeySell.Domain.Accounts;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Accounts;

public static class GetAccount
{
    /// <param name="WithPeople">Whether to read the whole org chart; the account page does not (it pages the chart), the API does.</param>
    public sealed record Query(Guid Id, bool WithPeople = true);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<AccountDetail>> Handle(Query query, CancellationToken ct) =>
            await LoadAsync(db, query.Id, ct, query.WithPeople) is { } account ? account : Versions.NotFound("account", query.Id);
    }

    internal static async Task<AccountDetail?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct, bool withPeople = true)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return null;

        var parent = account.ParentAccountId is { } parentId
            ? await db.Accounts.Where(a => a.Id == parentId).Select(a => new AccountRef(a.Id, a.Name)).FirstOrDefaultAsync(ct)
            : null;
        var subsidiaries = await db.Accounts.Where(a => a.ParentAccountId == id)
            .OrderBy(a => a.Name).Select(a => new AccountRef(a.Id, a.Name)).ToListAsync(ct);
        var relations = await RelationsAsync(db, id, ct);
        var departments = await db.Departments.Where(d => d.AccountId == id)
            .OrderBy(d => d.Name).Select(d => new DepartmentDetail(d.Id, d.Name, d.ParentDepartmentId, d.Version)).ToListAsync(ct);
        var opportunityCount = await db.Opportunities.CountAsync(o => o.AccountId == id, ct);
        var peopleCount = await db.People.CountAsync(p => p.AccountId == id, ct);
        List<PersonSummary> people = [];
        List<PersonDeal> onDeals = [];
        if (withPeople)
        {
            people = await db.People.Where(p => p.AccountId == id)
                .OrderBy(p => p.Name).ThenBy(p => p.Id)
                .Select(p => new PersonSummary(p.Id, p.Name, p.Title, p.DepartmentId, p.ReportsToId, p.Status, p.Version, p.Seniority)).ToListAsync(ct);
            // The org chart shows each person's part in the deals still being won.
            onDeals = await GetPerson.DealsAsync(db.BuyingInfluences,
                db.Opportunities.Where(o => o.AccountId == id && o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost), ct);
        }

        return new AccountDetail(account.Id, account.Name, account.Industry, account.Size, account.Region, account.IdealCustomerScore,
            parent, subsidiaries, relations,
            departments, people, onDeals, opportunityCount, peopleCount, account.CreatedAt, account.CreatedBy, account.UpdatedAt, account.UpdatedBy, account.Version,
            await db.MayWriteAccountAsync(id, ct));
    }

    /// <summary>
    /// The account's related companies from both sides: those recorded here, and those that recorded this account, named
    /// from here (a supplier that another account lists as its customer shows it as a customer). The one place that
    /// reads relations for an account, so the page and the API agree.
    /// </summary>
    internal static async Task<List<RelationDetail>> RelationsAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var recordedHere = await db.AccountRelations.Where(r => r.AccountId == id)
            .Select(r => new RelationDetail(r.Id, r.RelatedAccountId, r.RelatedAccount!.Name, r.Type)).ToListAsync(ct);
        var recordedThere = await db.AccountRelations.Where(r => r.RelatedAccountId == id)
            .Join(db.Accounts, r => r.AccountId, a => a.Id, (r, a) => new { r.Id, AccountId = a.Id, a.Name, r.Type }).ToListAsync(ct);
        return recordedHere
            .Concat(recordedThere.Select(r => new RelationDetail(r.Id, r.AccountId, r.Name, r.Type.Inverse())))
            // Recorded on both sides before adding refused that: the company is listed once.
            .DistinctBy(r => r.RelatedAccountId)
            .OrderBy(r => r.Type).ThenBy(r => r.RelatedAccountName, StringComparer.CurrentCulture)
            .ToList();
    }
}
