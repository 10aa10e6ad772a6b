namespace KeySell.Domain.Opportunities;

/// <summary>
/// The single sales objective (单一销售目标): what, how much and by when. Every part may still
/// be unknown; an incomplete objective is itself a red flag rather than an invalid record.
/// </summary>
public class SalesObjective
{
    public const int ProductMaxLength = 200;

    public string? Product { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? Amount { get; set; }
    /// <summary>ISO 4217 code, e.g. CNY, USD, EUR.</summary>
    public string? Currency { get; set; }
    public DateOnly? CloseDate { get; set; }

    public bool IsComplete => !string.IsNullOrWhiteSpace(Product) && Amount is not null && CloseDate is not null;
}
