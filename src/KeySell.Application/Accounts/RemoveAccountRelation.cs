using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Accounts;

public static class RemoveAccountRelation
{
    public sealed record Command(Guid AccountId, Guid RelationId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            // Either company's page lists the relation (GetAccount.RelationsAsync), so either may remove it.
            var relation = await db.AccountRelations.FirstOrDefaultAsync(r => r.Id == command.RelationId
                && (r.AccountId == command.AccountId || r.RelatedAccountId == command.AccountId), ct);
            if (relation is null) return Error.NotFound(Messages.Format("RelationNotFound", command.RelationId));
            db.AccountRelations.Remove(relation);
            await db.SaveChangesAsync(ct);
            return command.RelationId;
        }
    }
}
