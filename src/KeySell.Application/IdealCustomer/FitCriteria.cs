using System.Globalization;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.IdealCustomer;

/// <summary>A criterion as the API shows it: a default's words in the reader's language until someone types others.</summary>
public sealed record FitCriterionItem(Guid Id, string Name, string? Description, int Weight);

public sealed record FitCriteriaList(IReadOnlyList<FitCriterionItem> Items);

/// <summary>
/// The team's criteria as stored, or the five defaults while none are stored (a new database stays
/// empty for <c>import-all</c> and <c>restore</c>; decision 0017). The first save that needs them as
/// rows (a rating, a change of the list) stores the defaults with the ids readers were shown.
/// </summary>
internal static class FitCriteria
{
    public static async Task<List<FitCriterion>> ReadAsync(AppDbContext db, CancellationToken ct)
    {
        var stored = await db.FitCriteria.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(ct);
        return stored.Count > 0 ? stored : FitCriterion.NewDefaults();
    }

    /// <summary>The criteria tracked for a change; the defaults are added (not yet saved) when none are stored.</summary>
    public static async Task<List<FitCriterion>> TrackedAsync(AppDbContext db, CancellationToken ct)
    {
        var stored = await db.FitCriteria.OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(ct);
        if (stored.Count > 0) return stored;
        var defaults = FitCriterion.NewDefaults();
        db.FitCriteria.AddRange(defaults);
        return defaults;
    }

    public static FitCriterionItem Item(FitCriterion c) =>
        new(c.Id, c.Name ?? DefaultWords(c.DefaultKey, "Name", CultureInfo.CurrentUICulture) ?? "",
            c.Description ?? DefaultWords(c.DefaultKey, "Description", CultureInfo.CurrentUICulture), c.Weight);

    public static FitCriteriaList List(IEnumerable<FitCriterion> criteria) => new([.. criteria.Select(Item)]);

    /// <summary>A default's name or description in one language; null for a criterion the team added.</summary>
    public static string? DefaultWords(string? key, string part, CultureInfo culture) =>
        key is null ? null : Messages.InCulture($"Fit.{key}.{part}", culture);

    /// <summary>Whether a typed text is the default's own words in either language, so the default stays bilingual.</summary>
    public static bool IsDefaultWords(string? key, string part, string? text) =>
        key is not null && text is not null
        && (text == DefaultWords(key, part, CultureInfo.GetCultureInfo("en")) || text == DefaultWords(key, part, CultureInfo.GetCultureInfo("zh-Hans")));
}
