using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Actions;

/// <summary>Takes a step out of the action plan, if it is still the version the caller read (its history line keeps what it said).</summary>
public static class DeleteAction
{
    public sealed record Command(Guid OpportunityId, string Id, int Version);

    public sealed record Deleted(string Id);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Deleted>> Handle(Command command, CancellationToken ct)
        {
            var action = await db.Actions.FirstOrDefaultAsync(a => a.OpportunityId == command.OpportunityId && a.Key == command.Id, ct);
            if (action is null) return Versions.NotFound("action", command.Id);
            if (db.CheckVersion(action, command.Version, "action") is { } stale) return stale;
            db.Actions.Remove(action);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return new Deleted(command.Id);
        }
    }
}
