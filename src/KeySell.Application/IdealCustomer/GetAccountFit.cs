using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.IdealCustomer;

/// <summary>An account's ideal-customer fit, for whoever reads the account.</summary>
public static class GetAccountFit
{
    public sealed record Query(Guid AccountId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<AccountFit>> Handle(Query query, CancellationToken ct)
        {
            var account = await db.Accounts.AsNoTracking().Where(a => a.Id == query.AccountId)
                .Select(a => new { a.IdealCustomerScore }).FirstOrDefaultAsync(ct);
            if (account is null) return Versions.NotFound("account", query.AccountId);
            return await AccountFits.ReadAsync(db, query.AccountId, account.IdealCustomerScore, ct);
        }
    }
}
