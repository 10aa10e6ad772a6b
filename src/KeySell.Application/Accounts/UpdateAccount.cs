using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Accounts;

/// <summary>Changes an account's header and place in its group, if nobody else saved it meanwhile.</summary>
public static class UpdateAccount
{
    /// <param name="IdealCustomerScore">Accepted from older clients and ignored: the score is computed from the ratings (decision 0017).</param>
    public sealed record Command(Guid Id, string? Name, string? Industry, string? Size, string? Region,
        decimal? IdealCustomerScore, Guid? ParentAccountId, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<AccountDetail>> Handle(Command command, CancellationToken ct)
        {
            var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == command.Id, ct);
            if (account is null) return Versions.NotFound("account", command.Id);

            var fields = new AccountFields(command.Name, command.Industry, command.Size, command.Region, command.ParentAccountId);
            var validation = new Validation();
            await fields.ValidateAsync(db, validation, self: account.Id, ct);
            if (validation.HasErrors) return validation.ToError();
            if (db.CheckVersion(account, command.Version, "account") is { } stale) return stale;

            fields.ApplyTo(account);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return (await GetAccount.LoadAsync(db, account.Id, ct))!;
        }
    }
}
