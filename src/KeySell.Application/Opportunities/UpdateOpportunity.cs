using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <summary>Changes the deal's name, objective, engagement, funnel level, expected outcome or owner.</summary>
public static class UpdateOpportunity
{
    public sealed record Command(
        Guid Id,
        int Version,
        string? Name,
        ObjectiveData? Objective = null,
        string? Engagement = null,
        string? FunnelLevel = null,
        string? ExpectedOutcome = null,
        Guid? OwnerId = null,
        DateOnly? CreatedOn = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<OpportunityDetail>> Handle(Command command, CancellationToken ct)
        {
            var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == command.Id, ct);
            if (opportunity is null) return Versions.NotFound("opportunity", command.Id);

            var validation = new Validation();
            var fields = new OpportunityFields(command.Name, command.Objective, command.Engagement, command.FunnelLevel, command.ExpectedOutcome, command.OwnerId, command.CreatedOn);
            var apply = await fields.ValidateAsync(db, validation, ct);
            if (apply is null) return validation.ToError();
            if (db.CheckVersion(opportunity, command.Version, "opportunity") is { } stale) return stale;

            apply(opportunity);
            // The sheet's ETag is this version, so even a save that changes nothing must not look like one.
            db.Entry(opportunity).State = EntityState.Modified;
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return (await GetOpportunity.LoadAsync(db, opportunity.Id, ct))!;
        }
    }
}
