using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Application.Resources;
using KeySell.Domain.Actions;
using KeySell.Domain.RedFlags;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Actions;

/// <summary>What an action says, checked alike when it is added and when it is changed (the contract's limits).</summary>
internal sealed record ActionFields(
    string? Text,
    Guid? OwnerId,
    DateOnly? Due,
    string? Status,
    string? Influence,
    IReadOnlyList<string>? Addresses)
{
    /// <summary>Checks every field against the deal's influences and the colleagues; null when something is wrong (then in <paramref name="validation"/>).</summary>
    public async Task<Action<SellingAction>?> ValidateAsync(AppDbContext db, Guid opportunityId, Validation validation, CancellationToken ct)
    {
        validation.Required("text", Text, SellingAction.TextMaxLength);
        // The colleague directory is read by everyone signed in (team-access contract), so any colleague may own an action.
        if (OwnerId is { } ownerId && !await db.Colleagues.AnyAsync(c => c.Id == ownerId, ct))
            validation.Add("ownerId", Messages.Format("ReferenceMissing", Messages.Format("Entity.colleague"), ownerId));
        PlausibleDates.Check(validation, "due", Due);
        var status = validation.Enum<ActionStatus>("status", Status) ?? ActionStatus.Open;
        if (Influence is not null && !await db.BuyingInfluences.AnyAsync(i => i.OpportunityId == opportunityId && i.Key == Influence, ct))
            validation.Add("influence", Messages.Format("UnknownInfluenceKey", Influence));
        var addresses = validation.RedFlagIds("addresses", Addresses);
        if (validation.HasErrors) return null;

        var text = Text!.Trim();
        return action =>
        {
            action.Text = text;
            action.OwnerId = OwnerId;
            action.Due = Due;
            action.Status = status;
            action.InfluenceKey = Influence;
            // A new list only when it differs, so saving what was read writes nothing.
            if (!action.Addresses.SequenceEqual(addresses)) action.Addresses = addresses;
        };
    }
}
