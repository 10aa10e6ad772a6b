using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>Erases one account line (its history keeps what it was).</summary>
public static class RemovePersonLine
{
    public sealed record Command(Guid AccountId, Guid Id, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var line = await db.PersonLines.FirstOrDefaultAsync(l => l.Id == command.Id && l.AccountId == command.AccountId, ct);
            if (line is null) return Versions.NotFound("personLine", command.Id);
            if (db.CheckVersion(line, command.Version, "personLine") is { } stale) return stale;
            db.PersonLines.Remove(line);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.Id;
        }
    }
}
