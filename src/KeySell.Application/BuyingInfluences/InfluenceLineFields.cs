using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>An informal influence line as the API reads it: <see cref="From"/> listens to <see cref="To"/> (influence keys).</summary>
public sealed record InfluenceLineDetail(Guid Id, string From, string To, LineStrength Strength, string? Note, int Version)
{
    public static InfluenceLineDetail Of(InfluenceLine line) => new(line.Id, line.FromKey, line.ToKey, line.Strength, line.Note, line.Version);
}

/// <summary>What a seller records about one line, checked the same way on add and update.</summary>
internal sealed record InfluenceLineFields(string? From, string? To, string? Strength, string? Note)
{
    /// <summary>Lines per deal: with at most 500 people on a sheet, more would be noise on the relationship map.</summary>
    public const int MaxLinesPerDeal = 1000;

    public async Task<LineStrength?> ValidateAsync(AppDbContext db, Validation validation, Guid opportunityId, Guid? self, CancellationToken ct)
    {
        var keys = await db.InfluenceKeysAsync(opportunityId, ct);
        Key(validation, keys, "from", From);
        Key(validation, keys, "to", To);
        if (From is not null && From == To) validation.Add("to", Messages.Format("Lines.SamePerson", To));
        var strength = validation.Enum<LineStrength>("strength", Strength) ?? LineStrength.Medium;
        validation.MaxLength("note", Note, InfluenceLine.NoteMaxLength);
        if (!validation.HasErrors
            && await db.InfluenceLines.AnyAsync(l => l.OpportunityId == opportunityId && l.FromKey == From && l.ToKey == To && l.Id != self, ct))
            validation.Add("to", Messages.Format("Lines.Duplicate", From!, To!));
        return validation.HasErrors ? null : strength;
    }

    public void ApplyTo(InfluenceLine line, LineStrength strength)
    {
        line.FromKey = From!;
        line.ToKey = To!;
        line.Strength = strength;
        line.Note = Texts.OrNull(Note);
    }

    private static void Key(Validation validation, HashSet<string> keys, string field, string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) validation.Add(field, Messages.Format("Required"));
        else if (!keys.Contains(key)) validation.Add(field, Messages.Format("UnknownInfluenceKey", key));
    }
}
