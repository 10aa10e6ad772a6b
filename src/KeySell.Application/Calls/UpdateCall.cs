using KeySell.Application.BuyingInfluences;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calls;

/// <summary>
/// Saves one call as a whole: re-planned, held (status done with its outcome and notes) or cancelled. Holding it moves
/// the met people's last contact to its day when that is later, in the same transaction. Only the call's own version
/// is checked; the deal's is untouched, so other panels of the deal save alongside.
/// </summary>
public static class UpdateCall
{
    public sealed record Command(
        Guid OpportunityId,
        string CallId,
        int Version,
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
            var call = await db.Calls.FirstOrDefaultAsync(c => c.OpportunityId == command.OpportunityId && c.Key == command.CallId, ct);
            if (call is null) return Versions.NotFound("call", command.CallId);
            if (!await db.MayWriteOpportunityAsync(command.OpportunityId, ct)) return Error.Forbidden(Messages.Format("Access.ReadOnly"));

            var keys = await db.InfluenceKeysAsync(command.OpportunityId, ct);
            var validation = new Validation();
            // The id names the call in the sheet and in links; a call keeps it (the body may repeat it, as read).
            if (command.Id is not null && command.Id != call.Key) validation.Add("id", Messages.Format("Calls.IdFixed", command.Id, call.Key));
            var apply = new CallFields(command.Date, command.With, command.Status, command.Commitment, command.Questions, command.Outcome, command.Notes)
                .Validate(validation, keys);
            if (apply is null) return validation.ToError();
            if (db.CheckVersion(call, command.Version, "call") is { } stale) return stale;

            apply(call);
            await LastContacts.MoveAsync(db, call, ct);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return CallDetail.From(call);
        }
    }
}
