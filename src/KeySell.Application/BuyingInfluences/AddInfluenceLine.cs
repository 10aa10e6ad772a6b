using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>Draws a line "from listens to to" between two people of a deal; it goes last, and touches no other record's version.</summary>
public static class AddInfluenceLine
{
    /// <summary><see cref="Strength"/>: strong, medium (default) or weak.</summary>
    public sealed record Command(Guid OpportunityId, string? From, string? To, string? Strength = null, string? Note = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<InfluenceLineDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == command.OpportunityId, ct)) return Versions.NotFound("opportunity", command.OpportunityId);

            var validation = new Validation();
            var fields = new InfluenceLineFields(command.From, command.To, command.Strength, command.Note);
            var strength = await fields.ValidateAsync(db, validation, command.OpportunityId, self: null, ct);
            var positions = await db.InfluenceLines.Where(l => l.OpportunityId == command.OpportunityId).Select(l => l.Position).ToListAsync(ct);
            if (positions.Count >= InfluenceLineFields.MaxLinesPerDeal) validation.Add("from", Messages.Format("Lines.TooMany", InfluenceLineFields.MaxLinesPerDeal));
            if (strength is null || validation.HasErrors) return validation.ToError();

            var line = new InfluenceLine { OpportunityId = command.OpportunityId, Position = positions.Count == 0 ? 0 : positions.Max() + 1 };
            fields.ApplyTo(line, strength.Value);
            db.InfluenceLines.Add(line);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return InfluenceLineDetail.Of(line);
        }
    }
}
