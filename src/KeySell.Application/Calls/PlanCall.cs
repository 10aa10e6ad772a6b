using KeySell.Application.BuyingInfluences;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calls;

/// <summary>
/// Adds a call to a deal, at the end of its list: planned (the usual case) or already held. Its id is the one given,
/// or the next free <c>c{n}</c>. A call added as done moves the met people's last contact, as holding one does.
/// </summary>
public static class PlanCall
{
    public sealed record Command(
        Guid OpportunityId,
        string? Id = null,
        DateOnly? Date = null,
        IReadOnlyList<string>? With = null,
        string? Status = null,
        string? Commitment = null,
        IReadOnlyList<QuestionInput>? Questions = null,
        string? Outcome = null,
        string? Notes = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<CallDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == command.OpportunityId, ct)) return Versions.NotFound("opportunity", command.OpportunityId);
            if (!await db.MayWriteOpportunityAsync(command.OpportunityId, ct)) return Error.Forbidden(Messages.Format("Access.ReadOnly"));

            var taken = await db.Calls.Where(c => c.OpportunityId == command.OpportunityId).Select(c => new { c.Key, c.Position }).ToListAsync(ct);
            var keys = await db.InfluenceKeysAsync(command.OpportunityId, ct);
            var validation = new Validation();
            if (taken.Count >= CallKeys.MaxPerDeal) validation.Add("id", Messages.Format("Calls.TooMany", CallKeys.MaxPerDeal));
            if (command.Id is not null)
            {
                if (validation.Required("id", command.Id, Call.KeyMaxLength).HasErrors is false && taken.Any(c => c.Key == command.Id))
                    validation.Add("id", Messages.Format("Calls.DuplicateId", command.Id));
            }
            var apply = new CallFields(command.Date, command.With, command.Status, command.Commitment, command.Questions, command.Outcome, command.Notes)
                .Validate(validation, keys);
            if (apply is null) return validation.ToError();

            var call = new Call
            {
                OpportunityId = command.OpportunityId,
                Key = command.Id ?? CallKeys.Next(taken.Select(c => c.Key)),
                Position = taken.Count == 0 ? 0 : taken.Max(c => c.Position) + 1,
            };
            apply(call);
            db.Calls.Add(call);
            await LastContacts.MoveAsync(db, call, ct);
            try
            {
                if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            }
            catch (DbUpdateException)
            {
                // Two calls given the same id at once: the unique (deal, id) index lets one in.
                return Error.Conflict(Messages.Format("ConcurrentSave"));
            }
            return CallDetail.From(call);
        }
    }
}
