using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <summary>Opens a new deal at an account, with whatever is already known of its sales objective.</summary>
public static class CreateOpportunity
{
    public sealed record Command(
        Guid AccountId,
        string? Name,
        ObjectiveData? Objective = null,
        string? Engagement = null,
        string? FunnelLevel = null,
        string? ExpectedOutcome = null,
        Guid? OwnerId = null,
        DateOnly? CreatedOn = null);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<OpportunityDetail>> Handle(Command command, CancellationToken ct)
        {
            var validation = new Validation();
            if (!await db.Accounts.AnyAsync(a => a.Id == command.AccountId, ct))
                validation.Add("accountId", Messages.Format("ReferenceMissing", Messages.Format("Entity.account"), command.AccountId));
            var fields = new OpportunityFields(command.Name, command.Objective, command.Engagement, command.FunnelLevel, command.ExpectedOutcome, command.OwnerId, command.CreatedOn);
            var apply = await fields.ValidateAsync(db, validation, ct);
            if (apply is null || validation.HasErrors) return validation.ToError();

            var opportunity = new Opportunity { AccountId = command.AccountId, CreatedOn = DateOnly.FromDateTime(time.GetLocalNow().DateTime) };
            apply(opportunity);
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync(ct);
            return (await GetOpportunity.LoadAsync(db, opportunity.Id, ct))!;
        }
    }
}
