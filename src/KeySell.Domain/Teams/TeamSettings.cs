namespace KeySell.Domain.Teams;

/// <summary>
/// What the whole team works by, one row kept by admins: the base currency every sum is shown in,
/// and the win rates per funnel level used until the team has enough closed deals of its own
/// (the funnel contract's defaults 0.10, 0.25 and 0.60).
/// </summary>
public class TeamSettings
{
    /// <summary>There is one row; its key is always this.</summary>
    public const int TheOne = 1;
    public const string DefaultBaseCurrency = "CNY";
    public const decimal DefaultWinRateAbove = 0.10m;
    public const decimal DefaultWinRateIn = 0.25m;
    public const decimal DefaultWinRateBestFew = 0.60m;

    public int Id { get; set; } = TheOne;
    public string BaseCurrency { get; set; } = DefaultBaseCurrency;
    public decimal WinRateAbove { get; set; } = DefaultWinRateAbove;
    public decimal WinRateIn { get; set; } = DefaultWinRateIn;
    public decimal WinRateBestFew { get; set; } = DefaultWinRateBestFew;
}
