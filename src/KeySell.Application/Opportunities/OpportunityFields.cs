using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <summary>The single sales objective as the client sends and reads it; every part may be unknown.</summary>
public sealed record ObjectiveData(string? Product, decimal? Quantity, decimal? Amount, string? Currency, DateOnly? CloseDate)
{
    public static ObjectiveData From(SalesObjective objective) =>
        new(objective.Product, objective.Quantity, objective.Amount, objective.Currency, objective.CloseDate);
}

/// <summary>The fields a seller edits on an opportunity, checked the same way on create and update.</summary>
internal sealed record OpportunityFields(
    string? Name, ObjectiveData? Objective, string? Engagement, string? FunnelLevel, string? ExpectedOutcome, Guid? OwnerId, DateOnly? CreatedOn)
{
    public async Task<Action<Opportunity>?> ValidateAsync(AppDbContext db, Validation validation, CancellationToken ct)
    {
        validation.Required("name", Name, Opportunity.NameMaxLength);
        var objective = Objective ?? new ObjectiveData(null, null, null, null, null);
        validation.MaxLength("objective.product", objective.Product, SalesObjective.ProductMaxLength);
        validation.NotNegative("objective.quantity", objective.Quantity);
        validation.NotNegative("objective.amount", objective.Amount);
        validation.Currency("objective.currency", objective.Currency);
        PlausibleDates.Check(validation, "objective.closeDate", objective.CloseDate);
        PlausibleDates.Check(validation, "createdOn", CreatedOn);
        var engagement = validation.Enum<Engagement>("engagement", Engagement);
        var funnelLevel = validation.Enum<FunnelLevel>("funnelLevel", FunnelLevel) ?? Domain.Opportunities.FunnelLevel.Above;
        var outcome = validation.Enum<ExpectedOutcome>("expectedOutcome", ExpectedOutcome);
        if (OwnerId is { } ownerId && !await db.Colleagues.AnyAsync(c => c.Id == ownerId, ct))
            validation.Add("ownerId", Messages.Format("ReferenceMissing", Messages.Format("Entity.colleague"), ownerId));
        if (validation.HasErrors) return null;

        return opportunity =>
        {
            opportunity.Name = Name!.Trim();
            opportunity.Objective = new SalesObjective
            {
                Product = string.IsNullOrWhiteSpace(objective.Product) ? null : objective.Product.Trim(),
                Quantity = objective.Quantity,
                Amount = objective.Amount,
                Currency = objective.Currency,
                CloseDate = objective.CloseDate,
            };
            opportunity.Engagement = engagement;
            opportunity.FunnelLevel = funnelLevel;
            opportunity.ExpectedOutcome = outcome;
            opportunity.OwnerId = OwnerId;
            // Every deal has its day (set on creation, back-filled by the migration); not sending one keeps it.
            if (CreatedOn is { } day) opportunity.CreatedOn = day;
        };
    }
}

/// <summary>Dates a sales plan can sensibly hold; a typo like 0202-11-26 is caught instead of stored.</summary>
internal static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static void Check(Validation validation, string field, DateOnly? date)
    {
        if (date is { } d && (d < Earliest || d > Latest))
            validation.Add(field, Messages.Format("DateOutOfRange", Earliest.ToDateTime(TimeOnly.MinValue), Latest.ToDateTime(TimeOnly.MinValue)));
    }
}
