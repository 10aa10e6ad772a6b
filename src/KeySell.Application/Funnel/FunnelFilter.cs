using System.Globalization;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Opportunities;

namespace KeySell.Application.Funnel;

/// <summary>
/// The deals a funnel figure covers — the scope's deals the caller may read, closing inside the optional date range —
/// read the same way by the summary and by the board's columns, so a column's cards are always the deals it counts.
/// </summary>
public static class FunnelFilter
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>400 per field for a bad scope or date, or a range that ends before it starts; 403/404 for a team as <see cref="PipelineScopes"/> says.</summary>
    public static async Task<Result<Filtered>> DealsAsync(AppDbContext db, string? scope, string? closeFrom, string? closeTo, CancellationToken ct, Guid? ownerId = null)
    {
        var validation = new Validation();
        var from = ParseDate(validation, "closeFrom", closeFrom);
        var to = ParseDate(validation, "closeTo", closeTo);
        if (from is { } f && to is { } t && f > t) validation.Add("closeTo", Messages.Format("Funnel.CloseRange", f.ToDateTime(TimeOnly.MinValue), t.ToDateTime(TimeOnly.MinValue)));
        var parsed = PipelineScope.Parse(scope);
        if (!parsed.Succeeded) validation.Add("scope", parsed.Error!.Message);
        if (validation.HasErrors) return validation.ToError();

        var owners = await db.ResolveAsync(parsed.Value, ct);
        if (!owners.Succeeded) return owners.Error!;

        var deals = owners.Value.Deals(db);
        // The board's owner filter narrows inside the scope (the API has none: the contract's scopes suffice there).
        if (ownerId is { } owner) deals = deals.Where(o => o.OwnerId == owner);
        if (from is { } closeFromDate) deals = deals.Where(o => o.Objective.CloseDate != null && o.Objective.CloseDate >= closeFromDate);
        if (to is { } closeToDate) deals = deals.Where(o => o.Objective.CloseDate != null && o.Objective.CloseDate <= closeToDate);
        return new Filtered(deals, owners.Value, ByCloseDate: from is not null || to is not null);
    }

    /// <summary>The deals, and what they were chosen by (a record because a <see cref="Result{T}"/> cannot be converted from an interface type).</summary>
    /// <param name="ByCloseDate">Whether a close-date range narrows them (the funnel's running totals know no dates).</param>
    public sealed record Filtered(IQueryable<Opportunity> Deals, ScopedOwners Owners, bool ByCloseDate);

    private static DateOnly? ParseDate(Validation validation, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        validation.Add(field, Messages.Format("Sheet.Date", Texts.Cut(text, 32)));
        return null;
    }
}
