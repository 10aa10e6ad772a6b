using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Actions;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Actions;

/// <summary>
/// Adds a step to a deal's action plan, at the end. The caller may give its sheet id; otherwise the next free
/// <c>a</c>-number is used. Only the new row is written: the deal's own version does not move, so someone editing
/// another panel of the same deal is not refused.
/// </summary>
public static class CreateAction
{
    public sealed record Command(
        Guid OpportunityId,
        string? Id = null,
        string? Text = null,
        Guid? OwnerId = null,
        DateOnly? Due = null,
        string? Status = null,
        string? Influence = null,
        IReadOnlyList<string>? Addresses = null);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<ActionDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == command.OpportunityId, ct)) return Versions.NotFound("opportunity", command.OpportunityId);
            var existing = await db.Actions.Where(a => a.OpportunityId == command.OpportunityId)
                .Select(a => new { a.Key, a.Position }).ToListAsync(ct);
            var taken = existing.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

            var validation = new Validation();
            if (existing.Count >= SellingAction.MaxPerDeal) validation.Add("actions", Messages.Format("TooMany", SellingAction.MaxPerDeal));
            var key = ActionKeys.Check(validation, command.Id, taken);
            var fields = new ActionFields(command.Text, command.OwnerId, command.Due, command.Status, command.Influence, command.Addresses);
            var apply = await fields.ValidateAsync(db, command.OpportunityId, validation, ct);
            if (apply is null || validation.HasErrors) return validation.ToError();

            var action = new SellingAction
            {
                OpportunityId = command.OpportunityId,
                Key = key ?? ActionKeys.Next(taken),
                Position = existing.Count == 0 ? 0 : existing.Max(e => e.Position) + 1,
            };
            apply(action);
            db.Actions.Add(action);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return await GetAction.LoadAsync(db, action.OpportunityId, action.Key, ct) is { } saved
                ? ActionDetail.From(saved, DateOnly.FromDateTime(time.GetLocalNow().Date))
                : Versions.NotFound("action", action.Key);
        }
    }
}
