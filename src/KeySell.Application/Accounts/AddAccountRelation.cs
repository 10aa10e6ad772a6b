using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Accounts;

/// <summary>Records a related company: an upstream supplier, a downstream customer or a partner.</summary>
public static class AddAccountRelation
{
    public sealed record Command(Guid AccountId, Guid RelatedAccountId, string? Type);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<RelationDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == command.AccountId, ct)) return Versions.NotFound("account", command.AccountId);

            var validation = new Validation();
            if (command.Type is null) validation.Add("type", Messages.Format("Required"));
            var type = validation.Enum<RelationType>("type", command.Type);
            var related = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == command.RelatedAccountId, ct);
            if (command.RelatedAccountId == command.AccountId) validation.Add("relatedAccountId", Messages.Format("SelfRelation"));
            else if (related is null) validation.Add("relatedAccountId", Messages.Format("ReferenceMissing", Messages.Format("Entity.account"), command.RelatedAccountId));
            // A relation shows on both sides, so one the other company already recorded is a duplicate too.
            else if (await db.AccountRelations.AnyAsync(r => (r.AccountId == command.AccountId && r.RelatedAccountId == command.RelatedAccountId)
                                                              || (r.AccountId == command.RelatedAccountId && r.RelatedAccountId == command.AccountId), ct))
                validation.Add("relatedAccountId", Messages.Format("DuplicateRelation"));
            if (validation.HasErrors) return validation.ToError();

            var relation = new AccountRelation { AccountId = command.AccountId, RelatedAccountId = command.RelatedAccountId, Type = type!.Value };
            db.AccountRelations.Add(relation);
            await db.SaveChangesAsync(ct);
            return new RelationDetail(relation.Id, related!.Id, related.Name, relation.Type);
        }
    }
}
