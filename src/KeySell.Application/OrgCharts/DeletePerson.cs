using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.RecycleBin;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.OrgCharts;

/// <summary>
/// Moves a person from the org chart to the recycle bin; their reports move up to their manager. Someone who still
/// influences a deal is refused: mark them as left the company instead, so the sheet keeps the history.
/// </summary>
public static class DeletePerson
{
    public sealed record Command(Guid Id, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == command.Id, ct);
            if (person is null) return Versions.NotFound("person", command.Id);
            if (db.CheckVersion(person, command.Version, "person") is { } stale) return stale;

            // Counted in every deal, also those the caller cannot read or that wait in the recycle bin: none may lose a person.
            var deals = await db.BuyingInfluences.IgnoreQueryFilters().CountAsync(i => i.PersonId == command.Id, ct);
            if (deals > 0) return Error.Conflict(Messages.Format(Messages.ForCount("PersonIsInfluence", deals), person.Name, deals));

            foreach (var report in await db.People.Where(p => p.ReportsToId == person.Id).ToListAsync(ct))
                report.ReportsToId = person.ReportsToId;
            db.MoveToRecycleBin(person);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.Id;
        }
    }
}
