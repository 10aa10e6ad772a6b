using KeySell.Domain.Common;

namespace KeySell.Domain.Quotas;

/// <summary>
/// What a seller is expected to win in one period (a year <c>2027</c> or a quarter <c>2027-Q1</c>),
/// in the team's base currency: the figure the funnel principle measures the pipeline against.
/// Set by admins, or by a manager for the members of the teams they manage.
/// </summary>
public class Quota : AuditedEntity
{
    public const int PeriodMaxLength = 7;
    /// <summary>A hundred billion in the base currency: far above any seller's year, well inside the column.</summary>
    public const decimal MaxAmount = 100_000_000_000m;

    /// <summary>The Identity user the quota is for.</summary>
    public string UserId { get; set; } = "";
    /// <summary><c>YYYY</c> or <c>YYYY-Qn</c>, as the API spells it.</summary>
    public string Period { get; set; } = "";
    public decimal Amount { get; set; }
}
