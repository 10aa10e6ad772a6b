using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>An account's informal line as the API reads it: <see cref="From"/> listens to <see cref="To"/> (person ids).</summary>
public sealed record PersonLineDetail(Guid Id, Guid From, Guid To, LineStrength Strength, string? Note, int Version)
{
    public static PersonLineDetail Of(PersonLine line) => new(line.Id, line.FromPersonId, line.ToPersonId, line.Strength, line.Note, line.Version);
}

/// <summary>What a seller records about one account line, checked the same way on add and update.</summary>
internal sealed record PersonLineFields(Guid? From, Guid? To, string? Strength, string? Note)
{
    public async Task<LineStrength?> ValidateAsync(AppDbContext db, Validation validation, Guid accountId, Guid? self, CancellationToken ct)
    {
        var ids = new[] { From, To }.OfType<Guid>().ToList();
        var ofAccount = (await db.People.Where(p => p.AccountId == accountId && ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        Person(validation, ofAccount, "from", From);
        Person(validation, ofAccount, "to", To);
        if (From is not null && From == To) validation.Add("to", Messages.Format("PersonLines.SamePerson"));
        var strength = validation.Enum<LineStrength>("strength", Strength) ?? LineStrength.Medium;
        validation.MaxLength("note", Note, PersonLine.NoteMaxLength);
        if (!validation.HasErrors
            && await db.PersonLines.AnyAsync(l => l.AccountId == accountId && l.FromPersonId == From && l.ToPersonId == To && l.Id != self, ct))
            validation.Add("to", Messages.Format("PersonLines.Duplicate"));
        return validation.HasErrors ? null : strength;
    }

    public void ApplyTo(PersonLine line, LineStrength strength)
    {
        line.FromPersonId = From!.Value;
        line.ToPersonId = To!.Value;
        line.Strength = strength;
        line.Note = Texts.OrNull(Note);
    }

    private static void Person(Validation validation, HashSet<Guid> ofAccount, string field, Guid? id)
    {
        if (id is not { } person) validation.Add(field, Messages.Format("Required"));
        else if (!ofAccount.Contains(person)) validation.Add(field, Messages.Format("Map.NotOfAccount", person));
    }
}
