using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>Changes one account line, guarded by its own version.</summary>
public static class UpdatePersonLine
{
    public sealed record Command(Guid AccountId, Guid Id, Guid? From, Guid? To, string? Strength, string? Note, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<PersonLineDetail>> Handle(Command command, CancellationToken ct)
        {
            var line = await db.PersonLines.FirstOrDefaultAsync(l => l.Id == command.Id && l.AccountId == command.AccountId, ct);
            if (line is null) return Versions.NotFound("personLine", command.Id);
            var validation = new Validation();
            var fields = new PersonLineFields(command.From, command.To, command.Strength, command.Note);
            var strength = await fields.ValidateAsync(db, validation, command.AccountId, self: line.Id, ct);
            if (strength is null || validation.HasErrors) return validation.ToError();
            if (db.CheckVersion(line, command.Version, "personLine") is { } stale) return stale;

            fields.ApplyTo(line, strength.Value);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return PersonLineDetail.Of(line);
        }
    }
}
