using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calls;

/// <summary>Deletes one call of a deal (a cancelled call is better kept as <c>cancelled</c>; this is for a mistake).</summary>
public static class RemoveCall
{
    public sealed record Command(Guid OpportunityId, string CallId, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<string>> Handle(Command command, CancellationToken ct)
        {
            var call = await db.Calls.FirstOrDefaultAsync(c => c.OpportunityId == command.OpportunityId && c.Key == command.CallId, ct);
            if (call is null) return Versions.NotFound("call", command.CallId);
            if (!await db.MayWriteOpportunityAsync(command.OpportunityId, ct)) return Error.Forbidden(Messages.Format("Access.ReadOnly"));
            if (db.CheckVersion(call, command.Version, "call") is { } stale) return stale;
            db.Calls.Remove(call);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return call.Key;
        }
    }
}
