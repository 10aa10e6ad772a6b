using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Accounts;

/// <summary>The fields a seller edits on an account, checked the same way on create and update.</summary>
/// <remarks>
/// The ideal-customer score is not among them: it is computed from the account's ratings
/// (decision 0017). A body that still sends <c>idealCustomerScore</c> is accepted and the value ignored.
/// </remarks>
internal sealed record AccountFields(string? Name, string? Industry, string? Size, string? Region, Guid? ParentAccountId)
{
    /// <param name="self">The account being updated, or null when creating one.</param>
    public async Task ValidateAsync(AppDbContext db, Validation validation, Guid? self, CancellationToken ct)
    {
        validation.Required("name", Name, Account.NameMaxLength);
        validation.MaxLength("industry", Industry, Account.TextMaxLength);
        validation.MaxLength("size", Size, Account.TextMaxLength);
        validation.MaxLength("region", Region, Account.TextMaxLength);
        if (ParentAccountId is not { } parentId) return;

        if (!await db.Accounts.AnyAsync(a => a.Id == parentId, ct))
        {
            validation.Add("parentAccountId", Messages.Format("ReferenceMissing", Messages.Format("Entity.account"), parentId));
            return;
        }
        if (self is { } id && await WouldCreateCycleAsync(db, id, parentId, ct))
            validation.Add("parentAccountId", Messages.Format("ParentCycle"));
    }

    public void ApplyTo(Account account)
    {
        account.Name = Name!.Trim();
        account.Industry = Texts.OrNull(Industry);
        account.Size = Texts.OrNull(Size);
        account.Region = Texts.OrNull(Region);
        account.ParentAccountId = ParentAccountId;
    }

    private static async Task<bool> WouldCreateCycleAsync(AppDbContext db, Guid self, Guid parentId, CancellationToken ct)
    {
        // Group structures are shallow; walking up one query per level is cheap and provider-neutral.
        var seen = new HashSet<Guid>();
        for (Guid? current = parentId; current is { } id; current = await db.Accounts.Where(a => a.Id == id).Select(a => a.ParentAccountId).FirstOrDefaultAsync(ct))
        {
            if (id == self || !seen.Add(id)) return true;
        }
        return false;
    }
}
