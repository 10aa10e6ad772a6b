using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Actions;

/// <summary>
/// Saves one action (text, owner, due day, status, person, red flags it works against) against the version the
/// caller read: a stale one is a 409 naming who saved and when. Only that row is written.
/// </summary>
public static class UpdateAction
{
    /// <param name="Id">The action's sheet id (from the route).</param>
    public sealed record Command(
        Guid OpportunityId,
        string Id,
        int Version,
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
            var action = await db.Actions.FirstOrDefaultAsync(a => a.OpportunityId == command.OpportunityId && a.Key == command.Id, ct);
            if (action is null) return Versions.NotFound("action", command.Id);

            var validation = new Validation();
            var fields = new ActionFields(command.Text, command.OwnerId, command.Due, command.Status, command.Influence, command.Addresses);
            var apply = await fields.ValidateAsync(db, command.OpportunityId, validation, ct);
            if (apply is null) return validation.ToError();
            if (db.CheckVersion(action, command.Version, "action") is { } stale) return stale;

            apply(action);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return await GetAction.LoadAsync(db, action.OpportunityId, action.Key, ct) is { } saved
                ? ActionDetail.From(saved, DateOnly.FromDateTime(time.GetLocalNow().Date))
                : Versions.NotFound("action", action.Key);
        }
    }
}
