using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.RecycleBin;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <summary>Moves a deal with its influences and lists to the recycle bin; the people stay in the account's org chart.</summary>
public static class DeleteOpportunity
{
    public sealed record Command(Guid Id, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == command.Id, ct);
            if (opportunity is null) return Versions.NotFound("opportunity", command.Id);
            if (db.CheckVersion(opportunity, command.Version, "opportunity") is { } stale) return stale;

            db.MoveToRecycleBin(opportunity);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.Id;
        }
    }
}
