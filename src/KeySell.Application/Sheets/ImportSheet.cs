using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Accounts;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Sheets;

/// <summary>
/// Creates a new opportunity from a sheet, at the account of that exact name (created when there is
/// none), with its people, counterparts and lists, in one save.
/// </summary>
public static class ImportSheet
{
    public sealed record Command(StrategySheet Sheet, Guid? OwnerId = null);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var validation = ApplySheet.Validate(command.Sheet);
            if (command.OwnerId is { } ownerId && !await db.Colleagues.AnyAsync(c => c.Id == ownerId, ct))
                validation.Add("ownerId", Resources.Messages.Format("ReferenceMissing", Resources.Messages.Format("Entity.colleague"), ownerId));
            if (validation.HasErrors) return validation.ToError();

            var name = command.Sheet.Opportunity.Account;
            var account = (await db.Accounts.Where(a => a.Name == name).ToListAsync(ct)).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).FirstOrDefault()
                ?? db.Accounts.Add(new Account { Name = name }).Entity;
            // A version-1 sheet knows no creation day: the deal is set up in KeySell today.
            var opportunity = db.Opportunities.Add(new Opportunity
            {
                AccountId = account.Id, OwnerId = command.OwnerId, CreatedOn = DateOnly.FromDateTime(time.GetLocalNow().DateTime),
            }).Entity;
            await ApplySheet.WriteAsync(db, opportunity, account, command.Sheet, ct);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return opportunity.Id;
        }
    }
}
