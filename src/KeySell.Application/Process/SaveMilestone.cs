using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Application.Resources;
using KeySell.Domain.Common;
using KeySell.Domain.Process;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Process;

/// <summary>
/// Ticks (or unticks) one milestone of a deal with its day and evidence. The milestone is its own row with its own
/// version, so two people saving different parts of one deal never refuse each other; the deal's version is untouched.
/// </summary>
public static class SaveMilestone
{
    /// <param name="Id">The milestone's id (<c>confirm-opportunity</c>…), from the route (a body may repeat it, as read).</param>
    /// <param name="Version">The version read; 0 for a milestone never saved.</param>
    public sealed record Command(Guid OpportunityId, string Id, DateOnly? Done, string? Evidence, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<MilestoneDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == command.OpportunityId, ct)) return Versions.NotFound("opportunity", command.OpportunityId);
            if (!MethodIds.TryParse<Milestone>(command.Id, out var milestone)) return Versions.NotFound("milestone", command.Id);
            if (!await db.MayWriteOpportunityAsync(command.OpportunityId, ct)) return Error.Forbidden(Messages.Format("Access.ReadOnly"));

            var validation = new Validation();
            PlausibleDates.Check(validation, "done", command.Done);
            validation.MaxLength("evidence", command.Evidence, ProcessMilestone.EvidenceMaxLength);
            if (validation.HasErrors) return validation.ToError();

            var evidence = Texts.OrNull(command.Evidence);
            var row = await db.Milestones.FirstOrDefaultAsync(m => m.OpportunityId == command.OpportunityId && m.Milestone == milestone, ct);
            var added = row is null;
            if (row is null)
            {
                // Never saved: the caller read version 0; anything else was read from a row that is gone.
                if (command.Version != 0) return Error.Conflict(Messages.Format("ConcurrentSave"));
                row = db.Milestones.Add(new ProcessMilestone { OpportunityId = command.OpportunityId, Milestone = milestone, Done = command.Done, Evidence = evidence }).Entity;
            }
            else
            {
                if (db.CheckVersion(row, command.Version, "milestone") is { } stale) return stale;
                // Assigned only when different, so saving what was read writes nothing (and adds no history).
                if (row.Done != command.Done) row.Done = command.Done;
                if (row.Evidence != evidence) row.Evidence = evidence;
            }
            try
            {
                if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            }
            catch (DbUpdateException) when (added)
            {
                // Two first saves of one milestone at once: the unique (deal, milestone) index lets one in; the other re-reads.
                return Error.Conflict(Messages.Format("ConcurrentSave"));
            }
            return MilestoneDetail.From(milestone, row);
        }
    }
}
