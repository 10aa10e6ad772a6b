using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>The five dimensions, response mode, counterpart, dates and win-results, checked alike on add and update.</summary>
internal sealed record InfluenceFields(
    IReadOnlyList<string>? Roles,
    string? Influence,
    int? Support,
    string? Contact,
    string? Mode,
    Guid? CounterpartId,
    DateOnly? Since,
    DateOnly? LastContact,
    IReadOnlyList<string>? Wins,
    IReadOnlyList<string>? Results)
{
    public async Task<Action<BuyingInfluence>?> ValidateAsync(AppDbContext db, Validation validation, CancellationToken ct)
    {
        var roles = BuyingRoles.None;
        foreach (var (id, index) in (Roles ?? []).Select((r, i) => (r, i)))
            roles |= validation.Enum<BuyingRoles>($"roles[{index}]", id) ?? BuyingRoles.None;
        var influence = validation.Enum<InfluenceLevel>("influence", Influence) ?? InfluenceLevel.Unknown;
        if (!Domain.BuyingInfluences.Support.IsValid(Support))
            validation.Add("support", Messages.Format("OutOfRange", Domain.BuyingInfluences.Support.Min, Domain.BuyingInfluences.Support.Max));
        var contact = validation.Enum<ContactLevel>("contact", Contact) ?? ContactLevel.Unknown;
        var mode = validation.Enum<ResponseMode>("mode", Mode) ?? ResponseMode.Unknown;
        if (CounterpartId is { } counterpartId && !await db.Colleagues.AnyAsync(c => c.Id == counterpartId, ct))
            validation.Add("counterpartId", Messages.Format("ReferenceMissing", Messages.Format("Entity.colleague"), counterpartId));
        PlausibleDates.Check(validation, "since", Since);
        PlausibleDates.Check(validation, "lastContact", LastContact);
        var wins = WinResults(validation, "wins", Wins);
        var results = WinResults(validation, "results", Results);
        if (validation.HasErrors) return null;

        return target =>
        {
            target.Roles = roles;
            target.Influence = influence;
            target.Support = Support;
            target.Contact = contact;
            target.Mode = mode;
            target.CounterpartId = CounterpartId;
            target.Since = Since;
            target.LastContact = LastContact;
            target.Wins = wins;
            target.Results = results;
        };
    }

    /// <summary>Each entry non-empty and short, and not so many that the row stops being readable.</summary>
    public static List<string> WinResults(Validation validation, string field, IReadOnlyList<string>? items)
    {
        var list = items ?? [];
        if (list.Count > BuyingInfluence.MaxWinResults) validation.Add(field, Messages.Format("TooMany", BuyingInfluence.MaxWinResults));
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i])) validation.Add($"{field}[{i}]", Messages.Format("EmptyEntry"));
            else validation.MaxLength($"{field}[{i}]", list[i].Trim(), BuyingInfluence.WinResultMaxLength);
        }
        return list.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
    }
}
