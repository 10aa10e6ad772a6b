using KeySell.Domain.Opportunities;

namespace KeySell.Domain.Quotas;

/// <summary>
/// The funnel principle's arithmetic (contract: quota and coverage), apart from where the numbers
/// come from, so the formulas are tested on their own: coverage = (won + weighted) / quota,
/// gap = max(0, quota − won − weighted), and what the gap needs at each level.
/// </summary>
public static class CoverageFormula
{
    /// <summary>Σ amount × rate(level) over open deals at above, in and best-few (amounts already in the base currency).</summary>
    public static decimal Weighted(IEnumerable<(FunnelLevel Level, decimal Amount)> open, WinRates rates) =>
        open.Where(d => d.Level is FunnelLevel.Above or FunnelLevel.In or FunnelLevel.BestFew).Sum(d => d.Amount * rates.For(d.Level));

    /// <summary>(won + weighted) / quota to two decimals, halves away from zero; null for a quota of 0 (nothing to cover).</summary>
    public static decimal? Coverage(decimal quota, decimal won, decimal weighted) =>
        quota == 0m ? null : Math.Round((won + weighted) / quota, 2, MidpointRounding.AwayFromZero);

    public static decimal Gap(decimal quota, decimal won, decimal weighted) => Math.Max(0m, quota - won - weighted);

    /// <summary>
    /// The pipeline the gap needs at a level (gap / rate) and how many typical deals that is
    /// (rounded up). A rate of 0 (a history of no wins) needs an unbounded pipeline: null. Without a
    /// typical deal (or one of 0) the count is null.
    /// </summary>
    public static (decimal? Amount, int? Deals) Needed(decimal gap, decimal rate, decimal? typicalDeal)
    {
        if (rate <= 0m) return (null, null);
        var amount = gap / rate;
        if (typicalDeal is not { } typical || typical <= 0m) return (amount, null);
        var deals = Math.Ceiling(amount / typical);
        return (amount, deals > int.MaxValue ? null : (int)deals);
    }

    /// <summary>The middle amount; the mean of the two middle ones for an even count; null for none.</summary>
    public static decimal? Median(IReadOnlyCollection<decimal> amounts)
    {
        if (amounts.Count == 0) return null;
        var sorted = amounts.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
