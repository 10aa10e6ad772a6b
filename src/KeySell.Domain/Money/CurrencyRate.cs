namespace KeySell.Domain.Money;

/// <summary>
/// How many units of the team's base currency one unit of <see cref="Currency"/> is worth, kept by
/// admins. The base currency itself needs no row: its rate is always 1.
/// </summary>
public class CurrencyRate
{
    public string Currency { get; set; } = "";
    public decimal RateToBase { get; set; }
}
