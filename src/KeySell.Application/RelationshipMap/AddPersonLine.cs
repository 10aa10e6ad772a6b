using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>Draws a line "from listens to to" between two people of an account, kept by the account.</summary>
public static class AddPersonLine
{
    /// <summary><see cref="Strength"/>: strong, medium (default) or weak.</summary>
    public sealed record Command(Guid AccountId, Guid? From, Guid? To, string? Strength = null, string? Note = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<PersonLineDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == command.AccountId, ct)) return Versions.NotFound("account", command.AccountId);
            var validation = new Validation();
            var fields = new PersonLineFields(command.From, command.To, command.Strength, command.Note);
            var strength = await fields.ValidateAsync(db, validation, command.AccountId, self: null, ct);
            if (await db.PersonLines.CountAsync(l => l.AccountId == command.AccountId, ct) >= PersonLine.MaxPerAccount)
                validation.Add("from", Messages.Format("PersonLines.TooMany", PersonLine.MaxPerAccount));
            if (strength is null || validation.HasErrors) return validation.ToError();

            var line = new PersonLine { AccountId = command.AccountId };
            fields.ApplyTo(line, strength.Value);
            db.PersonLines.Add(line);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return PersonLineDetail.Of(line);
        }
    }
}
