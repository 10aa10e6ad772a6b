using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>Changes one influence line, guarded by its own version.</summary>
public static class UpdateInfluenceLine
{
    public sealed record Command(Guid OpportunityId, Guid Id, string? From, string? To, string? Strength, string? Note, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<InfluenceLineDetail>> Handle(Command command, CancellationToken ct)
        {
            var line = await db.InfluenceLines.FirstOrDefaultAsync(l => l.Id == command.Id && l.OpportunityId == command.OpportunityId, ct);
            if (line is null) return Versions.NotFound("influenceLine", command.Id);

            var validation = new Validation();
            var fields = new InfluenceLineFields(command.From, command.To, command.Strength, command.Note);
            var strength = await fields.ValidateAsync(db, validation, command.OpportunityId, self: line.Id, ct);
            if (strength is null || validation.HasErrors) return validation.ToError();
            if (db.CheckVersion(line, command.Version, "influenceLine") is { } stale) return stale;

            fields.ApplyTo(line, strength.Value);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return InfluenceLineDetail.Of(line);
        }
    }
}
