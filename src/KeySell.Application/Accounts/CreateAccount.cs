using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Accounts;

namespace KeySell.Application.Accounts;

/// <summary>Adds a key account, optionally as a subsidiary of a group (集团).</summary>
public static class CreateAccount
{
    /// <param name="IdealCustomerScore">Accepted from older clients and ignored: the score is computed from the ratings (decision 0017).</param>
    public sealed record Command(string? Name, string? Industry = null, string? Size = null, string? Region = null,
        decimal? IdealCustomerScore = null, Guid? ParentAccountId = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<AccountDetail>> Handle(Command command, CancellationToken ct)
        {
            var fields = new AccountFields(command.Name, command.Industry, command.Size, command.Region, command.ParentAccountId);
            var validation = new Validation();
            await fields.ValidateAsync(db, validation, self: null, ct);
            if (validation.HasErrors) return validation.ToError();

            var account = new Account();
            fields.ApplyTo(account);
            db.Accounts.Add(account);
            await db.SaveChangesAsync(ct);
            return (await GetAccount.LoadAsync(db, account.Id, ct))!;
        }
    }
}
