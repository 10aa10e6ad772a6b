using KeySell.Domain.Opportunities;

namespace KeySell.Domain.Quotas;

/// <summary>
/// The chance that a deal at a funnel level is won: the weight of an open deal in the pipeline and
/// what a gap costs in pipeline at that level. Only <c>above</c>, <c>in</c> and <c>best-few</c> have one.
/// </summary>
public sealed record WinRates(decimal Above, decimal In, decimal BestFew)
{
    public static readonly FunnelLevel[] Levels = [FunnelLevel.Above, FunnelLevel.In, FunnelLevel.BestFew];

    public decimal For(FunnelLevel level) => level switch
    {
        FunnelLevel.Above => Above,
        FunnelLevel.In => In,
        FunnelLevel.BestFew => BestFew,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Only above, in and best-few have a win rate."),
    };

    /// <summary>A rate is a chance above nothing and at most certainty.</summary>
    public static bool IsValid(decimal rate) => rate > 0m && rate <= 1m;
}

/// <summary>
/// How the closed deals of the last 365 days that ever reached a level ended. With fewer than
/// <see cref="Enough"/> of them the team's default rate stands instead: a few deals say little.
/// </summary>
public readonly record struct ClosedRecord(int Won, int Lost)
{
    public const int Enough = 10;

    public int Closed => Won + Lost;
    public bool IsEnough => Closed >= Enough;

    /// <summary>won / (won + lost) when there are enough closed deals, else the default.</summary>
    public decimal RateOr(decimal fallback) => IsEnough ? (decimal)Won / Closed : fallback;
}
